"""Read article files of mixed formats and quality into ``Article`` records.

Text, HTML, JSON/JSONL (also gzipped), RSS/Atom feeds, WARC web archives, PDFs with a text
layer and http(s) URLs; ZIPs, images, scans and unknown binaries are refused by name.

Scraped piles always contain junk (empty files, binaries, broken feeds, absurd dates), so
every problem with one input becomes a one-line ``Warning_`` and the rest of the run goes
on: nothing here raises for a bad file.
"""

from __future__ import annotations

import glob
import io
import json
import os
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from charset_normalizer import from_bytes

from dateline.config import Config
from dateline.dating.pubdate import parse_date
from dateline.ingest.feeds import looks_like_feed, read_feed
from dateline.ingest.fetch import Fetcher, default_cache_dir, is_url
from dateline.ingest.manifest import ManifestRow, read_manifest
from dateline.ingest.pdf import read_pdf
from dateline.ingest.warc import payload_ext, read_warc
from dateline.model import Article, Warning_

TEXT_EXTS = {".txt", ".text", ".md"}
HTML_EXTS = {".html", ".htm", ".xhtml"}
JSONL_EXTS = {".jsonl", ".ndjson"}
JSON_EXTS = {".json"}
_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
_SLUG_RE = re.compile(r"[^a-z0-9]+")
_CONTROL = set(range(0, 32)) - {9, 10, 12, 13, 27}
_GLOB_CHARS = re.compile(r"[*?\[]")


@dataclass(frozen=True)
class _Found:
    """A file to read: the path as given or found, and its path for disambiguating ids."""

    path: str
    key: str  # absolute, normalised path: identity for de-duplicating inputs


def _is_hidden(name: str) -> bool:
    return name.startswith(".")


def expand_inputs(inputs: list[str]) -> tuple[list[_Found], list[Warning_]]:
    """Files named by ``inputs`` (files, directories walked recursively, globs), in order.

    Directory and glob matches are sorted so runs are reproducible; hidden files and
    directories inside a walk are skipped; the same file reached twice is read once.
    """
    found: list[_Found] = []
    warnings: list[Warning_] = []
    seen: set[str] = set()

    def add(path: str) -> None:
        if os.path.islink(path) and not os.path.exists(path):
            warnings.append(Warning_(path, "dangling symlink"))
            return
        key = os.path.realpath(path)
        if key not in seen:
            seen.add(key)
            found.append(_Found(path, key))

    def unreadable(error: OSError) -> None:
        warnings.append(Warning_(error.filename or "?", "unreadable directory, skipped "
                                                        f"({error.strerror or error})"))

    for item in inputs:
        if os.path.isdir(item):
            for root, dirs, files in os.walk(item, onerror=unreadable):
                dirs[:] = sorted(d for d in dirs if not _is_hidden(d))
                for name in sorted(files):
                    if not _is_hidden(name):
                        add(os.path.join(root, name))
        elif os.path.lexists(item):
            add(item)
        elif _GLOB_CHARS.search(item):
            matches = sorted(m for m in glob.glob(item, recursive=True)
                             if not _is_hidden(os.path.basename(m)))
            if not matches:
                warnings.append(Warning_(item, "pattern matched no files"))
            for match in matches:
                if os.path.isdir(match):
                    sub, sub_warnings = expand_inputs([match])
                    warnings.extend(sub_warnings)
                    for f in sub:
                        if f.key not in seen:
                            seen.add(f.key)
                            found.append(f)
                else:
                    add(match)
        else:
            warnings.append(Warning_(item, "no such file or directory"))
    return found, warnings


def slugify(text: str, limit: int = 60) -> str:
    """A short lowercase ``a-z0-9-`` form of ``text`` for readable ids."""
    slug = _SLUG_RE.sub("-", text.lower()).strip("-")
    return slug[:limit].strip("-") or "article"


def _stem(key: str) -> str:
    """A file's name without its extension, and without ``.gz`` first (``wire.jsonl.gz``
    is ``wire``, as ``wire.jsonl`` is)."""
    path = Path(key)
    return Path(path.stem).stem if path.suffix.lower() == ".gz" else path.stem


