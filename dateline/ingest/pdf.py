"""PDF articles: the text layer read with pypdf, lines rejoined into paragraphs.

A PDF without a text layer (a scan) is refused rather than guessed at: dateline does no OCR,
and a page of nothing would only surface later as an article without events.
"""

from __future__ import annotations

import io
import re

from dateline.model import Article, Warning_

_MIN_CHARS_PER_PAGE = 40  # fewer letters than this on average: a scan, not a text layer
_SENTENCE_END = re.compile(r"[.!?:\"'”’)]\s*$")


def reflow(text: str) -> str:
    """Paragraphs from a PDF's visual lines.

    PDF text comes as one line per printed line, usually without blank lines between
    paragraphs. Typesetting wraps a line only when the next word does not fit, so a line
    that would still have had room for the next line's first word was ended on purpose:
    that is a paragraph end. The measure is learnt from the document itself (its long
    lines); lines that end a sentence get the benefit of the doubt, others need clear room,
    since proportional fonts make character counts approximate. Hyphenation at a line end
    is undone.
    """
    lines = [line.strip() for line in text.splitlines()]
    widths = sorted(len(line) for line in lines if line)
    if not widths:
        return ""
    measure = widths[int(0.9 * (len(widths) - 1))]  # the usual full line
    paragraphs: list[str] = []
    current = ""
    for i, line in enumerate(lines):
        if not line:
            if current:
                paragraphs.append(current)
                current = ""
            continue
        if not current:
            current = line
        elif current.endswith("-") and line[:1].islower():
            current = current[:-1] + line
        else:
            current = f"{current} {line}"
        following = lines[i + 1] if i + 1 < len(lines) else ""
        if not following:
            continue
        needed = len(line) + 1 + len(following.split()[0])
        room = needed <= measure if _SENTENCE_END.search(line) else needed <= 0.85 * measure
        if room:
            paragraphs.append(current)
            current = ""
    if current:
        paragraphs.append(current)
    return "\n\n".join(paragraphs)


def read_pdf(path: str, data: bytes, base_id: str) -> tuple[list[Article], list[Warning_]]:
    """One article from a PDF's text layer, or a one-line refusal."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            return [], [Warning_(path, "encrypted PDF, not read")]
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        return [], [Warning_(path, f"unreadable PDF ({type(exc).__name__}: {exc})")]
    except Exception as exc:  # noqa: BLE001 - a broken PDF must not stop the run
        return [], [Warning_(path, f"unreadable PDF ({type(exc).__name__})")]
    letters = sum(ch.isalnum() for page in pages for ch in page)
    if not pages or letters < _MIN_CHARS_PER_PAGE * len(pages):
        return [], [Warning_(path, "scanned PDF without a text layer, not read "
                                   "(run OCR first, e.g. ocrmypdf)")]
    text = reflow("\n\n".join(pages))
    art = Article(id=base_id, path=path, raw_text=text, form="text")
    title = None
    try:
        title = (reader.metadata or {}).get("/Title")
    except Exception:  # noqa: BLE001 - broken metadata only loses the title
        title = None
    if isinstance(title, str) and title.strip():
        art.title = title.strip()
    return [art], []
