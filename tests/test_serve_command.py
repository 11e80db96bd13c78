"""``dateline serve`` is declared with the web app and keeps its options and checks."""

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