def assign_base_ids(keys: list[str]) -> dict[str, str]:
    """A stable readable id per file: its stem's slug, or more of its path on a clash.

    Ids depend only on the set of files, not on their order: clashing stems are spelled out
    with the path relative to the clashing files' common directory (then the extension).
    """
    by_slug: dict[str, list[str]] = {}
    for key in keys:
        by_slug.setdefault(slugify(_stem(key)), []).append(key)
    ids: dict[str, str] = {}
    for slug, group in by_slug.items():
        if len(group) == 1:
            ids[group[0]] = slug
            continue
        common = os.path.commonpath([os.path.dirname(k) for k in group])
        rel = {k: os.path.relpath(k, common) for k in group}
        no_ext = {k: slugify(str(Path(r).with_suffix("")), 120) for k, r in rel.items()}
        clashes = Counter(no_ext.values())
        for k in group:
            ids[k] = no_ext[k] if clashes[no_ext[k]] == 1 else slugify(rel[k], 120)
    # A spelled-out id might still equal another file's plain stem slug; suffix it then.
    counts: dict[str, int] = {}
    for key in sorted(ids):
        counts[ids[key]] = counts.get(ids[key], 0) + 1
    if any(n > 1 for n in counts.values()):
        taken: dict[str, int] = {}
        for key in sorted(ids):
            base = ids[key]
            if counts[base] > 1:
                taken[base] = taken.get(base, 0) + 1
                ids[key] = f"{base}-{taken[base]}"
    return ids


def utf16_without_bom(data: bytes) -> str | None:
    """``utf-16-le`` or ``utf-16-be`` when the bytes are UTF-16 text saved without a
    byte-order mark (Latin text then has a NUL in every other byte, on one side), else
    None."""
    head = data[:8192]
    if len(head) < 8:
        return None
    even, odd = head[0::2], head[1::2]
    zeros_even, zeros_odd = even.count(0) / len(even), odd.count(0) / max(1, len(odd))
    if zeros_odd > 0.3 and zeros_even < 0.05:
        encoding = "utf-16-le"
    elif zeros_even > 0.3 and zeros_odd < 0.05:
        encoding = "utf-16-be"
    else:
        return None
    try:
        text = data[:len(data) - len(data) % 2].decode(encoding)
    except UnicodeDecodeError:
        return None
    controls = sum(1 for c in text[:4096] if ord(c) in _CONTROL)
    return encoding if controls <= max(2, len(text[:4096]) // 100) else None


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters in the first block mean not text."""
    head = data[:8192]
    if any(head.startswith(bom) for bom, _ in _BOMS):
        return False
    if utf16_without_bom(data):
        return False
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b in _CONTROL)
    return controls > max(2, len(head) // 100)


def decode(data: bytes) -> tuple[str, str | None]:
    """Text of ``data`` and a warning reason when bytes had to be replaced.

    Order: byte-order mark, strict UTF-8 (most of the web), then charset-normalizer's
    best guess; if all fail, UTF-8 with replacement characters so the text still flows.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), None
            except UnicodeDecodeError:
                return data.decode(encoding, errors="replace"), f"undecodable {encoding} bytes"
    encoding = utf16_without_bom(data)
    if encoding:
        return data[:len(data) - len(data) % 2].decode(encoding), None
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError:
        pass
    mixed = _mixed_lines(data)
    if mixed is not None:
        return mixed
    best = from_bytes(data[:1_000_000]).best()
    if best is not None and best.encoding:
        try:
            return data.decode(best.encoding), None
        except (UnicodeDecodeError, LookupError):
            pass
    return data.decode("utf-8", errors="replace"), "undecodable bytes replaced"


def _mixed_lines(data: bytes) -> tuple[str, str] | None:
    """Text pasted together from UTF-8 and single-byte (Windows-1252) sources, decoded
    line by line, with a warning; None when the file is not such a mix (one guessed code
    page for the whole file would garble every UTF-8 line)."""
    lines = data.split(b"\n")
    utf8_lines, other = 0, 0
    for line in lines:
        if line.isascii():
            continue
        try:
            line.decode("utf-8")
            utf8_lines += 1
        except UnicodeDecodeError:
            other += 1
    if not utf8_lines or not other:
        return None
    decoded = []
    for line in lines:
        try:
            decoded.append(line.decode("utf-8"))
        except UnicodeDecodeError:
            decoded.append(line.decode("cp1252", errors="replace"))
    return "\n".join(decoded), (f"mixed encodings: {other} line(s) not UTF-8, read as "
                                 "Windows-1252")


