"""PDF articles: the text layer read with pypdf, lines rejoined into paragraphs.

A PDF without a text layer (a scan) is refused rather than guessed at: dateline does no OCR,
and a page of nothing would only surface later as an article without events.
"""

from __future__ import annotations

import io
import re
import statistics

from dateline.model import Article, Warning_

_MIN_CHARS_PER_PAGE = 40  # fewer letters than this on average: a scan, not a text layer
_SENTENCE_END = re.compile(r"[.!?:\"'”’)]\s*$")


def reflow(text: str) -> str:
    """Paragraphs from a PDF's visual lines.

    PDF text comes as one line per printed line. A line ends its paragraph when it is
    followed by a blank line, or when it ends a sentence and is clearly shorter than the
    page's usual line (the ragged last line of a paragraph); otherwise lines are joined,
    undoing end-of-line hyphenation.
    """
    lines = [line.rstrip() for line in text.splitlines()]
    widths = [len(line) for line in lines if line.strip()]
    if not widths:
        return ""
    usual = statistics.median(widths)
    paragraphs: list[str] = []
    current = ""
    for line in lines:
        stripped = line.strip()
        if not stripped:
            if current:
                paragraphs.append(current)
                current = ""
            continue
        if not current:
            current = stripped
        elif current.endswith("-") and stripped[:1].islower():
            current = current[:-1] + stripped
        else:
            current = f"{current} {stripped}"
        if _SENTENCE_END.search(stripped) and len(line) < 0.8 * usual:
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
