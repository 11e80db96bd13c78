"""``dateline add`` and ``dateline timeline``: the store on the command line.

``add_store_commands(subparsers)`` registers the two subcommands (``dateline serve``
lives with the web app, in :mod:`dateline.serve.commands`) on the main parser;
each sets ``handler`` to a function taking the parsed arguments and returning the exit
code.
"""

from __future__ import annotations

import argparse
import os
import sys

from dateline.config import Config
from dateline.engine import EngineError, add_engine_arguments
from dateline.options import (
    add_db_argument,
    add_entities_argument,
    add_selection_arguments,
    entity_query,
    positive_int,
)

DEFAULT_BATCH = 100  # as dateline.store.writer.DEFAULT_BATCH (not imported: lazy)



def db_target(args: argparse.Namespace) -> str | None:
    return args.db or os.environ.get("DATELINE_DB") or None


def open_from_args(args: argparse.Namespace, command: str, create: bool = True):
    from dateline.store import StoreError, open_store

    try:
        return open_store(db_target(args), create)
    except StoreError as error:
        print(f"dateline {command}: {error}", file=sys.stderr)
        return None


def add_store_commands(subparsers) -> None:
    """Register ``add`` and ``timeline`` on an argparse subparsers object."""
    add = subparsers.add_parser(
        "add", help="add articles to the persistent store and update its events")
    add.add_argument("inputs", nargs="+", metavar="FILE",
                     help="articles (.txt, .html, .jsonl; files, directories, globs)")
    add_db_argument(add)
    add.add_argument("--batch-size", type=positive_int, default=DEFAULT_BATCH, metavar="N",
                     help=f"articles committed per transaction (default: {DEFAULT_BATCH})")
    add_entities_argument(add)
    add_engine_arguments(add)
    add.add_argument("-q", "--quiet", action="store_true",
                     help="no per-batch progress and no warnings on standard error")
    add.set_defaults(handler=command_add)

    timeline = subparsers.add_parser(
        "timeline", help="write the stored timeline (.json .md .html .csv)")
    add_db_argument(timeline)
    timeline.add_argument("--query", metavar="Q", type=entity_query,
                          help="keep the events of an entity query, as 'build --query' "
                               "reads it: names with AND, OR, NOT, e.g. 'Merkel AND Obama'")
    add_selection_arguments(timeline, "the store")
    timeline.add_argument("--title", default="Timeline", help="title of the Markdown/HTML page")
    timeline.add_argument("-o", "--output", metavar="FILE", required=True,
                          help="output file; the format follows the extension")
    timeline.set_defaults(handler=command_timeline)


def command_add(args: argparse.Namespace) -> int:
    from dateline.store import add

    try:
        config = Config(use_ner=not args.no_entities, progress=False,
                        workers=args.workers or 0, scheduler=args.scheduler)
    except ValueError as error:
        print(f"dateline add: {error}", file=sys.stderr)
        return 2
    store = open_from_args(args, "add")
    if store is None:
        return 1

    def report(ids: list[str]) -> None:
        if not args.quiet and ids:
            print(f"dateline add: committed {len(ids)} article(s)", file=sys.stderr)

    from sqlalchemy.exc import SQLAlchemyError

    from dateline.store.db import db_reason

    try:
        result = add(store, args.inputs, config, batch_size=args.batch_size, on_commit=report)
    except (SQLAlchemyError, OSError) as error:  # disk full, read-only store, lost server
        print(f"dateline add: cannot write to the store {store.display_name}: "
              f"{db_reason(error)}; the batches reported as committed are kept",
              file=sys.stderr)
        return 1
    except EngineError as error:
        print(f"dateline add: {error}", file=sys.stderr)
        return 1
    finally:
        store.close()
    if not args.quiet:
        for warning in result.warnings:
            print(f"warning: {warning}", file=sys.stderr)
        print(f"dateline add: {len(result.added)} new article(s), {len(result.already)} "
              f"already in the store, {result.events_created} event(s) written to "
              f"{store.display_name}", file=sys.stderr)
    if not result.added and not result.already:
        print("dateline add: no usable article was read from the inputs", file=sys.stderr)
        return 1
    return 0


def command_timeline(args: argparse.Namespace) -> int:
    from dateline.export import format_for_path, render
    from dateline.export.files import output_problem, write_output
    from dateline.store import timeline

    try:
        fmt = format_for_path(args.output)
    except ValueError as error:
        print(f"dateline timeline: {error}", file=sys.stderr)
        return 2
    problem = output_problem(args.output)
    if problem:
        print(f"dateline timeline: {problem}", file=sys.stderr)
        return 2
    store = open_from_args(args, "timeline", create=False)
    if store is None:
        return 1
    try:
        result = timeline(store, args.query, max_events=args.max_events, dates=args.dates,
                          per_date=args.per_date)
    finally:
        store.close()
    problem = write_output(args.output, render(result, fmt, args.title))
    if problem:
        print(f"dateline timeline: {problem}", file=sys.stderr)
        return 1
    print(f"dateline timeline: {len(result.events)} events from {len(result.articles)} "
          f"articles written to {args.output} ({result.total_events} events in the store "
          f"match)", file=sys.stderr)
    return 0