def _checked_metadata_date(value: object, where: str, warnings: list[Warning_]) -> str | None:
    """The metadata date string when it parses to a real date; else None plus a warning."""
    if value is None or value == "":
        return None
    parsed, why = parse_date(value)
    if parsed is None:
        warnings.append(Warning_(where, f"metadata date ignored: {why}"))
        return None
    return str(value).strip()


def _read_jsonl(
    path: str, text: str, base_id: str, warnings: list[Warning_]
) -> list[Article]:
    articles = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            warnings.append(Warning_(where, f"broken JSON line ({exc.msg})"))
            continue
        except RecursionError:
            warnings.append(Warning_(where, "JSON line nested too deeply, skipped"))
            continue
        art = _record_article(record, f"{base_id}#L{number}", path, where, warnings)
        if art is None:
            continue
        articles.append(art)
    return articles


def _record_article(record: object, art_id: str, path: str, where: str,
                    warnings: list[Warning_]) -> Article | None:
    """One feed record (``text`` required; ``title``/``url``/``published``/``source``)."""
    if not isinstance(record, dict):
        warnings.append(Warning_(where, "JSON record is not an object"))
        return None
    body = record.get("text")
    if not isinstance(body, str) or not body.strip():
        warnings.append(Warning_(where, "missing or empty 'text'"))
        return None
    art = Article(id=art_id, path=path, raw_text=body, form="record")
    for field_name, key in (("title", "title"), ("url", "url"), ("site", "source")):
        value = record.get(key)
        if isinstance(value, str) and value.strip():
            setattr(art, field_name, value.strip())
    art.metadata_date = _checked_metadata_date(record.get("published"), where, warnings)
    return art


def _read_json(path: str, text: str, base_id: str, warnings: list[Warning_]) -> list[Article]:
    """A ``.json`` file holding one article object or a list of them; other JSON is skipped.

    Folders of articles often carry JSON side files (answer keys, manifests) that are not
    articles: they are skipped with a warning rather than read as text.
    """
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        warnings.append(Warning_(path, f"broken JSON ({exc.msg}, line {exc.lineno})"))
        return []
    except RecursionError:  # the decoder recurses per nesting level; the file is skipped
        warnings.append(Warning_(path, "JSON nested too deeply, skipped"))
        return []
    if isinstance(data, dict) and "text" in data:
        art = _record_article(data, base_id, path, path, warnings)
        return [art] if art else []
    if isinstance(data, list) and data and all(isinstance(r, dict) and "text" in r
                                               for r in data):
        found = [_record_article(r, f"{base_id}#{n}", path, f"{path}#{n}", warnings)
                 for n, r in enumerate(data, start=1)]
        return [a for a in found if a]
    warnings.append(Warning_(path, "JSON file without article records ('text'), skipped"))
    return []


def _read_html(path: str, html: str, base_id: str, warnings: list[Warning_]) -> Article | None:
    # Imported here: trafilatura is slow to import and only HTML inputs need it.
    import trafilatura
    from htmldate import find_date

    try:
        doc = trafilatura.bare_extraction(
            html, with_metadata=True, include_comments=False, include_tables=False,
            date_extraction_params={"original_date": True, "extensive_search": False},
        )
    except Exception as exc:  # noqa: BLE001 - a library failure on one page is a warning
        warnings.append(Warning_(path, f"HTML extraction failed ({type(exc).__name__})"))
        return None
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or not text.strip():
        warnings.append(Warning_(path, "no article text found in HTML"))
        return None
    art = Article(id=base_id, path=path, raw_text=text, form="extracted")
    art.title = (doc.title or "").strip() or None
    art.url = doc.url or None
    art.site = doc.sitename or doc.hostname or None
    date = doc.date
    if not date:
        try:
            date = find_date(html, original_date=True, extensive_search=False)
        except Exception:  # noqa: BLE001 - htmldate bugs must not stop ingestion
            date = None
    if date and _only_as_modified(html, str(date)):
        date = None  # "This page was last modified on 4 November 2020": not published
    art.metadata_date = _checked_metadata_date(date, path, warnings)
    if art.metadata_date:
        visible = _visible_date(html, text, art.title)
        if visible and _days_apart(visible, art.metadata_date) in (1, 2):
            # Metadata is often the UTC day or the last update; the date line the reader
            # sees under the headline is the publication day. A visible date further off
            # is more likely another story's than a time-zone shift.
            art.metadata_date = visible
    return art


