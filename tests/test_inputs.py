"""Every way articles arrive gives the same timeline as the same articles as HTML or JSONL:
WARC crawls, RSS and Atom feeds, fetched URLs, text PDFs, folders with a manifest,
``--published``, gzipped JSONL and in-memory records; what is not understood is refused."""

from __future__ import annotations

import gzip
import http.server
import json
import threading
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest
from inputs_helpers import EXAMPLES, atom, pdf, rss, signature, warc, wire_records

from dateline import build_timeline, build_timeline_from_records
from dateline.cli import main
from dateline.config import Config
from dateline.ingest import read_articles

FAST = Config(progress=False, use_ner=False)
HTML_PAGES = sorted(EXAMPLES.glob("*.html"))
TEXT_EXAMPLES = ["alpine-observer-wire-talks-collapse.txt", "meridian-geneva-talks-open.txt",
                 "ledger-accord-signed-vienna.txt"]


def feed_records() -> list[dict]:
    """Wire records with full metadata plus copied pages with only their source (a feed
    names one source for all its items); spaces collapsed, as HTML displays them."""
    records = wire_records()
    for name in TEXT_EXAMPLES:
        text = (EXAMPLES / name).read_text(encoding="utf-8")
        records.append({"source": records[0]["source"],
                        "text": "\n\n".join(" ".join(line.split())
                                             for line in text.splitlines() if line.strip())})
    return records


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def jsonl_events(tmp_path_factory) -> list[tuple]:
    folder = tmp_path_factory.mktemp("jsonl")
    return signature(build_timeline(write_jsonl(folder / "wire.jsonl", feed_records()), FAST))


@pytest.fixture(scope="module")
def wire_events(tmp_path_factory) -> list[tuple]:
    folder = tmp_path_factory.mktemp("wire")
    return signature(build_timeline(write_jsonl(folder / "wire.jsonl", wire_records()), FAST))


@pytest.fixture(scope="module")
def html_events() -> list[tuple]:
    return signature(build_timeline([str(p) for p in HTML_PAGES], FAST))


def test_warc_gives_the_events_of_the_same_pages_as_html(tmp_path, html_events):
    assert html_events
    pages = [(f"https://news.example/world/{p.stem}", p.read_bytes(), "2024-06-01T10:00:00Z")
             for p in HTML_PAGES]
    for name, zipped in (("crawl.warc", False), ("crawl.warc.gz", True)):
        path = tmp_path / name
        path.write_bytes(warc(pages, gzip=zipped))
        timeline = build_timeline(str(path), FAST)
        assert signature(timeline) == html_events, name
        assert [a.url for a in timeline.articles] == [uri for uri, _, _ in pages]
        assert all(a.path == str(path) for a in timeline.articles)


def test_warc_pdf_and_feed_records_are_read_as_those_files_are(tmp_path):
    wire = wire_records()
    path = tmp_path / "mixed.warc.gz"
    path.write_bytes(warc([
        ("https://wire.example/report.pdf", pdf(wire[1]["text"], wire[1]["title"]),
         "2024-06-01T00:00:00Z", "application/pdf"),
        ("https://wire.example/feed", rss(wire).encode(), "2024-06-01T00:00:00Z",
         "application/rss+xml"),
        ("https://wire.example/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(64),
         "2024-06-01T00:00:00Z", "image/png")], gzip=True))
    articles, warnings = read_articles(str(path), FAST)
    assert [a.title for a in articles] == [wire[1]["title"]] + [r["title"] for r in wire]
    assert articles[0].url == "https://wire.example/report.pdf"
    assert [a.url for a in articles[1:]] == [r["url"] for r in wire]  # items keep their links
    assert [w.reason for w in warnings] == [
        "not an article (image/png) for https://wire.example/logo.png, skipped"]


def test_warc_date_is_an_upper_bound_not_the_publication_date(tmp_path):
    page = HTML_PAGES[0]
    stated = build_timeline(str(page), FAST).articles[0].published
    assert stated is not None
    early = tmp_path / "early.warc"
    day_before = (stated.toordinal() - 1)
    crawled = type(stated).fromordinal(day_before).isoformat() + "T08:00:00Z"
    early.write_bytes(warc([("https://news.example/a", page.read_bytes(), crawled)], False))
    articles, warnings = read_articles(str(early), FAST)
    assert articles[0].metadata_date is None
    assert any("after the crawl" in w.reason for w in warnings)
    late = tmp_path / "late.warc"
    late.write_bytes(warc([("https://news.example/a", page.read_bytes(),
                            "2030-01-01T00:00:00Z")], False))
    timeline = build_timeline(str(late), FAST)
    assert timeline.articles[0].published == stated  # not the 2030 crawl date


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_feeds_give_the_events_of_the_same_articles_as_jsonl(tmp_path, jsonl_events, kind):
    assert jsonl_events
    records = feed_records()
    path = tmp_path / f"wire.{'xml' if kind == 'rss' else 'atom'}"
    path.write_text(rss(records) if kind == "rss" else atom(records), encoding="utf-8")
    timeline = build_timeline(str(path), FAST)
    assert signature(timeline) == jsonl_events
    wire = wire_records()
    assert [a.title for a in timeline.articles[:2]] == [r["title"] for r in wire]
    assert [a.url for a in timeline.articles[:2]] == [r["url"] for r in wire]
    assert timeline.articles[0].site == wire[0]["source"]
    assert all("<" not in a.raw_text for a in timeline.articles)


