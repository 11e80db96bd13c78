"""The command line explains itself: `dateline` alone lists the commands, and every
command's --help ends with examples; exit codes are documented."""

from __future__ import annotations

import pytest

from dateline.cli import _parser, main

COMMANDS = ["build", "timex", "eval", "add", "timeline", "serve"]


def test_dateline_alone_lists_the_commands(capsys):
    assert main([]) == 0
    out = capsys.readouterr().out
    for command in COMMANDS:
        assert f"    {command} " in out
    assert "exit codes:" in out


@pytest.mark.parametrize("command", COMMANDS + ["eval timex", "eval meantime", "eval semeval"])
def test_every_help_has_examples(command, capsys):
    with pytest.raises(SystemExit) as done:
        _parser().parse_args([*command.split(), "--help"])
    assert done.value.code == 0
    out = capsys.readouterr().out
    assert "examples:" in out
    first = command.split()[0]
    assert any(line.strip().startswith(f"dateline {first}") for line in
               out.split("examples:", 1)[1].splitlines())


def test_build_help_names_inputs_and_exit_codes(capsys):
    with pytest.raises(SystemExit):
        _parser().parse_args(["build", "--help"])
    out = capsys.readouterr().out
    for word in ("--manifest", "--published", "--urls", "--format", "--group-by", "WARC",
                 "ZIP", "exit codes:", "timelinejs"):
        assert word in out


def test_build_without_any_input_is_a_usage_error(capsys):
    assert main(["build"]) == 2
    assert "give at least one INPUT" in capsys.readouterr().err
