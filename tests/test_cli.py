"""The command line as a user meets it: exit codes, warnings, outputs, the timex contract."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from dateline.cli import main

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"

ARTICLE = """Harbour talks resume
March 14, 2024

The port authority and the dockworkers' union met on Wednesday for a second round of talks
on night shifts, officials said.

The two sides will meet again next Monday.
"""


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([sys.executable, "-m", "dateline.cli", *args], input=stdin,
                          capture_output=True, text=True, env=env, timeout=300)


def test_bad_inputs_warn_and_the_rest_still_builds(tmp_path: Path):
    folder = tmp_path / "pile"
    folder.mkdir()
    (folder / "talks.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02PNG\x00" * 200)
    (folder / "feed.jsonl").write_text('{"text": "no closing brace"\n', encoding="utf-8")
    (folder / "dangling.txt").symlink_to(tmp_path / "missing.txt")
    out = tmp_path / "t.json"
    result = run("build", str(folder), "-o", str(out), "--no-entities")
    assert result.returncode == 0, result.stderr
    warned = [line for line in result.stderr.splitlines() if line.startswith("warning:")]
    for name in ("empty.txt", "binary.txt", "feed.jsonl", "dangling.txt"):
        assert any(name in line for line in warned), (name, result.stderr)
    record = json.loads(out.read_text(encoding="utf-8"))
    assert [a["id"] for a in record["articles"]] == ["talks"]
    assert record["articles"][0]["published"] == "2024-03-14"
    dates = {e["date"] for e in record["events"]}
    assert "2024-03-13" in dates  # "on Wednesday" in a Thursday paper
    assert "2024-03-18" in dates  # "next Monday": scheduled


def test_nothing_usable_is_a_failure(tmp_path: Path):
    (tmp_path / "empty.txt").write_text("   \n", encoding="utf-8")
    result = run("build", str(tmp_path), "-o", str(tmp_path / "t.md"))
    assert result.returncode == 1
    assert "no usable article" in result.stderr
    assert "empty.txt" in result.stderr


def test_unknown_output_extension_is_refused(tmp_path: Path, capsys):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    assert main(["build", str(tmp_path), "-o", str(tmp_path / "t.pdf")]) == 2
    assert "t.pdf" in capsys.readouterr().err


def test_bad_query_is_refused_before_any_work(tmp_path: Path, capsys):
    with pytest.raises(SystemExit) as refused:
        main(["build", str(tmp_path), "--query", "(GM AND"])
    assert refused.value.code == 2
    assert "--query" in capsys.readouterr().err


def test_timeline_refuses_a_bad_query_as_build_does(tmp_path: Path, capsys):
    db = tmp_path / "story.db"
    with pytest.raises(SystemExit) as refused:
        main(["timeline", "--db", str(db), "--query", "Merkel AND", "-o",
              str(tmp_path / "t.json")])
    assert refused.value.code == 2
    assert "--query" in capsys.readouterr().err
    assert not db.exists()


@pytest.mark.parametrize("fmt", ["json", "md", "html", "csv"])
def test_every_format_is_written(tmp_path: Path, fmt: str):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out" / f"timeline.{fmt}"
    assert main(["build", str(tmp_path / "in"), "-o", str(out), "-q", "--no-entities"]) == 0
    text = out.read_text(encoding="utf-8")
    assert "second round of talks" in text


def test_timex_offsets_slice_the_file_exactly(tmp_path: Path):
    text = "Officials met on Wednesday.\r\nThey will meet again in late 2025, three weeks ago."
    path = tmp_path / "a.txt"
    path.write_bytes(text.encode("utf-8"))
    result = run("timex", "--dct", "2024-03-14", str(path))
    assert result.returncode == 0, result.stderr
    timexes = json.loads(result.stdout)
    assert [(t["text"], t["type"], t["value"]) for t in timexes] == [
        ("Wednesday", "DATE", "2024-03-13"), ("late 2025", "DATE", "2025"),
        ("three weeks ago", "DATE", "2024-W08")]
    assert timexes[1]["mod"] == "END"
    for timex in timexes:
        assert text[timex["start"]:timex["end"]] == timex["text"]
        assert set(timex) >= {"start", "end", "text", "type", "value"}


def test_timex_jsonl_streams_and_skips_bad_lines():
    lines = [json.dumps({"id": "a", "dct": "2019-02-27", "text": "It fell 3% yesterday."}),
             "not json",
             json.dumps({"id": "b", "dct": None, "text": "It rose in March 2018."})]
    result = run("timex", "--jsonl", stdin="\n".join(lines) + "\n")
    assert result.returncode == 0
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["id"] for r in records] == ["a", "b"]
    assert records[0]["timexes"][0]["value"] == "2019-02-26"
    assert records[1]["timexes"][0]["value"] == "2018-03"
    assert "line 2" in result.stderr


def test_demo_corpus_builds(tmp_path: Path):
    out = tmp_path / "demo.md"
    assert main(["build", str(EXAMPLES), "-o", str(out), "-q"]) == 0
    text = out.read_text(encoding="utf-8")
    assert "## 2024" in text and "[^1]:" in text
