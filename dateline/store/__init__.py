"""A living timeline: articles, mentions and events persisted in SQLite or PostgreSQL.

``open_store`` opens (creating and migrating) a database; ``add`` ingests new articles and
re-groups only the events they touch; ``timeline`` renders the stored events like a
fresh build. Names are imported on first use, so that registering the store's CLI
commands does not load the NLP stack.
"""

from importlib import import_module

_HOMES = {
    "Store": "db", "StoreError": "db", "default_db_path": "db", "open_store": "db",
    "AddResult": "writer", "add": "writer", "add_articles": "writer",
    "EventQuery": "query", "timeline": "query",
}
__all__ = sorted(_HOMES)


def __getattr__(name: str):
    if name in _HOMES:
        return getattr(import_module(f"dateline.store.{_HOMES[name]}"), name)
    raise AttributeError(f"module 'dateline.store' has no attribute {name!r}")
