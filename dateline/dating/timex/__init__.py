"""Temporal expression tagging: find TIMEX3 expressions in news text and normalize them."""

from .fuzzy import to_fuzzy_date
from .tagger import tag

__all__ = ["tag", "to_fuzzy_date"]
