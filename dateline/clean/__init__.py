"""clean stage: strip page noise from article bodies and mark duplicate articles."""

from dateline.clean.duplicates import mark_duplicates
from dateline.clean.noise import clean_articles

__all__ = ["clean_articles", "mark_duplicates"]
