"""Fuzzing the whole pipeline (issue 16): text, HTML, JSON and JSONL structures up to 200 KB.

Every generated file goes through reading, cleaning, dating, grouping and export. The
properties: nothing raises, the JSON contract holds, every file given either yields an
article or is named in a warning (nothing silently dropped), and no document takes more
than ``PER_DOC_SECONDS`` (a hang, not a speed measurement: typical documents take well
under a second). The example budget is fixed and derandomized so CI runs stay short and
reproducible.
"""

from __future__ import annotations

import json
import signal
import time
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dateline.config import Config
from dateline.export import render
from dateline.ingest import read_articles
from dateline.pipeline import process_articles

MAX_BYTES = 200_000
# A hang guard, generous for a shared CI machine (long one-line inputs have their own test:
# the publication-date scan used to be quadratic in the dates on one line, issue 16 item 3).
PER_DOC_SECONDS = 5.0
FAST = Config(use_ner=False, progress=False)
BUDGET = settings(max_examples=15, derandomize=True, deadline=None, database=None,
                  suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                         HealthCheck.function_scoped_fixture])

_PIECES = st.sampled_from([
    "The council met on March 3, 2022.", "Talks resumed last Tuesday in Kestwick.",
    "Officials said 2019 was worse.", "Prices rose 5% in Q3 2021, the bank said.",
    '"We will return next week," Zoë Brontë said.', "On 12/05/2020 the bridge closed.",
    "the 1990s", "yesterday", "in mid-September", "Published: 2021-06-01", "\u0000",
    "\ufeff", "\u202e", "\x1b[2J", "&amp; &lt;b&gt;", "<script>alert(1)</script>",
    "Ÿ€", "\r\n", "\n\n", "   ", "—", "2024", "-", "'", "42",
])
_LINE = st.lists(_PIECES | st.text(max_size=40), max_size=12).map(" ".join)
_TEXT = st.tuples(st.lists(_LINE, min_size=1, max_size=20).map("\n".join),
                  st.integers(min_value=1, max_value=400))


def _grow(block: str, times: int) -> str:
    """A generated block repeated up to ``MAX_BYTES`` of UTF-8."""
    text = "\n".join([block] * times)
    encoded = text.encode("utf-8", errors="surrogatepass")[:MAX_BYTES]
    return encoded.decode("utf-8", errors="ignore")


_TAGS = st.sampled_from(["p", "div", "span", "article", "h1", "time", "script", "style",
                         "nav", "footer", "table", "td", "li", "a", "meta", "br", "b"])


@st.composite
def _html(draw) -> str:
    depth = draw(st.integers(min_value=0, max_value=300))
    tags = draw(st.lists(_TAGS, min_size=1, max_size=8))
    body = "".join(f"<{tags[k % len(tags)]} class='c{k}'>" for k in range(depth))
    block, times = draw(_TEXT)
    paragraph = "".join(f"<p>{line}</p>" for line in block.split("\n"))
    close = "" if draw(st.booleans()) else "".join(
        f"</{tags[k % len(tags)]}>" for k in reversed(range(depth)))
    head = draw(st.sampled_from([
        "", '<meta property="article:published_time" content="2021-06-01T10:00:00Z">',
        '<meta name="date" content="not a date">', "<title>Kestwick &amp; Marlow</title>"]))
    return _grow(f"<html><head>{head}</head><body>{body}{paragraph}{close}</body></html>",
                 times)


_JSON_LEAF = (st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True)
              | st.text(max_size=30) | _LINE)
_JSON = st.recursive(_JSON_LEAF, lambda inner: st.lists(inner, max_size=4)
                     | st.dictionaries(st.sampled_from(["text", "title", "published", "url",
                                                        "source", "x"]), inner, max_size=5),
                     max_leaves=30)
_RECORD = st.fixed_dictionaries(
    {"text": _LINE | _JSON}, optional={"title": _JSON, "published": _PIECES | _JSON,
                                       "url": _JSON, "source": _JSON})


