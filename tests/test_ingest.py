"""Ingest: formats, stable ids and one warning per bad input (never an exception)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from dateline.config import Config
from dateline.ingest import read_articles
from dateline.ingest.readers import assign_base_ids, decode, looks_binary

DATA = Path(__file__).parent / "data" / "ingest"


def _reasons(warnings) -> list[str]:
    return [str(w) for w in warnings]


def test_reads_all_formats_from_a_directory():
    articles, warnings = read_articles([str(DATA)], Config())
    by_id = {a.id: a for a in articles}
    assert "council-budget" in by_id and "harbour-fire" in by_id and "feed#L1" in by_id
    txt = by_id["council-budget"]
    assert txt.raw_text.startswith("Skip to main content")  # whole file, as read
    assert txt.path == os.path.join(str(DATA), "council_budget.txt")
    html = by_id["harbour-fire"]
    assert html.title == "Fire destroys historic harbour warehouse"
    assert html.site == "Coastal Herald"
    assert html.url == "https://coastalherald.example/news/harbour-fire"
    assert html.metadata_date == "2018-07-14"
    assert "tore through a 19th-century warehouse" in html.raw_text
    assert "<p>" not in html.raw_text and "We use cookies" not in html.raw_text
    # Only the broken JSONL lines warn; the good files are silent.
    assert all("feed.jsonl:" in w.path for w in warnings)


def test_jsonl_bad_lines_warn_with_file_and_line_and_rest_is_kept():
    articles, warnings = read_articles([str(DATA / "feed.jsonl")], Config())
    assert [a.id for a in articles] == ["feed#L1", "feed#L5", "feed#L7", "feed#L8"]
    first = articles[0]
    assert (first.title, first.url, first.site) == (
        "Airline fined over delays", "https://news.example/airline", "News Example")
    assert first.metadata_date == "2019-03-04T10:00:00Z"
    text = "\n".join(_reasons(warnings))
    assert "feed.jsonl:2: broken JSON line" in text
    assert "feed.jsonl:3: missing or empty 'text'" in text
    assert "feed.jsonl:6: JSON record is not an object" in text
    # Absurd metadata dates are dropped with a warning, the article itself is kept.
    assert "feed.jsonl:5: metadata date ignored" in text and "31 February" in text
    assert "feed.jsonl:7: metadata date ignored" in text and "99999" in text
    assert articles[1].metadata_date is None and articles[2].metadata_date is None
    assert articles[3].metadata_date == "1551607200"  # epoch seconds are a valid date


def test_bad_inputs_each_get_one_warning(tmp_path: Path):
    good = tmp_path / "good.txt"
    good.write_text("Headline here\n\nA body sentence that says something.\n", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_text("  \n\n \n")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200))
    (tmp_path / "huge.txt").write_bytes(b"word " * 400)
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "missing-target.txt")
    (tmp_path / ".hidden.txt").write_text("Secret draft")
    config = Config(max_file_bytes=1000)
    articles, warnings = read_articles([str(tmp_path)], config)
    assert [a.id for a in articles] == ["good"]
    reasons = {Path(w.path).name: w.reason for w in warnings}
    assert reasons["empty.txt"] == "empty file"
    assert reasons["blank.txt"] == "empty file"
    assert reasons["image.txt"].startswith("image file, not read")
    assert reasons["huge.txt"].startswith("file too large")
    assert reasons["dangling.txt"] == "dangling symlink"
    assert ".hidden.txt" not in reasons
    assert len(warnings) == 5


def test_missing_paths_unmatched_globs_and_unreadable_files(tmp_path: Path):
    locked = tmp_path / "locked.txt"
    locked.write_text("Some text")
    locked.chmod(0)
    try:
        articles, warnings = read_articles(
            [str(tmp_path / "nope.txt"), str(tmp_path / "*.jsonl"), str(locked)], Config())
    finally:
        locked.chmod(0o644)
    reasons = _reasons(warnings)
    assert any("nope.txt: no such file" in r for r in reasons)
    assert any("*.jsonl: pattern matched no files" in r for r in reasons)
    if os.geteuid() != 0:  # root can read anything
        assert any("locked.txt: unreadable" in r for r in reasons)
        assert articles == []


def test_encodings_bom_legacy_and_undecodable(tmp_path: Path):
    (tmp_path / "bom.txt").write_bytes("\ufeffCafé owners protest".encode("utf-8"))
    (tmp_path / "utf16.txt").write_bytes("Zürich vote delayed".encode("utf-16"))
    latin = "Le président a déclaré que la réforme sera votée en décembre à Paris. " * 5
    (tmp_path / "latin1.txt").write_bytes(latin.encode("latin-1"))
    articles, warnings = read_articles([str(tmp_path)], Config())
    texts = {a.id: a.raw_text for a in articles}
    assert texts["bom"] == "Café owners protest"
    assert texts["utf16"] == "Zürich vote delayed"
    assert "président a déclaré" in texts["latin1"]
    assert warnings == []
    text, problem = decode(b"abc \xff\xfe\xfd def \xc3")
    assert "abc" in text and "def" in text


def test_unknown_extension_read_as_text_or_rejected_as_binary(tmp_path: Path):
    (tmp_path / "story.article").write_text("Floods hit the valley\n\nRivers burst their banks.")
    (tmp_path / "blob.bin").write_bytes(bytes(range(256)) * 4)
    articles, warnings = read_articles([str(tmp_path)], Config())
    assert [a.id for a in articles] == ["story"]
    reasons = {Path(w.path).name: w.reason for w in warnings}
    assert reasons["blob.bin"] == "binary file, not text"
    assert "read as text" in reasons["story.article"]
    assert looks_binary(b"plain text\n") is False


def test_ids_are_stable_readable_and_order_independent(tmp_path: Path):
    for folder in ("2019", "2020"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "Storm Update.txt").write_text(f"Storm update {folder}\n\nBody.")
    (tmp_path / "2020" / "storm-update.html").write_text("<html><body><p>x</p></body></html>")
    inputs = [str(tmp_path / "2020"), str(tmp_path / "2019")]
    first, _ = read_articles(inputs, Config())
    second, _ = read_articles(list(reversed(inputs)), Config())
    ids_first = {a.path: a.id for a in first}
    ids_second = {a.path: a.id for a in second}
    assert ids_first == ids_second
    assert ids_first[str(tmp_path / "2019" / "Storm Update.txt")] == "2019-storm-update"
    assert ids_first[str(tmp_path / "2020" / "Storm Update.txt")] == "2020-storm-update-txt"
    assert len(set(ids_first.values())) == len(ids_first)
    assert assign_base_ids(["/x/a/Report 1.txt"]) == {"/x/a/Report 1.txt": "report-1"}


def test_globs_and_duplicate_inputs_read_once(tmp_path: Path):
    shutil.copy(DATA / "council_budget.txt", tmp_path / "a.txt")
    shutil.copy(DATA / "council_budget.txt", tmp_path / "b.txt")
    articles, warnings = read_articles(
        [str(tmp_path / "*.txt"), str(tmp_path / "a.txt")], Config())
    assert [a.id for a in articles] == ["a", "b"]
    assert warnings == []