def test_feed_named_txt_is_still_read_as_a_feed(tmp_path):
    path = tmp_path / "saved-feed.txt"
    path.write_text(rss(wire_records()), encoding="utf-8")
    articles, warnings = read_articles(str(path), FAST)
    assert [a.title for a in articles] == [r["title"] for r in wire_records()]
    assert not warnings


class _Pages(http.server.SimpleHTTPRequestHandler):
    requests: list[str] = []

    def do_GET(self):  # noqa: N802 - the http.server API
        type(self).requests.append(self.path)
        super().do_GET()

    def log_message(self, *args):
        pass


@pytest.fixture
def local_site(tmp_path):
    root = tmp_path / "site"
    (root / "world").mkdir(parents=True)
    for page in HTML_PAGES:
        (root / "world" / page.name).write_bytes(page.read_bytes())
    _Pages.requests = []
    handler = lambda *a, **k: _Pages(*a, directory=str(root), **k)  # noqa: E731
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    thread.join(5)


def test_url_list_is_fetched_once_then_read_from_the_cache(tmp_path, local_site, html_events):
    urls = [f"{local_site}/world/{p.name}" for p in HTML_PAGES] + [f"{local_site}/missing.html"]
    url_file = tmp_path / "urls.txt"
    url_file.write_text("# the story\n" + "\n".join(urls) + "\n", encoding="utf-8")
    cache = tmp_path / "cache"
    out = tmp_path / "t.json"
    args = ["build", "--urls", str(url_file), "-o", str(out), "--no-entities", "-q",
            "--allow-private-hosts", "--cache-dir", str(cache), "--fetch-delay", "0.05"]
    assert main(args) == 0
    first = len(_Pages.requests)
    assert first == len(urls)  # one request each (a 404 is not retried)
    record = json.loads(out.read_text(encoding="utf-8"))
    assert [a.get("url") for a in record["articles"]] == urls[:-1]
    assert any("missing.html" in w and "404" in w for w in record["warnings"])
    config = replace(FAST, cache_dir=str(cache), allow_private_hosts=True)
    timeline = build_timeline(urls[:-1], config)
    assert len(_Pages.requests) == first  # second run: zero fetches
    assert signature(timeline) == html_events


def test_private_hosts_are_refused_unless_allowed(tmp_path, local_site, capsys):
    url = f"{local_site}/world/{HTML_PAGES[0].name}"
    assert main(["build", url, "--cache-dir", str(tmp_path / "c"), "--no-entities"]) == 1
    err = capsys.readouterr().err
    assert f"warning: {url}: host 127.0.0.1 is a private address" in err
    assert "--allow-private-hosts" in err
    assert _Pages.requests == []


def test_text_pdf_gives_the_events_of_the_same_text(tmp_path, wire_events):
    records = wire_records()
    folder = tmp_path / "pdfs"
    folder.mkdir()
    rows = ["path,published,title,url,source"]
    for n, record in enumerate(records):
        (folder / f"a{n}.pdf").write_bytes(pdf(record["text"], record.get("title")))
        rows.append(f"a{n}.pdf,{record.get('published', '')},,{record.get('url', '')},"
                    f"{record.get('source', '')}")
    manifest = folder / "files.csv"
    manifest.write_text("\n".join(rows) + "\n", encoding="utf-8")
    timeline = build_timeline([str(folder / f"a{n}.pdf") for n in range(len(records))],
                              replace(FAST, manifest=str(manifest)))
    assert signature(timeline) == wire_events
    assert timeline.articles[0].title == records[0]["title"]  # from the PDF's metadata


