"""``dateline serve``: the web app and HTTP API over a store, on the command line.

``add_serve_command(subparsers)`` registers the subcommand next to ``add`` and
``timeline`` (:mod:`dateline.store.commands`, whose store options it shares). FastAPI
and uvicorn are imported only when the command runs.
"""

from __future__ import annotations

import argparse
import os
import sys

from dateline.config import Config
from dateline.options import add_db_argument, add_entities_argument, positive_int
from dateline.store.commands import open_from_args

__all__ = ["add_serve_command", "command_serve"]


def _port(text: str) -> int:
    value = int(text)
    if not 0 < value < 65536:
        raise argparse.ArgumentTypeError("must be between 1 and 65535")
    return value


def add_serve_command(subparsers) -> None:
    """Register ``serve`` on an argparse subparsers object."""
    serve = subparsers.add_parser(
        "serve", help="browse the stored timeline in a web page and serve the HTTP API")
    add_db_argument(serve)
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on")
    serve.add_argument("--port", type=_port, default=8000, help="port (default: 8000)")
    serve.add_argument("--token", metavar="T",
                       help="bearer token required by write endpoints (default: "
                            "$DATELINE_TOKEN; without one, uploads are disabled)")
    add_entities_argument(serve, "for uploaded articles")
    serve.add_argument("--workers", type=positive_int, default=min(4, os.cpu_count() or 1),
                       metavar="N", help="server processes, so one slow request never "
                                          "holds up the others (default: CPUs, at most 4)")
    serve.set_defaults(handler=command_serve)


def command_serve(args: argparse.Namespace) -> int:
    try:
        import uvicorn

        from dateline.serve import create_app
    except ImportError as error:
        print(f"dateline serve: the web app needs FastAPI and uvicorn ({error.name} is "
              "missing): pip install fastapi uvicorn python-multipart", file=sys.stderr)
        return 1
    token = args.token or os.environ.get("DATELINE_TOKEN") or None
    store = open_from_args(args, "serve", create=bool(token))  # read-only serving never creates
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
