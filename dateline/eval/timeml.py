"""Read TimeML (TempEval-3 style) files into plain text plus gold TIMEX3 annotations.

Gold offsets index the text of ``<TEXT>`` with every tag removed and XML entities
unescaped, which is exactly the string the tagger is given, so spans compare directly.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass, field
from pathlib import Path

from dateline.model import Timex

_TAG = re.compile(r"<(/?)([A-Za-z][\w:.-]*)([^>]*?)(/?)>", re.S)
_ATTR = re.compile(r"""([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_TEXT = re.compile(r"<TEXT\b[^>]*>(.*?)</TEXT>", re.S | re.I)
_DCT = re.compile(r"<DCT\b[^>]*>(.*?)</DCT>", re.S | re.I)
_CREATION = re.compile(r"<TIMEX3\b([^>]*)>", re.S)
_DOCID = re.compile(r"<DOCID\b[^>]*>(.*?)</DOCID>", re.S | re.I)
_YMD = re.compile(r"(\d{4})-?(\d{2})-?(\d{2})")
_DIGITS8 = re.compile(r"(?<!\d)((?:19|20)\d{2})(\d{2})(\d{2})(?!\d)")


@dataclass
class TimemlDoc:
    """One annotated document: id, creation date, plain text and gold expressions."""

    id: str
    dct: dt.date | None
    text: str
    gold: list[Timex] = field(default_factory=list)


def _attrs(raw: str) -> dict[str, str]:
    return {m.group(1): html.unescape(m.group(2) if m.group(2) is not None else m.group(3))
            for m in _ATTR.finditer(raw)}


def _parse_date(value: str) -> dt.date | None:
    match = _YMD.match(value.strip())
    if not match:
        return None
    try:
        return dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None


def _find_dct(xml: str, doc_id: str) -> dt.date | None:
    """DCT from the CREATION_TIME TIMEX3 (wherever it sits), else from the document id."""
    candidates: list[str] = []
    block = _DCT.search(xml)
    for match in _CREATION.finditer(xml):
        attrs = _attrs(match.group(1))
        if attrs.get("functionInDocument") == "CREATION_TIME":
            candidates.insert(0, attrs.get("value", ""))
    if block:
        candidates.extend(_attrs(m.group(1)).get("value", "") for m in
                          _CREATION.finditer(block.group(1)))
    for value in candidates:
        date = _parse_date(value)
        if date:
            return date
    match = _DIGITS8.search(doc_id)
    if match:
        try:
            return dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        except ValueError:
            return None
    return None


def parse_timeml(xml: str, doc_id: str = "") -> TimemlDoc:
    """Parse TimeML markup held in a string (see :func:`read_timeml`)."""
    id_match = _DOCID.search(xml)
    if id_match:
        doc_id = id_match.group(1).strip() or doc_id
    body_match = _TEXT.search(xml)
    body = body_match.group(1) if body_match else ""
    pieces: list[str] = []
    length = 0
    open_timexes: list[tuple[int, dict[str, str]]] = []
    gold: list[Timex] = []
    pos = 0
    for tag in _TAG.finditer(body):
        chunk = html.unescape(body[pos:tag.start()])
        pieces.append(chunk)
        length += len(chunk)
        pos = tag.end()
        closing, name, raw, selfclosing = tag.groups()
        if name.upper() != "TIMEX3":
            continue
        if closing:
            if open_timexes:
                start, attrs = open_timexes.pop()
                gold.append(_gold_timex(start, length, attrs))
        elif not selfclosing:
            open_timexes.append((length, _attrs(raw)))
    pieces.append(html.unescape(body[pos:]))
    text = "".join(pieces)
    for timex in gold:
        timex.text = text[timex.start:timex.end]
    gold.sort(key=lambda t: (t.start, t.end))
    return TimemlDoc(doc_id, _find_dct(xml, doc_id), text, gold)


def _gold_timex(start: int, end: int, attrs: dict[str, str]) -> Timex:
    return Timex(start=start, end=end, text="", type=attrs.get("type", "DATE").upper(),
                 value=attrs.get("value", ""), mod=attrs.get("mod") or None,
                 quant=attrs.get("quant") or None, freq=attrs.get("freq") or None)


def read_timeml(path: str | Path) -> TimemlDoc:
    """Read one ``.tml`` file: its id, DCT, ``<TEXT>`` as plain text, and gold TIMEX3s."""
    path = Path(path)
    xml = path.read_text(encoding="utf-8", errors="replace")
    name = path.name
    for suffix in (".tml", ".xml"):
        name = name.removesuffix(suffix)
    return parse_timeml(xml, name)
