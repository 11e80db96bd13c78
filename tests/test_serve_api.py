"""The HTTP API and page of ``dateline serve`` (FastAPI TestClient, no network)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the web app needs fastapi (pip install fastapi)")
pytest.importorskip("multipart", reason="uploads need python-multipart")

from fastapi.testclient import TestClient  # noqa: E402

from dateline.config import Config  # noqa: E402
from dateline.serve import app as app_module  # noqa: E402
from dateline.serve import create_app  # noqa: E402
from dateline.store import add, open_store  # noqa: E402

DATA = Path(__file__).parent / "data" / "store"
FAST = Config(use_ner=False, progress=False)
TOKEN = "s3cret-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture
def store(tmp_path):
    handle = open_store(tmp_path / "api.db")
    add(handle, [str(DATA / n) for n in ("barrier-opens.txt", "council-vote.txt",
                                         "feed.jsonl")], FAST)
    yield handle
    handle.close()


@pytest.fixture
def client(store):
    return TestClient(create_app(store, token=TOKEN, config=FAST))


def test_events_list_and_filters(client):
    body = client.get("/api/events").json()
    assert body["total"] == len(body["events"]) >= 4
    dates = [e["first_day"] for e in body["events"]]
    assert dates == sorted(dates)
    assert {"id", "date", "precision", "title", "summary", "sources", "date_conflicts",
            "source_count"} <= set(body["events"][0])
    herald = client.get("/api/events", params={"source": "Kestwick Herald"}).json()
    assert {e["date"] for e in herald["events"]} == {"2021-10-04", "2021-11-19"}
    text = client.get("/api/events", params={"q": "harbour wall"}).json()
    assert [e["date"] for e in text["events"]] == ["2021-11-19"]
    ranged = client.get("/api/events", params={"from": "2021-03-01", "to": "2021-03-01"}).json()
    assert [e["date"] for e in ranged["events"] if e["precision"] == "day"] == ["2021-03-01"]
    assert client.get("/api/events", params={"from": "yesterday"}).status_code == 422
    paged = client.get("/api/events", params={"limit": 2, "offset": 1}).json()
    assert [e["id"] for e in paged["events"]] == [e["id"] for e in body["events"][1:3]]


def test_event_detail(client):
    events = client.get("/api/events", params={"q": "flood barrier opened"}).json()["events"]
    detail = client.get(f"/api/events/{events[0]['id']}").json()
    assert detail["date"] == "2021-03-01"
    mention = next(m for m in detail["mentions"] if m["timex"]["text"])
    assert mention["sentence"][mention["timex"]["start"]:mention["timex"]["end"]] == \
        mention["timex"]["text"] == "March 1, 2021"
    assert detail["articles"][0]["id"] == "barrier-opens"
    missing = client.get("/api/events/ev999999")
    assert missing.status_code == 404 and "ev999999" in missing.json()["detail"]


def test_articles_and_facets(client):
    body = client.get("/api/articles").json()
    assert body["total"] == 4
    assert {a["id"] for a in body["articles"]} == {"barrier-opens", "council-vote",
                                                    "feed#L1", "feed#L2"}
    herald = client.get("/api/articles", params={"source": "herald"}).json()
    assert herald["total"] == 2
    one = client.get("/api/articles/feed%23L1").json()
    assert one["site"] == "Kestwick Herald" and "stone bridge" in one["text"]
    facets = client.get("/api/facets").json()
    assert facets["articles"] == 4 and facets["date_min"] <= "2021-03-01"
    assert facets["sources"][0]["name"] == "Kestwick Herald"


def test_openapi_schema(client):
    schema = client.get("/openapi.json").json()
    assert {"/api/events", "/api/events/{event_id}", "/api/articles"} <= set(schema["paths"])
    assert "post" in schema["paths"]["/api/articles"]
    assert "ArticleIn" in schema["components"]["schemas"]


def test_writes_need_the_token(client):
    files = {"files": ("festival.html", (DATA / "festival.html").read_bytes(), "text/html")}
    assert client.post("/api/articles", files=files).status_code == 401
    wrong = client.post("/api/articles", files=files, headers={"Authorization": "Bearer no"})
    assert wrong.status_code == 401 and wrong.headers["www-authenticate"] == "Bearer"
    before = client.get("/api/events").json()["total"]
    assert client.get("/api/events").json()["total"] == before


def test_uploads_disabled_without_token(store):
    client = TestClient(create_app(store, token=None, config=FAST))
    response = client.post("/api/articles", json={"text": "x"}, headers=AUTH)
    assert response.status_code == 403 and "disabled" in response.json()["detail"]
    assert client.get("/api/events").status_code == 200  # reads stay open


def test_multipart_upload_adds_events(client):
    before = client.get("/api/events").json()["total"]
    files = [("files", ("festival.html", (DATA / "festival.html").read_bytes(), "text/html")),
             ("files", ("second.txt", (DATA / "barrier-second-report.txt").read_bytes(),
                        "text/plain"))]
    response = client.post("/api/articles", files=files, headers=AUTH)
    assert response.status_code == 201, response.text
    body = response.json()
    assert sorted(body["added"]) == ["festival", "second"] and body["errors"] == []
    events = client.get("/api/events").json()
    assert events["total"] > before
    assert any(e["date"] == "2021-09-11" for e in events["events"])
    barrier = [e for e in events["events"] if e["date"] == "2021-03-01"]
    assert barrier[0]["source_count"] == 2
    # The same files again: nothing new.
    again = client.post("/api/articles", files=files, headers=AUTH)
    assert again.status_code == 200 and again.json()["added"] == []
    assert sorted(again.json()["already"]) == ["festival.html", "second.txt"]


def test_json_upload(client):
    article = {"name": "dock-strike", "title": "Dock workers strike in Kestwick",
               "published": "2021-12-02", "source": "Kestwick Herald",
               "text": "Dock workers in Kestwick walked out on December 1, 2021 over pay, "
                       "halting the ferry service to the islands.\n\nThe union said the "
                       "strike would last a week."}
    response = client.post("/api/articles", json=article, headers=AUTH)
    assert response.status_code == 201, response.text
    assert response.json()["added"] == ["dock-strike"]
    found = client.get("/api/events", params={"q": "dock workers"}).json()["events"]
    assert [e["date"] for e in found] == ["2021-12-01"]
    many = client.post("/api/articles", json={"articles": [article]}, headers=AUTH)
    assert many.status_code == 200 and many.json()["already"] == ["dock-strike.json"]
    bad = client.post("/api/articles", json={"title": "no text"}, headers=AUTH)
    assert bad.status_code == 422


def test_bad_uploads_get_one_line_reasons(client, monkeypatch):
    monkeypatch.setattr(app_module, "MAX_FILE_BYTES", 1000)
    files = [("files", ("empty.txt", b"", "text/plain")),
             ("files", ("blob.txt", b"\x00\x01\x02\x00binary\x00", "text/plain")),
             ("files", ("big.txt", b"word " * 400, "text/plain")),
             ("files", ("photo.png", b"\x89PNG....", "image/png"))]
    response = client.post("/api/articles", files=files, headers=AUTH)
    assert response.status_code == 422
    errors = response.json()["errors"]
    assert sorted(errors) == sorted([
        "empty.txt: empty file", "blob.txt: binary file, not text",
        "big.txt: file too large (over 1000 bytes)",
        "photo.png: unsupported file type '.png' (use .txt, .html, .jsonl or .json)"])
    assert all("\n" not in e and "/tmp" not in e for e in errors)
    assert client.post("/api/articles", content=b"x", headers={
        **AUTH, "Content-Type": "text/plain"}).status_code == 415


def test_page_is_self_contained_and_escapes(client):
    page = client.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    html = page.text + client.get("/static/app.js").text
    assert "<svg" in html and "/api/events" in html
    assert "http://" not in html.replace("http://www.w3.org", "")  # no CDN or remote asset
    assert "https://" not in html
    assert "innerHTML" not in html  # article text goes in as text nodes only
    policy = page.headers["content-security-policy"]
    assert "default-src 'self'" in policy and "frame-ancestors 'none'" in policy
    assert "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]
    assert "<script>" not in page.text  # item 10: no inline script for the CSP to allow


def test_script_payload_is_returned_as_data(client):
    evil = {"name": "evil", "published": "2021-12-10",
            "text": "<script>alert(1)</script> Protesters marched in Kestwick on December 9, "
                    "2021 against the <b>closure</b> of the bridge, organisers said."}
    assert client.post("/api/articles", json=evil, headers=AUTH).status_code == 201
    article = client.get("/api/articles/evil").json()
    assert "<script>" in json.dumps(article["text"])  # stored verbatim, escaped by the page