_IMAGE_MAGIC = (b"\x89PNG", b"\xff\xd8\xff", b"GIF87a", b"GIF89a", b"II*\x00", b"MM\x00*",
                b"BM")
_GZIP_MAGIC = b"\x1f\x8b"
FEED_EXTS = {".rss", ".atom", ".xml"}
WARC_EXTS = {".warc"}


def _kind_of_bytes(data: bytes) -> str | None:
    """What the leading bytes say a file is, whatever its extension claims."""
    if data.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return "zip"
    if data.startswith(_IMAGE_MAGIC) or (data[:4] == b"RIFF" and data[8:12] == b"WEBP"):
        return "image"
    if data.startswith(_GZIP_MAGIC):
        return "gzip"
    if data.startswith(b"WARC/"):
        return "warc"
    return None


def _gunzip(path: str, data: bytes, limit: int) -> tuple[bytes | None, str | None]:
    import gzip
    import zlib

    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as handle:
            out = handle.read(limit + 1)
    except (OSError, EOFError, zlib.error) as exc:
        return None, f"broken gzip file ({exc})"
    if len(out) > limit:
        return None, f"uncompressed size over {limit} bytes"
    return out, None


def _warc(path: str, data: bytes, base_id: str, config: Config
          ) -> tuple[list[Article], list[Warning_]]:
    def payload(where: str, body: bytes, ext: str, art_id: str):
        if _kind_of_bytes(body) in ("warc", "gzip"):
            return [], [Warning_(where, "archive inside an archive record, skipped")]
        return read_bytes(where, body, ext, art_id, config)

    return read_warc(path, data, base_id, payload)


def read_bytes(path: str, data: bytes, ext: str, base_id: str, config: Config
               ) -> tuple[list[Article], list[Warning_]]:
    """Articles in the bytes of one input named ``path``; the format is sniffed from the
    bytes first and the extension second, so a misnamed file is still read right."""
    warnings: list[Warning_] = []
    if not data.strip():
        return [], [Warning_(path, "empty file")]
    kind = _kind_of_bytes(data)
    if kind == "gzip":
        inner_ext = Path(Path(path).stem).suffix.lower() if ext == ".gz" else ""
        if inner_ext in WARC_EXTS:  # warcio reads gzipped records itself, record by record
            return _warc(path, data, base_id, config)
        unpacked, problem = _gunzip(path, data, config.max_file_bytes)
        if unpacked is None:
            return [], [Warning_(path, problem or "broken gzip file")]
        if unpacked.startswith(b"WARC/"):
            return _warc(path, data, base_id, config)
        if _kind_of_bytes(unpacked) == "gzip":
            return [], [Warning_(path, "gzip inside gzip, not read")]
        return read_bytes(path, unpacked, inner_ext or ".txt", base_id, config)
    if kind == "warc":
        return _warc(path, data, base_id, config)
    if kind == "pdf":
        return read_pdf(path, data, base_id)
    if kind == "zip":
        return [], [Warning_(path, "ZIP archive, not read (unpack it and give the folder)")]
    if kind == "image":
        return [], [Warning_(path, "image file, not read (dateline reads text, not pictures)")]
    if looks_binary(data):
        return [], [Warning_(path, "binary file, not text")]
    text, problem = decode(data)
    if problem:
        warnings.append(Warning_(path, problem))
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        return [], [*warnings, Warning_(path, "empty file")]
    if ext in FEED_EXTS or (ext not in JSON_EXTS | JSONL_EXTS and looks_like_feed(text)):
        return _read_feed_file(path, data, base_id, warnings)
    if ext in JSONL_EXTS:
        articles = _read_jsonl(path, text, base_id, warnings)
        if not articles:
            warnings.append(Warning_(path, "no usable JSONL records"))
        return articles, warnings
    if ext in JSON_EXTS:
        articles = _read_json(path, text, base_id, warnings)
        return articles, warnings
    if ext in HTML_EXTS or (ext not in TEXT_EXTS and _looks_like_html(text)):
        art = _read_html(path, text, base_id, warnings)
        return ([art] if art else []), warnings
    if ext not in TEXT_EXTS:
        warnings.append(Warning_(path, f"unknown extension {ext or '(none)'!r}, read as text"))
    form = "text" if ext in TEXT_EXTS else None
    return [Article(id=base_id, path=path, raw_text=text, form=form)], warnings


