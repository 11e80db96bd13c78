"""The ``dateline`` command: a thin shell over the library API."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from dateline.config import Config
from dateline.engine import add_engine_arguments
from dateline.options import add_entities_argument, add_selection_arguments, entity_query
from dateline.version import __version__

FORMAT_NAMES = ("json", "md", "html", "csv", "timelinejs", "ics")  # dateline.export.FORMATS
GROUP_NAMES = ("none", "participant", "location", "site")  # dateline.export.GROUPINGS


def _parse_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date in YYYY-MM-DD form: {text!r}") from None


EXIT_CODES = """exit codes:
  0  the timeline was written
  1  nothing usable was read from the inputs (every input refused; reasons on stderr)
  2  a usage error: bad option, unknown output format, malformed --query
  130 interrupted"""

_EXAMPLES = {
    "build": """examples:
  dateline build examples/ -o timeline.html
  dateline build pasted/ --published 2024-03-14 -o timeline.md
  dateline build pasted/ --manifest files.csv -o timeline.json
  dateline build crawl.warc.gz feed.rss report.pdf news.jsonl.gz -o timeline.json
  dateline build https://example.org/story.html --urls more-urls.txt -o timeline.json
  dateline build examples/ -o timeline.timelinejs.json --group-by participant
  dateline build examples/ -o events.ics

inputs: .txt .md, .html, .json/.jsonl (also .jsonl.gz), RSS/Atom (.rss .atom .xml),
WARC (.warc .warc.gz), PDF with a text layer, http(s) URLs. ZIPs, images, scanned PDFs
and unknown binaries are refused with a one-line reason.
manifest columns (CSV header or JSONL keys): path, published, title, url, source; paths
are relative to the manifest's folder.

""" + EXIT_CODES,
    "timex": """examples:
  dateline timex article.txt --dct 2024-03-14
  echo '{"id": "a", "dct": "2024-03-14", "text": "It rained last Monday."}' \\
    | dateline timex --jsonl""",
    "eval": """examples:
  dateline eval timex ../shared/data/timeml/te3-platinum
  dateline eval meantime ../shared/data/meantime
  dateline eval semeval ../shared/data/semeval2015-timeline""",
    "add": """examples:
  dateline add examples/ --db timeline.db
  dateline add 'inbox/*.html' --db postgresql://localhost/dateline""",
    "timeline": """examples:
  dateline timeline --db timeline.db -o timeline.html
  dateline timeline --db timeline.db --query strike -o strike.md""",
    "serve": """examples:
  dateline serve --db timeline.db
  DATELINE_TOKEN=secret dateline serve --db timeline.db --port 8080""",
}


