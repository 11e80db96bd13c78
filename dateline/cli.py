"""The ``dateline`` command: a thin shell over the library API."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from dateline import __version__
from dateline.config import Config


def _parse_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date in YYYY-MM-DD form: {text!r}") from None


def _positive(text: str) -> int:
    value = int(text)
    if value <= 0:
        raise argparse.ArgumentTypeError("must be a positive number")
    return value


def _add_engine_options(command: argparse.ArgumentParser) -> None:
    """--workers / --scheduler: where per-article work runs (see dateline.engine)."""
    where = command.add_mutually_exclusive_group()
    where.add_argument("--workers", type=_positive, metavar="N",
                       help="run per-article work on a local Dask cluster of N processes")
    where.add_argument("--scheduler", metavar="ADDRESS",
                       help="run per-article work on an existing Dask cluster "
                            "(tcp://host:8786); every worker needs dateline installed")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="dateline",
        description="Turn a pile of news articles into a dated, sourced timeline.")
    parser.add_argument("--version", action="version", version=f"dateline {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    build = commands.add_parser(
        "build", help="build a timeline from articles (.txt, .html, .jsonl; files, dirs, globs)")
    build.add_argument("inputs", nargs="+", metavar="INPUT")
    build.add_argument("-o", "--output", metavar="FILE",
                       help="output file; the format follows the extension: .json .md .html "
                            ".csv (default: JSON on standard output)")
    build.add_argument("--max-events", type=_positive, metavar="N",
                       help="keep at most N events (default: scales with the corpus)")
    build.add_argument("--query", metavar="Q",
                       help='keep events involving these entities: "General Motors", '
                            '"Merkel AND Obama", "(GM OR Opel) AND strike"')
    build.add_argument("--title", default="Timeline", help="title of the Markdown/HTML page")
    build.add_argument("--no-entities", action="store_true",
                       help="skip named-entity recognition (faster, coarser grouping)")
    build.add_argument("-q", "--quiet", action="store_true",
                       help="no progress bar and no warnings on standard error")
    _add_engine_options(build)
    build.set_defaults(handler=_command_build)

    timex = commands.add_parser(
        "timex", help="print the temporal expressions of a text as JSON")
    timex.add_argument("file", nargs="?", metavar="FILE")
    timex.add_argument("--dct", type=_parse_date, metavar="YYYY-MM-DD",
                       help="document creation time that relative expressions resolve against")
    timex.add_argument("--jsonl", action="store_true",
                       help='read lines {"id","dct","text"} on standard input and write '
                            '{"id","timexes"} lines')
    timex.set_defaults(handler=_command_timex)

    evaluate = commands.add_parser("eval", help="score dateline against annotated corpora")
    tasks = evaluate.add_subparsers(dest="task", required=True, metavar="TASK")
    eval_timex = tasks.add_parser("timex", help="TempEval-3 scores on TimeML files")
    eval_timex.add_argument("paths", nargs="+", metavar="DIR_OR_FILE")
    eval_timex.add_argument("--errors", action="store_true", help="list every error")
    eval_timex.set_defaults(handler=_command_eval_timex)
    eval_meantime = tasks.add_parser(
        "meantime", help="cross-document event grouping on MEANTIME (pairwise, B-cubed)")
    eval_meantime.add_argument("root", metavar="DIR", help="the meantime/ folder")
    eval_meantime.set_defaults(handler=_command_eval_meantime)
    eval_semeval = tasks.add_parser(
        "semeval", help="entity timelines on SemEval-2015 Task 4 (date P/R/F1 per entity)")
    eval_semeval.add_argument("root", metavar="DIR", help="the semeval2015-timeline/ folder")
    eval_semeval.set_defaults(handler=_command_eval_semeval)

    from dateline.store.commands import add_store_commands

    add_store_commands(commands)
    return parser


def _command_build(args: argparse.Namespace) -> int:
    from dateline.engine import EngineError, open_engine
    from dateline.export import format_for_path, render
    from dateline.ingest import read_articles
    from dateline.pipeline import process_articles

    fmt = "json"
    if args.output:
        try:
            fmt = format_for_path(args.output)
        except ValueError as error:
            print(f"dateline: {error}", file=sys.stderr)
            return 2
    if args.query:
        from dateline.timeline.query import QueryError, parse_query

        try:
            parse_query(args.query)
        except QueryError as error:
            print(f"dateline: --query: {error}", file=sys.stderr)
            return 2
    try:
        config = Config(max_events=args.max_events, query=args.query,
                        use_ner=not args.no_entities, progress=not args.quiet,
                        workers=args.workers or 0, scheduler=args.scheduler)
    except ValueError as error:
        print(f"dateline: {error}", file=sys.stderr)
        return 2
    articles, warnings = read_articles(args.inputs, config)
    if not args.quiet:
        for warning in warnings:
            print(f"warning: {warning}", file=sys.stderr)
    if not articles:
        print("dateline: no usable article was read from the inputs", file=sys.stderr)
        return 1
    problems_before = len(warnings)
    try:
        with open_engine(config.workers, config.scheduler) as engine:
            timeline = process_articles(articles, config, warnings, engine=engine)
    except EngineError as error:
        print(f"dateline: {error}", file=sys.stderr)
        return 1
    if not args.quiet:
        for warning in warnings[problems_before:]:
            print(f"warning: {warning}", file=sys.stderr)
    text = render(timeline, fmt, args.title)
    if args.output:
        target = Path(args.output)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        if not args.quiet:
            dated = sum(1 for a in articles if a.published)
            print(f"dateline: {len(timeline.events)} events from {len(articles)} articles "
                  f"({dated} dated) written to {args.output}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0


def _command_timex(args: argparse.Namespace) -> int:
    from dateline.dating.timex import tag

    if args.jsonl:
        return _timex_jsonl(tag)
    if not args.file:
        print("dateline timex: give a FILE, or --jsonl to read standard input", file=sys.stderr)
        return 2
    try:
        with open(args.file, encoding="utf-8", errors="replace", newline="") as handle:
            text = handle.read()
    except OSError as error:
        print(f"dateline timex: {args.file}: {error.strerror or error}", file=sys.stderr)
        return 1
    json.dump([t.to_dict() for t in tag(text, args.dct)], sys.stdout, ensure_ascii=False,
              indent=1)
    sys.stdout.write("\n")
    return 0


def _timex_jsonl(tag) -> int:
    failures = 0
    out = sys.stdout
    for number, line in enumerate(sys.stdin, 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            text = item["text"]
            if not isinstance(text, str):
                raise TypeError("'text' is not a string")
            dct = _parse_date(item["dct"]) if item.get("dct") else None
        except (ValueError, KeyError, TypeError, argparse.ArgumentTypeError) as error:
            failures += 1
            print(f"dateline timex: stdin line {number}: skipped ({error})", file=sys.stderr)
            continue
        timexes = [t.to_dict() for t in tag(text, dct)]
        out.write(json.dumps({"id": item.get("id"), "timexes": timexes}, ensure_ascii=False))
        out.write("\n")
    return 1 if failures and failures == number else 0


def _command_eval_timex(args: argparse.Namespace) -> int:
    from dateline.eval.timex import evaluate, format_report

    print(format_report(evaluate(args.paths), errors=args.errors))
    return 0


def _command_eval_meantime(args: argparse.Namespace) -> int:
    from dateline.eval.cross_document import evaluate_meantime, format_meantime

    # Grouping is measured on every event, not on the default selection.
    print(format_meantime(evaluate_meantime(Path(args.root), Config(max_events=10**9))))
    return 0


def _command_eval_semeval(args: argparse.Namespace) -> int:
    from dateline.eval.entity_timelines import evaluate_semeval, format_semeval

    print(format_semeval(evaluate_semeval(Path(args.root), Config(max_events=10**9))))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return args.handler(args)
    except KeyboardInterrupt:
        print("dateline: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