def _looks_like_html(text: str) -> bool:
    head = text[:1000].lstrip().lower()
    return head.startswith(("<!doctype html", "<html"))


def _read_feed_file(path: str, data: bytes, base_id: str, warnings: list[Warning_]
                    ) -> tuple[list[Article], list[Warning_]]:
    records, feed_warnings = read_feed(path, data, base_id)
    warnings.extend(feed_warnings)
    articles = []
    for record in records:
        art = _record_article(record, record["id"], path, record["where"], warnings)
        if art is not None:
            articles.append(art)
    return articles, warnings

_BLOCK_END_RE = re.compile(r"<(?:/(?:p|div|h[1-6]|li|time|header|section|article|span|a)|br\s*/?)"
                           r"\s*>", re.IGNORECASE)
_DROP_RE = re.compile(r"<(script|style|noscript|template|svg)\b.*?</\1\s*>",
                      re.IGNORECASE | re.DOTALL)
_TAG_RE = re.compile(r"<[^>]+>")


_MODIFIED_RE = re.compile(r"\b(?:modified|updated|edited)\b[^<]{0,40}", re.IGNORECASE)
_PUBLISHED_CONTEXT_RE = re.compile(r"\b(?:published|posted|created)\b[^<]{0,40}", re.IGNORECASE)


def _only_as_modified(html: str, date: str) -> bool:
    """True when the page shows ``date`` only as a modification stamp."""
    from dateline.dating.pubdate import find_dates

    if date[:10] in html:
        return False  # machine-readable somewhere (datePublished, <time>): trust it
    for m in _PUBLISHED_CONTEXT_RE.finditer(html):
        if any(d.date.isoformat() == date[:10] for d in find_dates(m.group(0))):
            return False
    for m in _MODIFIED_RE.finditer(html):
        if any(d.date.isoformat() == date[:10] for d in find_dates(m.group(0))):
            return True
    return False


def _days_apart(first: str, second: str) -> int | None:
    import datetime as dt

    try:
        return abs((dt.date.fromisoformat(first[:10]) - dt.date.fromisoformat(second[:10])).days)
    except ValueError:
        return None


def _visible_date(html: str, body: str, title: str | None) -> str | None:
    """The date line shown right above the article's text, when it is unmistakable."""
    from html import unescape

    from dateline.dating.pubdate import body_start_index, date_from_text

    visible = _TAG_RE.sub(" ", _BLOCK_END_RE.sub("\n", _DROP_RE.sub(" ", html)))
    lines = [" ".join(unescape(ln).split()) for ln in visible.splitlines()]
    text = "\n".join(ln for ln in lines if ln)
    start = body_start_index(text, body)
    if start is None:
        return None
    found = date_from_text(text, title, None, start)
    if found is None or found[1] < 0.75:
        return None
    return found[0].isoformat()


def read_file(
    found: _Found, base_id: str, config: Config
) -> tuple[list[Article], list[Warning_]]:
    """Articles in one file plus the warnings it raised; never raises."""
    path = found.path
    try:
        size = os.path.getsize(path)
        if not os.path.isfile(path):
            return [], [Warning_(path, "not a regular file")]
        if size > config.max_file_bytes:
            return [], [Warning_(path, f"file too large ({size} bytes > "
                                       f"{config.max_file_bytes})")]
        with open(path, "rb") as handle:
            data = handle.read(config.max_file_bytes + 1)
    except OSError as exc:
        return [], [Warning_(path, f"unreadable ({exc.strerror or exc})")]
    return read_bytes(path, data, Path(path).suffix.lower(), base_id, config)