def _parser() -> argparse.ArgumentParser:
    formatter = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(
        prog="dateline", formatter_class=formatter,
        description="Turn a pile of news articles into a dated, sourced timeline.",
        epilog="run 'dateline COMMAND --help' for a command's options and examples\n\n"
               + EXIT_CODES)
    parser.add_argument("--version", action="version", version=f"dateline {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    build = commands.add_parser(
        "build", formatter_class=formatter, epilog=_EXAMPLES["build"],
        help="build a timeline from articles (files, folders, globs, feeds, WARC, PDF, URLs)",
        description="Build a timeline from articles.")
    build.add_argument("inputs", nargs="*", metavar="INPUT",
                       help="files, folders, globs or http(s) URLs")
    build.add_argument("-o", "--output", metavar="FILE",
                       help="output file; the format follows the extension: .json .md .html "
                            ".csv .ics .timelinejs.json (default: JSON on standard output)")
    build.add_argument("--format", choices=FORMAT_NAMES, metavar="FMT",
                       help=f"output format, overriding the extension ({', '.join(FORMAT_NAMES)})")
    build.add_argument("--group-by", choices=GROUP_NAMES, default="none",
                       help="TimelineJS rows: by first participant, location or site "
                            "(default: none)")
    add_selection_arguments(build, "the corpus")
    build.add_argument("--query", metavar="Q", type=entity_query,
                       help='keep events involving these entities: "General Motors", '
                            '"Merkel AND Obama", "(GM OR Opel) AND strike"')
    build.add_argument("--title", default="Timeline",
                       help="title of the Markdown/HTML/TimelineJS page")
    add_entities_argument(build)
    build.add_argument("-q", "--quiet", action="store_true",
                       help="no progress and no warnings on standard error")
    inputs = build.add_argument_group("inputs and their metadata")
    inputs.add_argument("--manifest", metavar="FILE",
                        help="CSV or JSONL of path, published, title, url, source per file")
    inputs.add_argument("--published", type=_parse_date, metavar="YYYY-MM-DD",
                        help="publication date of every article that carries none of its own")
    inputs.add_argument("--urls", metavar="FILE", help="a file of URLs to fetch, one a line")
    inputs.add_argument("--cache-dir", metavar="DIR",
                        help="where fetched pages are kept (default: ~/.cache/dateline/pages)")
    inputs.add_argument("--fetch-delay", type=float, default=1.0, metavar="SECONDS",
                        help="pause between two requests to the same host (default: 1)")
    inputs.add_argument("--allow-private-hosts", action="store_true",
                        help="allow fetching from loopback and private network addresses")
    add_engine_arguments(build)
    build.set_defaults(handler=_command_build)

    timex = commands.add_parser(
        "timex", formatter_class=formatter, epilog=_EXAMPLES["timex"],
        help="print the temporal expressions of a text as JSON")
    timex.add_argument("file", nargs="?", metavar="FILE")
    timex.add_argument("--dct", type=_parse_date, metavar="YYYY-MM-DD",
                       help="document creation time that relative expressions resolve against")
    timex.add_argument("--jsonl", action="store_true",
                       help='read lines {"id","dct","text"} on standard input and write '
                            '{"id","timexes"} lines')
    timex.set_defaults(handler=_command_timex)

    evaluate = commands.add_parser("eval", formatter_class=formatter, epilog=_EXAMPLES["eval"],
                                   help="score dateline against annotated corpora")
    tasks = evaluate.add_subparsers(dest="task", required=True, metavar="TASK")
    eval_timex = tasks.add_parser("timex", help="TempEval-3 scores on TimeML files",
                                  formatter_class=formatter, epilog=_EXAMPLES["eval"])
    eval_timex.add_argument("paths", nargs="+", metavar="DIR_OR_FILE")
    eval_timex.add_argument("--errors", action="store_true", help="list every error")
    eval_timex.set_defaults(handler=_command_eval_timex)
    eval_meantime = tasks.add_parser(
        "meantime", help="cross-document event grouping on MEANTIME (pairwise, B-cubed)",
        formatter_class=formatter, epilog=_EXAMPLES["eval"])
    eval_meantime.add_argument(
        "root", metavar="DIR", nargs="+",
        help="MEANTIME folders: the meantime/ folder, or any corpus folders of .xml documents")
    eval_meantime.set_defaults(handler=_command_eval_meantime)
    eval_semeval = tasks.add_parser(
        "semeval", help="entity timelines on SemEval-2015 Task 4 (date P/R/F1 per entity)",
        formatter_class=formatter, epilog=_EXAMPLES["eval"])
    eval_semeval.add_argument("root", metavar="DIR", help="the semeval2015-timeline/ folder")
    eval_semeval.set_defaults(handler=_command_eval_semeval)
    eval_tls = tasks.add_parser(
        "tls", help="timeline summarization on Timeline17-style stories (date F1, ROUGE), "
                    "with the busiest-days baseline")
    eval_tls.add_argument("root", metavar="DIR",
                          help="a folder of stories (tls-t17 or news-tls layout) or one story")
    eval_tls.add_argument("--json", metavar="FILE", help="also write every score as JSON")
    eval_tls.set_defaults(handler=_command_eval_tls)

    eval_quotes = tasks.add_parser(
        "quotes", help="quote detection and speaker attribution on annotated news (quotes.jsonl)")
    eval_quotes.add_argument("path", metavar="DIR_OR_FILE", help="the quotes/ folder or its .jsonl")
    eval_quotes.add_argument("--errors", action="store_true", help="list every wrong speaker")
    eval_quotes.add_argument("--json", action="store_true", help="print the report as JSON")
    eval_quotes.set_defaults(handler=_command_eval_quotes)
    eval_participants = tasks.add_parser(
        "participants", help="event participants and locations on MEANTIME (P/R, accuracy)")
    eval_participants.add_argument("root", metavar="DIR", help="the meantime/ folder")
    eval_participants.add_argument("--json", action="store_true",
                                   help="print the report as JSON")
    eval_participants.set_defaults(handler=_command_eval_participants)

    from dateline.serve.commands import add_serve_command
    from dateline.store.commands import add_store_commands

    add_store_commands(commands)
    add_serve_command(commands)
    for name, sub in commands.choices.items():  # examples for commands defined elsewhere
        if not sub.epilog and name in _EXAMPLES:
            sub.epilog = _EXAMPLES[name]
            sub.formatter_class = formatter
    return parser


