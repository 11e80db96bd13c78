"""``dateline add``, ``dateline timeline`` and ``dateline serve``: the store on the command line.

``add_store_commands(subparsers)`` registers the three subcommands on the main parser;
each sets ``handler`` to a function taking the parsed arguments and returning the exit
code.
"""

from __future__ import annotations

import argparse
import os
import sys

from dateline.config import Config
from dateline.engine import EngineError, add_engine_arguments

DEFAULT_BATCH = 100  # as dateline.store.incremental.DEFAULT_BATCH (not imported: lazy)

DB_HELP = ("database: a file path or a postgresql://user:pass@host/db URL (default: "
           "$DATELINE_DB, else $XDG_DATA_HOME/dateline/dateline.db)")


def _db_target(args: argparse.Namespace) -> str | None:
    return args.db or os.environ.get("DATELINE_DB") or None


def _open(args: argparse.Namespace, command: str, create: bool = True):
    from dateline.store import StoreError, open_store

    try:
        return open_store(_db_target(args), create)
    except StoreError as error:
        print(f"dateline {command}: {error}", file=sys.stderr)
        return None


def _port(text: str) -> int:
    value = int(text)
    if not 0 < value < 65536:
        raise argparse.ArgumentTypeError("must be between 1 and 65535")
    return value


def _batch(text: str) -> int:
    value = int(text)
    if value <= 0:
        raise argparse.ArgumentTypeError("must be a positive number")
    return value


def add_store_commands(subparsers) -> None:
    """Register ``add``, ``timeline`` and ``serve`` on an argparse subparsers object."""
    add = subparsers.add_parser(
        "add", help="add articles to the persistent store and update its events")
    add.add_argument("inputs", nargs="+", metavar="FILE",
                     help="articles (.txt, .html, .jsonl; files, directories, globs)")
    add.add_argument("--db", metavar="PATH_OR_URL", help=DB_HELP)
    add.add_argument("--batch-size", type=_batch, default=DEFAULT_BATCH, metavar="N",
                     help=f"articles committed per transaction (default: {DEFAULT_BATCH})")
    add.add_argument("--no-entities", action="store_true",
                     help="skip named-entity recognition (faster, coarser grouping)")
    add_engine_arguments(add)
    add.add_argument("-q", "--quiet", action="store_true",
                     help="no per-batch progress and no warnings on standard error")
    add.set_defaults(handler=command_add)

    timeline = subparsers.add_parser(
        "timeline", help="write the stored timeline (.json .md .html .csv)")
    timeline.add_argument("--db", metavar="PATH_OR_URL", help=DB_HELP)
    timeline.add_argument("--query", metavar="Q",
                          help="keep the events of an entity query, as 'build --query' "
                               "reads it: names with AND, OR, NOT, e.g. 'Merkel AND Obama'")
    timeline.add_argument("--max-events", type=_batch, metavar="N",
                          help="keep at most N events (default: scales with the store)")
    timeline.add_argument("--dates", type=_batch, metavar="N",
                          help="a timeline of N distinct days (overrides --max-events)")
    timeline.add_argument("--per-date", type=_batch, metavar="K",
                          help="events per day: K with --dates (default 1), else at most K")
    timeline.add_argument("--title", default="Timeline", help="title of the Markdown/HTML page")
    timeline.add_argument("-o", "--output", metavar="FILE", required=True,
                          help="output file; the format follows the extension")
    timeline.set_defaults(handler=command_timeline)

    serve = subparsers.add_parser(
        "serve", help="browse the stored timeline in a web page and serve the HTTP API")
    serve.add_argument("--db", metavar="PATH_OR_URL", help=DB_HELP)
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on")
    serve.add_argument("--port", type=_port, default=8000, help="port (default: 8000)")
    serve.add_argument("--token", metavar="T",
                       help="bearer token required by write endpoints (default: "
                            "$DATELINE_TOKEN; without one, uploads are disabled)")
    serve.add_argument("--no-entities", action="store_true",
                       help="skip named-entity recognition for uploaded articles")
    serve.add_argument("--workers", type=_batch, default=min(4, os.cpu_count() or 1),
                       metavar="N", help="server processes, so one slow request never "
                                          "holds up the others (default: CPUs, at most 4)")
    serve.set_defaults(handler=command_serve)


def command_add(args: argparse.Namespace) -> int:
    from dateline.store import add

    try:
        config = Config(use_ner=not args.no_entities, progress=False,
                        workers=args.workers or 0, scheduler=args.scheduler)
    except ValueError as error:
        print(f"dateline add: {error}", file=sys.stderr)
        return 2
    store = _open(args, "add")
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
    if args.query:
        from dateline.timeline.query import QueryError, parse_query

        try:
            parse_query(args.query)
        except QueryError as error:
            print(f"dateline timeline: --query: {error}", file=sys.stderr)
            return 2
    store = _open(args, "timeline", create=False)
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


def command_serve(args: argparse.Namespace) -> int:
    try:
        import uvicorn

        from dateline.serve import create_app
    except ImportError as error:
        print(f"dateline serve: the web app needs FastAPI and uvicorn ({error.name} is "
              "missing): pip install fastapi uvicorn python-multipart", file=sys.stderr)
        return 1
    token = args.token or os.environ.get("DATELINE_TOKEN") or None
    store = _open(args, "serve", create=bool(token))  # read-only serving never creates
    if store is None:
        return 1
    app = create_app(store, token=token, config=Config(use_ner=not args.no_entities,
                                                       progress=False))
    print(f"dateline serve: {store.display_name} on http://{args.host}:{args.port}/ "
          f"(uploads {'need the bearer token' if token else 'disabled: no --token'})",
          file=sys.stderr)
    try:
        if args.workers > 1:  # each process opens the store itself
            os.environ["DATELINE_SERVE_DB"] = store.url
            os.environ["DATELINE_SERVE_NER"] = "0" if args.no_entities else "1"
            if token:
                os.environ["DATELINE_TOKEN"] = token
            store.close()
            uvicorn.run("dateline.serve.app:app_from_environment", factory=True,
                        workers=args.workers, host=args.host, port=args.port,
                        log_level="warning")
        else:
            uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    finally:
        store.close()
    return 0