def test_folder_with_manifest_gives_the_events_of_the_jsonl(tmp_path, wire_events):
    records = wire_records()
    folder = tmp_path / "pasted"
    folder.mkdir()
    manifest = []
    for n, record in enumerate(records):
        (folder / f"story-{n}.txt").write_text(record["text"], encoding="utf-8")
        manifest.append({"path": f"pasted/story-{n}.txt", **{k: record[k] for k in
                         ("published", "title", "url", "source") if k in record}})
    manifest_path = write_jsonl(tmp_path / "files.jsonl", manifest)
    timeline = build_timeline(str(folder), replace(FAST, manifest=str(manifest_path)))
    assert signature(timeline) == wire_events
    assert timeline.articles[0].title == records[0]["title"]
    assert timeline.articles[0].published.isoformat() == records[0]["published"][:10]
    # The manifest alone names the inputs.
    alone = build_timeline([], replace(FAST, manifest=str(manifest_path)))
    assert signature(alone) == wire_events


def test_published_dates_every_article_without_a_date_of_its_own(tmp_path):
    folder = tmp_path / "pasted"
    folder.mkdir()
    wire = wire_records()
    (folder / "talks.txt").write_text(wire[0]["text"], encoding="utf-8")
    (folder / "feed.jsonl").write_text(json.dumps(wire[1]) + "\n", encoding="utf-8")
    undated = build_timeline(str(folder), FAST)
    assert undated.articles[1].published_source != "metadata"
    timeline = build_timeline(str(folder), replace(FAST, published="2024-04-18"))
    by_id = {a.id: a for a in timeline.articles}
    assert by_id["talks"].published.isoformat() == "2024-04-18"
    assert by_id["talks"].published_source == "metadata"
    # The feed record keeps its own date.
    assert by_id["feed#L1"].published.isoformat() == wire[1]["published"][:10]


def test_gzipped_jsonl_and_records_give_the_same_events(tmp_path, jsonl_events):
    path = tmp_path / "wire.jsonl.gz"
    path.write_bytes(gzip.compress("".join(json.dumps(r) + "\n"
                                           for r in feed_records()).encode()))
    timeline = build_timeline(path, FAST)
    assert signature(timeline) == jsonl_events
    assert timeline.articles[0].id == "wire#L1"  # as wire.jsonl would have it
    assert signature(build_timeline_from_records(feed_records(), FAST)) == jsonl_events


def test_a_string_path_is_one_input_not_its_characters(tmp_path):
    (tmp_path / "talks.txt").write_text(wire_records()[0]["text"], encoding="utf-8")
    articles, warnings = read_articles(str(tmp_path), FAST)
    assert [a.id for a in articles] == ["talks"] and not warnings


def _refusal_cases(tmp_path: Path) -> dict[str, str]:
    archive = tmp_path / "articles.zip"
    with zipfile.ZipFile(archive, "w") as handle:
        handle.writestr("a.txt", wire_records()[0]["text"])
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(300))
    (tmp_path / "scan.pdf").write_bytes(pdf(None))
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4\n1 0 obj garbage")
    (tmp_path / "blob.dat").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "broken.rss").write_text("<rss><channel><title>Wire</title>", encoding="utf-8")
    return {"articles.zip": "ZIP archive, not read", "photo.jpg": "image file, not read",
            "scan.pdf": "scanned PDF without a text layer", "broken.pdf": "PDF",
            "blob.dat": "binary file, not text", "broken.rss": "feed without readable items"}


def test_what_is_not_understood_is_refused_by_name_and_exits_non_zero(tmp_path, capsys):
    cases = _refusal_cases(tmp_path)
    assert main(["build", str(tmp_path), "--no-entities"]) == 1
    err = capsys.readouterr().err
    for name, reason in cases.items():
        lines = [line for line in err.splitlines() if line.startswith("warning:") and name in line]
        assert len(lines) == 1 and reason in lines[0], (name, err)
    assert "no usable article" in err


def test_one_readable_input_among_refusals_exits_zero(tmp_path, capsys):
    _refusal_cases(tmp_path)
    (tmp_path / "wire.rss").write_text(rss(wire_records()), encoding="utf-8")
    (tmp_path / "report.pdf").write_bytes(pdf(wire_records()[1]["text"], "Sluices open"))
    out = tmp_path / "t.json"
    assert main(["build", str(tmp_path), "-o", str(out), "--no-entities"]) == 0
    record = json.loads(out.read_text(encoding="utf-8"))
    titles = {a["title"] for a in record["articles"]}
    assert {"Sluices open", *(r["title"] for r in wire_records())} <= titles
    assert all("</" not in e["title"] and "obj" not in e["title"] for e in record["events"])
    err = capsys.readouterr().err
    summary = [line for line in err.splitlines() if " events from " in line][-1]
    duplicates = sum(1 for a in record["articles"] if a["duplicate_of"])
    assert (f"{len(record['events'])} events from {len(record['articles'])} articles "
            f"({duplicates} duplicates") in summary
    for stage in ("reading", "cleaning", "dating", "grouping", "describing"):
        assert f"dateline: {stage} " in err
