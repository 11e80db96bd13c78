"""A living timeline: articles, mentions and events persisted in SQLite or PostgreSQL.

``open_store`` opens (creating and migrating) a database; ``add`` ingests new articles and
re-groups only the events they touch; ``timeline`` renders the stored events like a
fresh build.
"""

from dateline.store.db import Store, StoreError, default_db_path, open_store
from dateline.store.incremental import AddResult, add, add_articles
from dateline.store.query import EventQuery, timeline

__all__ = ["AddResult", "EventQuery", "Store", "StoreError", "add", "add_articles",
           "default_db_path", "open_store", "timeline"]
