"""Per-file metadata given beside the articles: a CSV or JSONL manifest.

Folders of pasted articles rarely carry their dates; a manifest row (``path``,
``published``, ``title``, ``url``, ``source``) says what each file is without rewriting it.
Paths are relative to the manifest's own folder unless absolute.
"""

from __future__ import annotations

import csv
import io
import json
import os
from dataclasses import dataclass

from dateline.model import Warning_

FIELDS = ("path", "published", "title", "url", "source")


@dataclass
class ManifestRow:
    """Metadata for one file (``key`` is its resolved path) or, without a path, one URL."""

    key: str | None
    path: str | None
    published: str | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None


def _clean(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def read_manifest(path: str) -> tuple[list[ManifestRow], list[Warning_]]:
    """The rows of a ``.csv`` (with a header) or ``.jsonl`` manifest, with a warning per bad row."""
    try:
        with open(path, encoding="utf-8-sig", errors="replace") as handle:
            text = handle.read()
    except OSError as exc:
        return [], [Warning_(path, f"unreadable manifest ({exc.strerror or exc})")]
    warnings: list[Warning_] = []
    records: list[tuple[str, dict]] = []
    if path.lower().endswith((".jsonl", ".ndjson")):
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                warnings.append(Warning_(f"{path}:{number}", f"broken JSON line ({exc.msg})"))
                continue
            if not isinstance(record, dict):
                warnings.append(Warning_(f"{path}:{number}", "manifest row is not an object"))
                continue
            records.append((f"{path}:{number}", record))
    else:
        reader = csv.DictReader(io.StringIO(text))
        header = [h.strip().lower() for h in reader.fieldnames or []]
        if "path" not in header and "url" not in header:
            return [], [Warning_(path, "manifest needs a header with 'path' (or 'url'); "
                                       f"columns: {', '.join(FIELDS)}")]
        reader.fieldnames = header
        for number, record in enumerate(reader, start=2):
            records.append((f"{path}:{number}", record))
    base = os.path.dirname(os.path.abspath(path))
    rows: list[ManifestRow] = []
    for where, record in records:
        file_path, url = _clean(record.get("path")), _clean(record.get("url"))
        if not file_path and not url:
            warnings.append(Warning_(where, "manifest row without 'path' or 'url', skipped"))
            continue
        resolved = os.path.join(base, file_path) if file_path else None
        rows.append(ManifestRow(key=os.path.realpath(resolved) if resolved else None,
                                path=resolved, published=_clean(record.get("published")),
                                title=_clean(record.get("title")), url=url,
                                source=_clean(record.get("source"))))
    return rows, warnings