def _ext_for_url(url: str, content_type: str) -> str:
    """The extension a fetched page is read as: its content type, else its URL's suffix."""
    if "json" in content_type.lower():
        return ".json"
    return payload_ext(content_type) or Path(urlsplit(url).path).suffix.lower() or ".html"


def _apply_metadata(articles: list[Article], row: ManifestRow | None, published: str | None,
                    where: str, warnings: list[Warning_]) -> None:
    """Manifest values replace what the file says; ``--published`` fills only articles
    that carry no date of their own."""
    for art in articles:
        if row is not None:
            if row.published:
                date = _checked_metadata_date(row.published, where, warnings)
                art.metadata_date = date or art.metadata_date
            art.title = row.title or art.title
            art.url = row.url or art.url
            art.site = row.source or art.site
        if published and not art.metadata_date:
            art.metadata_date = published


def read_articles(inputs: str | os.PathLike | list, config: Config,
                  progress: Callable[[str, int, int], None] | None = None
                  ) -> tuple[list[Article], list[Warning_]]:
    """All articles found under ``inputs`` (paths, folders, globs, http(s) URLs) and one
    warning per problem encountered. ``progress(stage, done, total)`` is told each step."""
    if isinstance(inputs, (str, os.PathLike)):
        inputs = [inputs]
    inputs = [os.fspath(item) for item in inputs]
    warnings: list[Warning_] = []
    rows: dict[str, ManifestRow] = {}
    if config.manifest:
        manifest_rows, manifest_warnings = read_manifest(config.manifest)
        warnings.extend(manifest_warnings)
        for row in manifest_rows:
            rows[row.key or row.url or ""] = row
        if not inputs:  # the manifest alone names the inputs
            inputs = [row.path or row.url for row in manifest_rows if row.path or row.url]
    published = None
    if config.published:
        published = _checked_metadata_date(config.published, "--published", warnings)
    urls = [item for item in inputs if is_url(item)]
    found, found_warnings = expand_inputs([item for item in inputs if not is_url(item)])
    warnings.extend(found_warnings)
    ids = assign_base_ids([f.key for f in found] + urls)
    articles: list[Article] = []
    total = len(found) + len(urls)
    for done, item in enumerate(found, start=1):
        file_articles, file_warnings = read_file(item, ids[item.key], config)
        _apply_metadata(file_articles, rows.get(item.key), published, item.path, file_warnings)
        articles.extend(file_articles)
        warnings.extend(file_warnings)
        if progress:
            progress("reading", done, total)
    if urls:
        fetcher = Fetcher(cache_dir=Path(config.cache_dir) if config.cache_dir
                          else default_cache_dir(), delay=config.fetch_delay,
                          allow_private_hosts=config.allow_private_hosts,
                          max_bytes=config.max_file_bytes)
        for done, url in enumerate(urls, start=len(found) + 1):
            data, content_type, problem = fetcher.get(url)
            if problem:
                warnings.append(problem)
            else:
                page_articles, page_warnings = read_bytes(
                    url, data or b"", _ext_for_url(url, content_type), ids[url], config)
                for art in page_articles:
                    art.url = art.url or url
                _apply_metadata(page_articles, rows.get(url), published, url, page_warnings)
                articles.extend(page_articles)
                warnings.extend(page_warnings)
            if progress:
                progress("fetching", done, total)
    return articles, warnings


def read_records(records: list[dict], config: Config
                 ) -> tuple[list[Article], list[Warning_]]:
    """Articles from in-memory records (``text`` required; ``title``, ``url``,
    ``published``, ``source``, ``id`` optional), as a JSONL file's lines would give."""
    warnings: list[Warning_] = []
    published = None
    if config.published:
        published = _checked_metadata_date(config.published, "--published", warnings)
    articles: list[Article] = []
    taken: set[str] = set()
    for number, record in enumerate(records, start=1):
        where = f"record {number}"
        wanted = record.get("id") if isinstance(record, dict) else None
        art_id = slugify(str(wanted)) if wanted else f"record-{number}"
        if art_id in taken:
            art_id = f"{art_id}-{number}"
        art = _record_article(record, art_id, str(wanted or where), where, warnings)
        if art is None:
            continue
        taken.add(art_id)
        _apply_metadata([art], None, published, where, warnings)
        articles.append(art)
    return articles, warnings
