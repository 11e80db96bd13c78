"""Builders for the input formats the tests read: folders of text files, feeds, WARCs
and text PDFs.

The PDF writer is deliberately minimal (one Type1 font, WinAnsi text, one line per
``Tj``) so the test controls exactly which text layer the file carries.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import textwrap
from email.utils import format_datetime
from html import escape
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def write_corpus(folder: Path, articles: dict[str, str]) -> Path:
    """``folder`` holding each of ``articles`` (file name -> text) as a UTF-8 file."""
    for name, text in articles.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def events_citing(events, words: str) -> list:
    """The events with a source sentence containing ``words``."""
    return [e for e in events if any(words in s.sentence for s in e.sources)]


def wire_records() -> list[dict]:
    """The example wire-service JSONL records (text, title, url, published, source)."""
    lines = (EXAMPLES / "gws-wire-teral.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.split("\n\n") if p.strip()]


def _when(record: dict) -> dt.datetime:
    return dt.datetime.fromisoformat(record["published"].replace("Z", "+00:00"))


def rss(records: list[dict]) -> str:
    items = []
    for r in records:
        body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs(r["text"]))
        head = "".join([f"<title>{escape(r['title'])}</title>" if "title" in r else "",
                        f"<link>{escape(r['url'])}</link>" if "url" in r else "",
                        f"<pubDate>{format_datetime(_when(r))}</pubDate>"
                        if "published" in r else ""])
        items.append(f"<item>{head}<description>{escape(body)}</description></item>")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>'
            f"<title>{escape(records[0]['source'])}</title><link>https://wire.example/</link>"
            f"<description>wire</description>{''.join(items)}</channel></rss>\n")


def atom(records: list[dict]) -> str:
    entries = []
    for n, r in enumerate(records):
        body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs(r["text"]))
        head = "".join([f"<title>{escape(r['title'])}</title>" if "title" in r else "",
                        f'<link href="{escape(r["url"])}"/>' if "url" in r else "",
                        f"<published>{_when(r).isoformat()}</published>"
                        if "published" in r else ""])
        entries.append(f"<entry>{head}<id>urn:wire:{n}</id>"
                       f"<updated>2024-06-01T00:00:00Z</updated>"
                       f'<content type="html">{escape(body)}</content></entry>')
    return ('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
            f"<title>{escape(records[0]['source'])}</title><id>urn:wire</id>"
            f"<updated>2024-05-01T00:00:00Z</updated>{''.join(entries)}</feed>\n")


def warc(pages: list[tuple], gzip: bool) -> bytes:
    """A WARC of HTTP responses ``(uri, body, WARC-Date[, content type])`` (HTML unless
    given), written by warcio."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gzip)
    for uri, body, crawled, *kind in pages:
        content_type = kind[0] if kind else "text/html; charset=utf-8"
        headers = StatusAndHeaders("200 OK", [("Content-Type", content_type),
                                              ("Content-Length", str(len(body)))],
                                   protocol="HTTP/1.1")
        record = writer.create_warc_record(uri, "response", payload=io.BytesIO(body),
                                           http_headers=headers,
                                           warc_headers_dict={"WARC-Date": crawled})
        writer.write_record(record)
    return out.getvalue()


def _pdf_string(line: str) -> bytes:
    raw = line.encode("cp1252", errors="replace")
    out = bytearray(b"(")
    for byte in raw:
        if byte in b"()\\":
            out += b"\\" + bytes([byte])
        elif byte < 32 or byte > 126:
            out += f"\\{byte:03o}".encode()
        else:
            out.append(byte)
    return bytes(out + b")")


def pdf(text: str | None, title: str | None = None, width: int = 90) -> bytes:
    """A PDF whose text layer is ``text`` wrapped at ``width`` characters (blank lines
    between paragraphs are not drawn, as in most PDFs); ``None`` gives a page with no text,
    as a scan without OCR has."""
    lines: list[str] = []
    for paragraph in paragraphs(text or ""):
        lines += textwrap.wrap(paragraph, width)
    pages = [lines[i:i + 60] for i in range(0, len(lines), 60)] or [[]]
    objects: list[bytes] = []
    kids = " ".join(f"{4 + 2 * i} 0 R" for i in range(len(pages)))
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>".encode())
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica "
                   b"/Encoding /WinAnsiEncoding >>")
    for i, page_lines in enumerate(pages):
        stream = b"BT /F1 10 Tf 12 TL 40 800 Td " + b"".join(
            _pdf_string(line) + b" Tj T* " for line in page_lines) + b"ET"
        if not page_lines:  # a scan: only a grey box where the picture would be
            stream = b"0.5 g 40 40 500 750 re f"
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
                       f"/Resources << /Font << /F1 3 0 R >> >> /Contents {5 + 2 * i} 0 R >>"
                       .encode())
        objects.append(f"<< /Length {len(stream)} >>\nstream\n".encode() + stream
                       + b"\nendstream")
    info = len(objects) + 1
    objects.append(b"<< /Title " + _pdf_string(title or "") + b" >>")
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += (f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R /Info {info} 0 R >>\n"
            f"startxref\n{xref}\n%%EOF\n").encode()
    return bytes(out)


def signature(timeline) -> list[tuple]:
    """Events compared across input formats: date, precision, title and source sentences
    (article ids differ by format, so they are left out)."""
    return sorted((e.date.iso(), e.date.precision.value, e.title,
                   tuple(sorted(s.sentence for s in e.sources))) for e in timeline.events)
