"""Command-line options that several commands share, declared once.

``build`` and ``timeline`` select events the same way, ``add``, ``timeline`` and ``serve``
open the same store, and every command that runs the pipeline can skip entity
recognition: each option is declared here, with one type check and one help text, and
the commands call these functions (``--workers``/``--scheduler``: ``engine``).
"""

from __future__ import annotations

import argparse

__all__ = ["DB_HELP", "positive_int", "entity_query", "add_db_argument",
           "add_selection_arguments", "add_entities_argument"]

DB_HELP = ("database: a file path or a postgresql://user:pass@host/db URL (default: "
           "$DATELINE_DB, else $XDG_DATA_HOME/dateline/dateline.db)")


def positive_int(text: str) -> int:
    """An argparse type: a whole number above zero."""
    value = int(text)
    if value <= 0:
        raise argparse.ArgumentTypeError("must be a positive number")
    return value


def entity_query(text: str) -> str:
    """An argparse type for ``--query`` (``build`` and ``timeline``): a malformed query is
    refused before any work, with the parser's reason. The query module is imported only
    when a query is given, so the command line starts without the grouping's imports."""
    from dateline.timeline.query import QueryError, parse_query

    try:
        parse_query(text)
    except QueryError as error:
        raise argparse.ArgumentTypeError(str(error)) from None
    return text


def add_db_argument(command: argparse.ArgumentParser) -> None:
    """``--db``: the store a command reads or writes."""
    command.add_argument("--db", metavar="PATH_OR_URL", help=DB_HELP)


def add_selection_arguments(command: argparse.ArgumentParser, collection: str) -> None:
    """``--max-events``, ``--dates`` and ``--per-date``: how many events a timeline keeps
    (``collection`` names what the default scales with: "the corpus", "the store")."""
    command.add_argument("--max-events", type=positive_int, metavar="N",
                         help=f"keep at most N events (default: scales with {collection})")
    command.add_argument("--dates", type=positive_int, metavar="N",
                         help="a timeline of N distinct days, those the collection keeps "
                              "coming back to (overrides --max-events)")
    command.add_argument("--per-date", type=positive_int, metavar="K",
                         help="events per day: K with --dates (default 1), else at most K")


def add_entities_argument(command: argparse.ArgumentParser,
                          what: str = "(faster, coarser grouping)") -> None:
    """``--no-entities``: skip spaCy's named-entity recognition."""
    command.add_argument("--no-entities", action="store_true",
                         help=f"skip named-entity recognition {what}")