@st.composite
def _json_file(draw) -> str:
    kind = draw(st.sampled_from(["record", "records", "any", "deep", "broken"]))
    if kind == "record":
        record = draw(_RECORD)
        block, times = draw(_TEXT)
        record["text"] = _grow(block, times)
        return json.dumps(record)
    if kind == "records":
        return json.dumps(draw(st.lists(_RECORD, min_size=1, max_size=30)))
    if kind == "deep":
        depth = draw(st.integers(min_value=1, max_value=100_000))
        return "[" * depth + "]" * draw(st.integers(min_value=0, max_value=depth))
    if kind == "broken":
        return json.dumps(draw(_RECORD))[:-draw(st.integers(min_value=1, max_value=5))]
    return json.dumps(draw(_JSON))


@st.composite
def _jsonl_file(draw) -> str:
    lines = draw(st.lists(_RECORD.map(json.dumps) | _JSON.map(json.dumps) | _LINE
                          | st.integers(min_value=1, max_value=50_000).map(lambda d: "{" * d),
                          min_size=1, max_size=20))
    return _grow("\n".join(lines), draw(st.integers(min_value=1, max_value=50)))


@contextmanager
def _hang_guard(seconds: float):
    """Fail a document that runs for ``seconds``, as a hang, instead of blocking CI."""
    def expired(_signum, _frame):
        raise TimeoutError(f"one document took over {seconds:g} s (a hang)")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _run(folder: Path, name: str, content: str | bytes) -> None:
    path = folder / name
    for old in folder.iterdir():
        old.unlink()
    if isinstance(content, str):
        content = content.encode("utf-8", errors="surrogatepass")
    path.write_bytes(content)
    began = time.process_time()  # CPU time: other jobs on a shared machine do not count
    with _hang_guard(PER_DOC_SECONDS * 12):  # wall-clock backstop; the check is below
        articles, warnings = read_articles([str(folder)], FAST)
        timeline = process_articles(articles, FAST, warnings)
        record = json.loads(render(timeline, "json"))
        for fmt in ("md", "html", "csv"):
            assert render(timeline, fmt)
    elapsed = time.process_time() - began
    assert record["dateline"] == "1"
    assert set(record) >= {"articles", "events", "undated"}
    for event in record["events"]:
        assert event["date"] and event["sources"]
        assert all({"article", "sentence"} <= set(s) for s in event["sources"])
    # nothing given is silently dropped: an article came out of it or a warning names it
    assert articles or any(w.path.startswith(str(path)) for w in warnings), warnings
    assert elapsed < PER_DOC_SECONDS, f"{name}: {elapsed:.1f} s"


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    return tmp_path_factory.mktemp("fuzz")


@BUDGET
@given(_TEXT)
def test_fuzz_text(folder, text):
    _run(folder, "doc.txt", _grow(*text))


@BUDGET
@given(_TEXT, st.sampled_from(["utf-8", "utf-16-le", "utf-16", "cp1252", "latin-1"]))
def test_fuzz_text_encodings(folder, text, encoding):
    _run(folder, "doc.txt", _grow(*text).encode(encoding, errors="replace"))


_DATES = st.sampled_from(["March 3, 2022", "3 March 2022", "2022-03-03", "Tue Mar 15, 2011",
                          "Monday, 4 April 2011", "12/05/2020", "Sept. 9"])


@BUDGET
@given(st.lists(_DATES, min_size=1, max_size=4), st.integers(min_value=200, max_value=8000),
       st.sampled_from([" | ", ", ", " ", ""]))
def test_fuzz_one_line_of_many_dates(folder, dates, count, separator):
    """Item 3: thousands of dates on one line (up to ~150 KB, no line break)."""
    line = separator.join(dates[k % len(dates)] for k in range(count))
    _run(folder, "dates.txt", f"Headline\n{line[:MAX_BYTES]}\nThe council met on Tuesday.\n")


@BUDGET
@given(_html())
def test_fuzz_html(folder, html):
    _run(folder, "page.html", html)


@BUDGET
@given(_json_file())
def test_fuzz_json(folder, text):
    _run(folder, "doc.json", text)


@BUDGET
@given(_jsonl_file())
def test_fuzz_jsonl(folder, text):
    _run(folder, "feed.jsonl", text)
