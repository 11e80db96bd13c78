"""Command-line options: `serve` lives with the web app, shared options are declared once."""

from __future__ import annotations

import argparse

import pytest

from dateline.cli import _parser
from dateline.serve import commands


def test_serve_is_registered_from_the_serve_package():
    args = _parser().parse_args(["serve", "--db", "x.db", "--port", "8123", "--workers", "2",
                                 "--token", "t"])
    assert args.handler is commands.command_serve
    assert (args.db, args.port, args.workers, args.host, args.token) == (
        "x.db", 8123, 2, "127.0.0.1", "t")


@pytest.mark.parametrize(("option", "message"), [
    (["--port", "0"], "between 1 and 65535"), (["--port", "70000"], "between 1 and 65535"),
    (["--workers", "0"], "positive"),
])
def test_serve_refuses_bad_numbers(option: list[str], message: str, capsys):
    with pytest.raises(SystemExit):
        _parser().parse_args(["serve", *option])
    assert message in capsys.readouterr().err


def test_serving_a_missing_store_read_only_fails_cleanly(tmp_path, monkeypatch, capsys):
    monkeypatch.delenv("DATELINE_TOKEN", raising=False)
    missing = tmp_path / "none.db"
    parser = argparse.ArgumentParser(prog="dateline")
    commands.add_serve_command(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(["serve", "--db", str(missing)])
    assert args.handler(args) == 1
    assert "dateline serve:" in capsys.readouterr().err
    assert not missing.exists()  # read-only serving never creates a store


def _subcommand(name: str) -> argparse.ArgumentParser:
    subparsers = next(a for a in _parser()._actions if isinstance(a, argparse._SubParsersAction))
    return subparsers.choices[name]


@pytest.mark.parametrize(("option", "commands_having_it"), [
    ("--db", ("add", "timeline", "serve")),
    ("--max-events", ("build", "timeline")),
    ("--dates", ("build", "timeline")),
    ("--per-date", ("build", "timeline")),
    ("--no-entities", ("build", "add", "serve")),
])
def test_shared_options_are_declared_once(option: str, commands_having_it: tuple[str, ...]):
    """Every command gets the same type check, and the same help up to its own scope."""
    actions = [_subcommand(name)._option_string_actions[option] for name in commands_having_it]
    assert len({a.type for a in actions}) == 1
    assert len({(a.metavar, a.default, a.nargs, a.const) for a in actions}) == 1
    assert len({a.help[:25] for a in actions}) == 1  # the scope comes at the end


@pytest.mark.parametrize("command", [["build", "x.txt"], ["timeline", "-o", "x.json"]])
def test_build_and_timeline_refuse_the_same_selection(command: list[str], capsys):
    for bad in (["--dates", "0"], ["--max-events", "-1"], ["--per-date", "x"]):
        with pytest.raises(SystemExit):
            _parser().parse_args([*command, *bad])
        err = capsys.readouterr().err
        assert f"argument {bad[0]}:" in err
    args = _parser().parse_args([*command, "--dates", "5", "--per-date", "2"])
    assert (args.dates, args.per_date, args.max_events) == (5, 2, None)
