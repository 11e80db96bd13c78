"""The web app and JSON API over a store (FastAPI).

Read endpoints are open; ``POST /api/articles`` needs ``Authorization: Bearer <token>``
with the token the server was started with (no token configured: uploads disabled).
Everything the page needs is served from this package; nothing is fetched from the
network, and the page inserts article text as text nodes only.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import secrets
import tempfile
import threading
from importlib import resources
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Header, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from pydantic import BaseModel, Field

from dateline import __version__
from dateline.config import Config
from dateline.store import Store
from dateline.store.incremental import add_articles
from dateline.store.query import (
    EventQuery,
    facets,
    get_article,
    get_event,
    list_articles,
    list_events,
)

MAX_FILE_BYTES = 2_000_000  # one uploaded article
MAX_REQUEST_BYTES = 10_000_000  # one upload request
MAX_FILES = 50
_SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")
_UPLOAD_EXTS = {".txt", ".text", ".md", ".html", ".htm", ".xhtml", ".jsonl", ".ndjson", ".json"}


class ArticleIn(BaseModel):
    """One article posted as JSON (the same fields a JSONL feed line has)."""

    text: str = Field(description="the article's raw text")
    name: str | None = Field(None, description="a file-like name used for its id")
    title: str | None = None
    url: str | None = None
    published: str | None = Field(None, description="publication date, e.g. 2024-05-17")
    source: str | None = Field(None, description="the outlet")


class ArticlesIn(BaseModel):
    articles: list[ArticleIn]


class AddOut(BaseModel):
    added: list[str] = Field(description="ids of the articles stored")
    already: list[str] = Field(description="names whose text was already in the store")
    errors: list[str] = Field(description="one line per rejected input: 'name: reason'")
    events_created: int


def _static(name: str) -> str:
    return resources.files("dateline.serve").joinpath("static", name).read_text("utf-8")


def _date(value: str | None, name: str) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise HTTPException(422, f"{name}: not a date in YYYY-MM-DD form: {value!r}") from None


def _safe_name(name: str | None, index: int, default_ext: str) -> str:
    base = Path(name or "").name
    stem, ext = Path(base).stem, Path(base).suffix.lower()
    stem = _SAFE_NAME.sub("-", stem).strip("-.")[:80] or f"upload-{index}"
    return stem + (ext if ext else default_ext)


def create_app(store: Store, token: str | None = None, config: Config | None = None) -> FastAPI:
    """The FastAPI application serving ``store``; ``token`` guards the write endpoints."""
    config = config or Config(progress=False)
    write_lock = threading.Lock()
    app = FastAPI(title="dateline", version=__version__, docs_url=None, redoc_url=None,
                  description="A living, sourced timeline of news events.")
    app.state.store = store

    def require_token(authorization: Annotated[str | None, Header()] = None) -> None:
        if not token:
            raise HTTPException(403, "uploads are disabled: the server was started without "
                                     "--token or DATELINE_TOKEN")
        scheme, _, given = (authorization or "").partition(" ")
        if scheme.lower() != "bearer" or not secrets.compare_digest(given.strip().encode(),
                                                                     token.encode()):
            raise HTTPException(401, "a valid bearer token is required",
                                headers={"WWW-Authenticate": "Bearer"})

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def page() -> HTMLResponse:
        html = _static("index.html")
        html = html.replace("/*STYLE*/", _static("style.css"))
        html = html.replace("/*SCRIPT*/", _static("app.js"))
        html = html.replace("__UPLOADS__", "true" if token else "false")
        return HTMLResponse(html, headers={
            "Content-Security-Policy": "default-src 'self'; script-src 'unsafe-inline'; "
                                       "style-src 'unsafe-inline'; img-src 'self' data:",
            "X-Content-Type-Options": "nosniff"})

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        return Response(status_code=204)

    @app.get("/api/events", summary="Events matching the filters")
    def api_events(
        q: Annotated[str | None, Query(description="words in title, summary or sources")] = None,
        entity: Annotated[str | None, Query(description="participant, place or entity")] = None,
        source: Annotated[str | None, Query(description="article id or outlet")] = None,
        date_from: Annotated[str | None, Query(alias="from", description="YYYY-MM-DD")] = None,
        date_to: Annotated[str | None, Query(alias="to", description="YYYY-MM-DD")] = None,
        order: Annotated[str, Query(pattern="^(date|score)$")] = "date",
        limit: Annotated[int, Query(ge=1, le=5000)] = 500,
        offset: Annotated[int, Query(ge=0)] = 0,
        dates: Annotated[int | None, Query(ge=1, le=5000, description=(
            "a timeline of this many distinct days: those the articles keep coming back to"))
            ] = None,
        per_date: Annotated[int | None, Query(ge=1, le=100, description=(
            "events per day with dates (default 1)"))] = None,
    ) -> dict[str, Any]:
        query = EventQuery(text=q or None, entity=entity or None, source=source or None,
                           date_from=_date(date_from, "from"), date_to=_date(date_to, "to"))
        total, records = list_events(store, query, limit=limit, offset=offset, order=order,
                                     dates=dates, per_date=per_date)
        return {"total": total, "offset": offset, "events": records}

    @app.get("/api/events/{event_id}", summary="One event with every supporting sentence")
    def api_event(event_id: str) -> dict[str, Any]:
        record = get_event(store, event_id)
        if record is None:
            raise HTTPException(404, f"no event {event_id!r}")
        return record

    @app.get("/api/articles", summary="Stored articles, newest first")
    def api_articles(
        source: Annotated[str | None, Query(description="article id or outlet")] = None,
        limit: Annotated[int, Query(ge=1, le=5000)] = 200,
        offset: Annotated[int, Query(ge=0)] = 0,
    ) -> dict[str, Any]:
        total, records = list_articles(store, limit=limit, offset=offset, source=source)
        return {"total": total, "offset": offset, "articles": records}

    @app.get("/api/articles/{article_id:path}", summary="One article with its cleaned text")
    def api_article(article_id: str) -> dict[str, Any]:
        record = get_article(store, article_id)
        if record is None:
            raise HTTPException(404, f"no article {article_id!r}")
        return record

    @app.get("/api/facets", summary="Entities, sources and date span for the filters")
    def api_facets() -> dict[str, Any]:
        return facets(store)

    def ingest(files: list[tuple[str, bytes]]) -> AddOut:
        errors: list[str] = []
        with tempfile.TemporaryDirectory(prefix="dateline-upload-") as folder:
            names: dict[str, str] = {}
            for index, (name, data) in enumerate(files, 1):
                safe = _safe_name(name, index, ".txt")
                while safe in names.values():
                    safe = f"{Path(safe).stem}-{index}{Path(safe).suffix}"
                if Path(safe).suffix not in _UPLOAD_EXTS:
                    errors.append(f"{name}: unsupported file type {Path(safe).suffix!r} "
                                  "(use .txt, .html, .jsonl or .json)")
                    continue
                if len(data) > MAX_FILE_BYTES:
                    errors.append(f"{name}: file too large (over {MAX_FILE_BYTES} bytes)")
                    continue
                path = Path(folder) / safe
                path.write_bytes(data)
                names[str(path)] = safe
            if not names:
                return AddOut(added=[], already=[], errors=errors, events_created=0)

            def shown(path: str) -> str:
                for real, safe in names.items():
                    if path == real or path.startswith(real + ":"):
                        return safe + path[len(real):]
                return path.replace(folder + "/", "")

            from dateline.ingest import read_articles

            found, warnings = read_articles(sorted(names), config)
            for article in found:
                article.path = "upload:" + shown(article.path)
            with write_lock:
                result = add_articles(store, found, config, warnings=warnings)
        errors.extend(f"{shown(w.path)}: {w.reason}" for w in result.warnings)
        return AddOut(added=result.added,
                      already=[p.removeprefix("upload:") for p in result.already],
                      errors=errors, events_created=result.events_created)

    @app.post("/api/articles", summary="Add articles (multipart files or JSON)",
              dependencies=[Depends(require_token)], response_model=AddOut,
              openapi_extra={"requestBody": {"content": {
                  "multipart/form-data": {"schema": {"type": "object", "properties": {
                      "files": {"type": "array",
                                "items": {"type": "string", "format": "binary"}}}}},
                  "application/json": {"schema": {"oneOf": [
                      {"$ref": "#/components/schemas/ArticleIn"},
                      {"$ref": "#/components/schemas/ArticlesIn"}]}}}}})
    async def api_add(request: Request) -> JSONResponse:
        length = int(request.headers.get("content-length") or 0)
        if length > MAX_REQUEST_BYTES:
            raise HTTPException(413, f"request too large ({length} bytes > "
                                     f"{MAX_REQUEST_BYTES})")
        kind = request.headers.get("content-type", "")
        files: list[tuple[str, bytes]] = []
        if kind.startswith("multipart/form-data"):
            form = await request.form(max_files=MAX_FILES, max_part_size=MAX_FILE_BYTES + 1)
            for _, value in form.multi_items():
                if isinstance(value, str):
                    continue
                data = await value.read(MAX_FILE_BYTES + 1)
                files.append((value.filename or "upload.txt", data))
        elif kind.startswith("application/json"):
            body = await request.body()
            if len(body) > MAX_REQUEST_BYTES:
                raise HTTPException(413, "request too large")
            try:
                payload = json.loads(body)
                items = (ArticlesIn.model_validate(payload).articles
                         if isinstance(payload, dict) and "articles" in payload
                         else [ArticleIn.model_validate(payload)])
            except ValueError as error:
                raise HTTPException(422, f"invalid JSON article: {error}") from None
            for index, item in enumerate(items, 1):
                record = item.model_dump(exclude_none=True)
                name = record.pop("name", None) or f"article-{index}"
                stem = Path(name).stem if Path(name).suffix else name
                files.append((f"{stem}.json", json.dumps(record).encode("utf-8")))
        else:
            raise HTTPException(415, "send multipart/form-data files or application/json")
        if not files:
            raise HTTPException(422, "no article in the request")
        if len(files) > MAX_FILES:
            raise HTTPException(413, f"too many files ({len(files)} > {MAX_FILES})")
        from starlette.concurrency import run_in_threadpool

        result = await run_in_threadpool(ingest, files)
        status = 201 if result.added else (422 if result.errors and not result.already else 200)
        return JSONResponse(result.model_dump(), status_code=status)

    # Referenced by the OpenAPI schema of the JSON upload body.
    app.openapi_schema = None
    _register_models(app)
    return app


def _register_models(app: FastAPI) -> None:
    original = app.openapi

    def openapi() -> dict:
        if app.openapi_schema:
            return app.openapi_schema
        schema = original()
        components = schema.setdefault("components", {}).setdefault("schemas", {})
        components.setdefault("ArticleIn", ArticleIn.model_json_schema())
        articles_schema = ArticlesIn.model_json_schema(
            ref_template="#/components/schemas/{model}")
        articles_schema.pop("$defs", None)
        components.setdefault("ArticlesIn", articles_schema)
        app.openapi_schema = schema
        return schema

    app.openapi = openapi  # type: ignore[method-assign]