def _stage_printer(quiet: bool):
    """Progress lines on standard error, one per stage, so long runs show where they are."""
    units = {"reading": "inputs", "fetching": "inputs", "cleaning": "articles",
             "dating": "articles", "grouping": "event mentions", "describing": "events"}

    def report(stage: str, count: int, total: int | None = None) -> None:
        if quiet:
            return
        if total is None:
            print(f"dateline: {stage} {count} {units.get(stage, 'items')}", file=sys.stderr)
        elif sys.stderr.isatty():
            end = "\n" if count == total else ""
            print(f"\rdateline: {stage} {count}/{total} {units.get(stage, 'items')}",
                  end=end, file=sys.stderr, flush=True)
    return report


def _command_build(args: argparse.Namespace) -> int:
    from dateline.engine import EngineError, open_engine
    from dateline.export import format_for_path, render
    from dateline.export.files import output_problem, write_output
    from dateline.ingest import read_articles
    from dateline.ingest.fetch import read_url_list
    from dateline.pipeline import process_articles

    fmt = args.format or "json"
    if args.output and not args.format:
        try:
            fmt = format_for_path(args.output)
        except ValueError as error:
            print(f"dateline: {error}", file=sys.stderr)
            return 2
    if args.output:
        problem = output_problem(args.output)  # before the run, not after it
        if problem:
            print(f"dateline: {problem}", file=sys.stderr)
            return 2
    inputs = list(args.inputs)
    warnings = []
    if args.urls:
        urls, url_warnings = read_url_list(args.urls)
        inputs += urls
        warnings += url_warnings
    if not inputs and not args.manifest:
        print("dateline build: give at least one INPUT, --urls FILE or --manifest FILE",
              file=sys.stderr)
        return 2
    try:
        config = Config(max_events=args.max_events, query=args.query,
                        dates=args.dates, per_date=args.per_date,
                        use_ner=not args.no_entities, progress=not args.quiet,
                        published=args.published.isoformat() if args.published else None,
                        manifest=args.manifest, cache_dir=args.cache_dir,
                        fetch_delay=args.fetch_delay,
                        allow_private_hosts=args.allow_private_hosts,
                        workers=args.workers or 0, scheduler=args.scheduler)
    except ValueError as error:
        print(f"dateline: {error}", file=sys.stderr)
        return 2
    report = _stage_printer(args.quiet)
    report("reading", len(inputs) + (1 if args.manifest else 0))
    articles, read_warnings = read_articles(inputs, config, progress=report)
    warnings += read_warnings
    if not args.quiet:
        for warning in warnings:
            print(f"warning: {warning}", file=sys.stderr)
    if not articles:
        print("dateline: no usable article was read from the inputs", file=sys.stderr)
        return 1
    problems_before = len(warnings)
    try:
        with open_engine(config.workers, config.scheduler) as engine:
            timeline = process_articles(articles, config, warnings, on_stage=report,
                                        engine=engine)
    except EngineError as error:
        print(f"dateline: {error}", file=sys.stderr)
        return 1
    if not args.quiet:
        for warning in warnings[problems_before:]:
            print(f"warning: {warning}", file=sys.stderr)
    text = render(timeline, fmt, args.title, args.group_by)
    if args.output:
        problem = write_output(args.output, text, newline="" if fmt == "ics" else None)
        if problem:
            print(f"dateline: {problem}", file=sys.stderr)
            return 1
    else:
        sys.stdout.write(text)
    if not args.quiet:
        print(f"dateline: {_summary(timeline)}", file=sys.stderr)
        if args.output:
            print(f"dateline: written to {args.output}", file=sys.stderr)
    return 0


