"""The web app and JSON API over a store (FastAPI).

Read endpoints are open; ``POST /api/articles`` needs ``Authorization: Bearer <token>``
with the token the server was started with (no token configured: uploads disabled);
repeated wrong tokens from one client are throttled. Read answers are cached per store
version (the newest committed batch), so a crowd asking the same page costs one query;
``limit`` is capped and page offsets are bounded.
Everything the page needs is served from this package; nothing is fetched from the
network, and the page inserts article text as text nodes only.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import secrets
import tempfile
import threading
import time
from collections import OrderedDict, deque
from importlib import resources
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Header, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from pydantic import BaseModel, Field
from sqlalchemy import func, select
from starlette.concurrency import run_in_threadpool

from dateline.config import Config
from dateline.store import Store
from dateline.store.query import (
    EventQuery,
    facets,
    get_article,
    get_event,
    list_articles,
    list_events,
)
from dateline.store.schema import articles as articles_table
from dateline.store.writer import add_articles
from dateline.timeline.query import QueryError, parse_query
from dateline.version import __version__

MAX_FILE_BYTES = 2_000_000  # one uploaded article
MAX_REQUEST_BYTES = 10_000_000  # one upload request
MAX_FILES = 50
DEFAULT_LIMIT = 200  # events or articles per page
MAX_LIMIT = 2000  # the page draws up to this many events at once (answers are cached)
MAX_OFFSET = 1_000_000
MAX_QUERY_WORDS = 20
MAX_QUERY_CHARS = 500
FAILED_TOKENS = 5  # wrong tokens one client may send ...
FAILED_WINDOW = 60.0  # ... per this many seconds before it gets 429
CACHE_ENTRIES = 256
SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Content-Security-Policy": "default-src 'self'; script-src 'self'; "
                               "style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
                               "frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
}
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


def shown_path(path: str) -> str:
    """An article's path as the API shows it: uploads by their name, files by their base
    name (plus any ``:line``), never the absolute path on the server."""
    if path.startswith("upload:"):
        return path
    return os.path.basename(path) or path


def _public(record: dict[str, Any]) -> dict[str, Any]:
    if isinstance(record.get("path"), str):
        record["path"] = shown_path(record["path"])
    for article in record.get("articles") or []:
        if isinstance(article, dict) and isinstance(article.get("path"), str):
            article["path"] = shown_path(article["path"])
    return record


def _found(record: dict[str, Any] | None, what: str, key: str) -> dict[str, Any]:
    """A record for the API, or the 404 that says which one is missing."""
    if record is None:
        raise HTTPException(404, f"no {what} {key!r}")
    return _public(record)


class _Cache:
    """Encoded read answers keyed by (request, store version); one computation per key
    even when a crowd asks at once."""

    def __init__(self, size: int = CACHE_ENTRIES) -> None:
        self.size = size
        self.items: OrderedDict[tuple, bytes] = OrderedDict()
        self.lock = threading.Lock()
        self.key_locks: dict[tuple, threading.Lock] = {}

    def peek(self, key: tuple) -> bytes | None:
        with self.lock:
            return self.items.get(key)

    def get(self, key: tuple, compute) -> bytes:
        with self.lock:
            if key in self.items:
                self.items.move_to_end(key)
                return self.items[key]
            key_lock = self.key_locks.setdefault(key, threading.Lock())
        with key_lock:
            with self.lock:
                if key in self.items:
                    return self.items[key]
            value = compute()
            with self.lock:
                self.items[key] = value
                while len(self.items) > self.size:
                    self.items.popitem(last=False)
                self.key_locks.pop(key, None)
            return value


class _Throttle:
    """Failed token attempts per client: past the allowance, answer 429 until the window
    has passed, so a token cannot be guessed at network speed."""

    def __init__(self) -> None:
        self.failures: dict[str, deque[float]] = {}
        self.lock = threading.Lock()

    def _recent(self, client: str, now: float) -> deque[float]:
        times = self.failures.setdefault(client, deque())
        while times and now - times[0] > FAILED_WINDOW:
            times.popleft()
        return times

    def blocked(self, client: str) -> bool:
        with self.lock:
            return len(self._recent(client, time.monotonic())) >= FAILED_TOKENS

    def fail(self, client: str) -> None:
        with self.lock:
            self._recent(client, time.monotonic()).append(time.monotonic())
            if len(self.failures) > 10_000:  # bound memory under a spray of addresses
                self.failures.clear()


def _safe_name(name: str | None, index: int, default_ext: str) -> str:
    base = Path(name or "").name
    stem, ext = Path(base).stem, Path(base).suffix.lower()
    stem = _SAFE_NAME.sub("-", stem).strip("-.")[:80] or f"upload-{index}"
    return stem + (ext if ext else default_ext)


def create_app(store: Store, token: str | None = None, config: Config | None = None) -> FastAPI:
    """The FastAPI application serving ``store``; ``token`` guards the write endpoints."""
    config = config or Config(progress=False)
    write_lock = threading.Lock()
    cache = _Cache()
    throttle = _Throttle()
    app = FastAPI(title="dateline", version=__version__, docs_url=None, redoc_url=None,
                  description="A living, sourced timeline of news events.")
    app.state.store = store

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    db_file = store.url[len("sqlite:///"):] if store.dialect == "sqlite" else None
    uploads = [0]  # bumped by this server's own writes

    def version() -> tuple:
        """The store's version, cheap enough to ask on every read: for SQLite the size
        and time of the database and its write-ahead log (every commit changes them, any
        writer's), else the newest committed batch."""
        if db_file is None:
            with store.read() as conn:
                return uploads[0], conn.execute(
                    select(func.max(articles_table.c.batch))).scalar() or 0
        stamp = [uploads[0]]
        for suffix in ("", "-wal"):
            try:
                status = os.stat(db_file + suffix)
                stamp += [status.st_mtime_ns, status.st_size]
            except OSError:
                stamp += [0, 0]
        return tuple(stamp)

    async def cached(key: tuple, compute) -> Response:
        """A cached answer straight from the event loop; a miss is computed once, in a
        worker thread, however many requests wait for it."""
        current = version() if db_file else await run_in_threadpool(version)
        full = (current, *key)
        body = cache.peek(full)
        if body is None:
            body = await run_in_threadpool(cache.get, full, lambda: json.dumps(
                compute(), ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
        return Response(body, media_type="application/json")

    def require_token(request: Request,
                      authorization: Annotated[str | None, Header()] = None) -> None:
        if not token:
            raise HTTPException(403, "uploads are disabled: the server was started without "
                                     "--token or DATELINE_TOKEN")
        client = request.client.host if request.client else "?"
        if throttle.blocked(client):
            raise HTTPException(429, "too many wrong tokens; try again in a minute",
                                headers={"Retry-After": str(int(FAILED_WINDOW))})
        scheme, _, given = (authorization or "").partition(" ")
        if scheme.lower() != "bearer" or not secrets.compare_digest(given.strip().encode(),
                                                                     token.encode()):
            throttle.fail(client)
            raise HTTPException(401, "a valid bearer token is required",
                                headers={"WWW-Authenticate": "Bearer"})

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def page() -> HTMLResponse:
        html = _static("index.html").replace("__UPLOADS__", "true" if token else "false")
        return HTMLResponse(html)

    @app.get("/static/{name}", include_in_schema=False)
    def static(name: str) -> Response:
        kinds = {"app.js": "text/javascript", "style.css": "text/css"}
        if name not in kinds:
            raise HTTPException(404, f"no static file {name!r}")
        return Response(_static(name), media_type=kinds[name] + "; charset=utf-8")

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        return Response(status_code=204)

    @app.get("/api/events", summary="Events matching the filters")
    async def api_events(
        q: Annotated[str | None, Query(description="words in title, summary or sources",
                                       max_length=MAX_QUERY_CHARS)] = None,
        entity: Annotated[str | None, Query(
            description="entity query as 'dateline build --query' reads it: names with AND, "
                        "OR, NOT (a surname finds the person)", max_length=MAX_QUERY_CHARS)
            ] = None,
        source: Annotated[str | None, Query(description="article id or outlet")] = None,
        date_from: Annotated[str | None, Query(alias="from", description="YYYY-MM-DD")] = None,
        date_to: Annotated[str | None, Query(alias="to", description="YYYY-MM-DD")] = None,
        order: Annotated[str, Query(pattern="^(date|score)$")] = "date",
        limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = DEFAULT_LIMIT,
        offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
        dates: Annotated[int | None, Query(ge=1, le=MAX_LIMIT, description=(
            "a timeline of this many distinct days: those the articles keep coming back to"))
            ] = None,
        per_date: Annotated[int | None, Query(ge=1, le=100, description=(
            "events per day with dates (default 1)"))] = None,
    ) -> Response:
        if q and len(q.split()) > MAX_QUERY_WORDS:
            raise HTTPException(422, f"q: at most {MAX_QUERY_WORDS} words")
        if entity and entity.strip():
            if len(entity.split()) > MAX_QUERY_WORDS:
                raise HTTPException(422, f"entity: at most {MAX_QUERY_WORDS} words")
            try:
                parse_query(entity)
            except QueryError as error:
                raise HTTPException(422, f"entity: {error}") from None
        query = EventQuery(text=q or None, entity=entity or None, source=source or None,
                           date_from=_date(date_from, "from"), date_to=_date(date_to, "to"))

        def compute() -> dict[str, Any]:
            total, records = list_events(store, query, limit=limit, offset=offset, order=order,
                                         dates=dates, per_date=per_date)
            return {"total": total, "offset": offset, "events": [_public(r) for r in records]}

        return await cached(("events", query, order, limit, offset, dates, per_date), compute)

    @app.get("/api/events/{event_id}", summary="One event with every supporting sentence")
    def api_event(event_id: str) -> dict[str, Any]:
        return _found(get_event(store, event_id), "event", event_id)

    @app.get("/api/articles", summary="Stored articles, newest first")
    async def api_articles(
        source: Annotated[str | None, Query(description="article id or outlet")] = None,
        limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = DEFAULT_LIMIT,
        offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
    ) -> Response:
        def compute() -> dict[str, Any]:
            total, records = list_articles(store, limit=limit, offset=offset, source=source)
            return {"total": total, "offset": offset, "articles": [_public(r) for r in records]}

        return await cached(("articles", source, limit, offset), compute)

    @app.get("/api/articles/{article_id:path}", summary="One article with its cleaned text")
    def api_article(article_id: str) -> dict[str, Any]:
        return _found(get_article(store, article_id), "article", article_id)

    @app.get("/api/facets", summary="Entities, sources and date span for the filters")
    async def api_facets() -> Response:
        return await cached(("facets",), lambda: facets(store))

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
                uploads[0] += 1
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
        try:
            length = int(request.headers.get("content-length") or 0)
        except ValueError:
            raise HTTPException(400, "bad Content-Length header") from None
        if length > MAX_REQUEST_BYTES:
            raise HTTPException(413, f"request too large ({length} bytes > "
                                     f"{MAX_REQUEST_BYTES})")
        # Read the body in chunks and stop at the limit: a chunked upload has no length.
        chunks: list[bytes] = []
        size = 0
        async for chunk in request.stream():
            size += len(chunk)
            if size > MAX_REQUEST_BYTES:
                raise HTTPException(413, f"request too large (over {MAX_REQUEST_BYTES} bytes)")
            chunks.append(chunk)
        request._body = b"".join(chunks)  # what request.form() and .body() read from
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
            except RecursionError:
                raise HTTPException(422, "invalid JSON article: nested too deeply") from None
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
        result = await run_in_threadpool(ingest, files)
        status = 201 if result.added else (422 if result.errors and not result.already else 200)
        return JSONResponse(result.model_dump(), status_code=status)

    # Referenced by the OpenAPI schema of the JSON upload body.
    app.openapi_schema = None
    _register_models(app)
    return app


def app_from_environment() -> FastAPI:
    """The app for one of several server processes (``dateline serve --workers N``): each
    worker opens the store named in ``DATELINE_SERVE_DB`` itself."""
    store = Store(os.environ.get("DATELINE_SERVE_DB") or None)
    token = os.environ.get("DATELINE_TOKEN") or None
    use_ner = os.environ.get("DATELINE_SERVE_NER", "1") == "1"
    return create_app(store, token=token, config=Config(use_ner=use_ner, progress=False))


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