def _summary(timeline) -> str:
    """Counts as the JSON output has them: events shown, every article entry, those marked
    duplicates, undated entries; and, when events were cut, how many exist and how to
    see more."""
    articles = timeline.articles
    duplicates = sum(1 for a in articles if a.duplicate_of)
    dated = sum(1 for a in articles if a.published)
    total, shown = timeline.total_events, len(timeline.events)
    summary = (f"{shown} events from {len(articles)} articles "
               f"({duplicates} duplicates, {dated} with a publication date), "
               f"{len(timeline.undated)} undated items, {len(timeline.warnings)} warnings")
    if total is not None and total > shown:
        days = len({e.date for e in timeline.events})
        summary += (f"; {total} events, {shown} shown on {days} dates "
                    f"(--max-events N or --dates N to change)")
    return summary


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
    print(format_meantime(evaluate_meantime([Path(r) for r in args.root],
                                            Config(max_events=10**9))))
    return 0


def _command_eval_semeval(args: argparse.Namespace) -> int:
    from dateline.eval.entity_timelines import evaluate_semeval, format_semeval

    print(format_semeval(evaluate_semeval(Path(args.root), Config(max_events=10**9))))
    return 0


def _command_eval_tls(args: argparse.Namespace) -> int:
    from dateline.eval.tls import evaluate_tls, format_tls, scores_json

    root = Path(args.root)
    scores, systems, problems = evaluate_tls(root)
    for problem in problems:
        print(f"warning: {problem}", file=sys.stderr)
    if not scores:
        print(f"dateline eval tls: {root}: no story with gold timelines", file=sys.stderr)
        return 1
    print(format_tls(scores, systems))
    if args.json:
        Path(args.json).write_text(json.dumps(scores_json(scores, systems), indent=1),
                                   encoding="utf-8")
    return 0


def _command_eval_quotes(args: argparse.Namespace) -> int:
    from dateline.eval.quotes import evaluate_quotes, format_quotes

    path = Path(args.path)
    report = evaluate_quotes(path)
    if args.json:
        print(json.dumps(report, indent=1, ensure_ascii=False))
    else:
        print(format_quotes(report, errors=args.errors))
    return 0


def _command_eval_participants(args: argparse.Namespace) -> int:
    from dateline.eval.participants import evaluate_participants, format_participants

    root = Path(args.root)
    report = evaluate_participants(root, Config(max_events=10**9))
    if args.json:
        print(json.dumps(report, indent=1, ensure_ascii=False))
    else:
        print(format_participants(report))
    return 0


def _evaluate(args: argparse.Namespace) -> int:
    """Every evaluator alike: a corpus path that is missing, or a folder without the files
    its layout needs, is one line naming it (exit 1), never a traceback."""
    given = getattr(args, "paths", None) or getattr(args, "root", None) or args.path
    for path in given if isinstance(given, list) else [given]:
        if not Path(path).exists():
            print(f"dateline eval {args.task}: {path}: no such file or folder",
                  file=sys.stderr)
            return 1
    try:
        return args.handler(args)
    except (FileNotFoundError, NotADirectoryError) as error:
        reason = f"{error.filename}: {error.strerror}" if error.filename else str(error)
        print(f"dateline eval {args.task}: {reason}", file=sys.stderr)
        return 1


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command is None:  # `dateline` alone: show the commands
        parser.print_help()
        return 0
    try:
        if args.command == "eval":
            return _evaluate(args)
        return args.handler(args)
    except KeyboardInterrupt:
        print("dateline: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
