"""Web archives (WARC, WARC.gz): every archived page (HTML, and also PDF, feed or plain
text responses) becomes an article, read as the same file on disk would be.

The archive's ``WARC-Date`` is when the page was crawled, not when it was published, so
it is only an upper bound: a publication date found in the page that lies after the crawl
cannot be right and is dropped with a warning.
"""

from __future__ import annotations

import io
from collections.abc import Callable

from dateline.dating.pubdate import parse_date
from dateline.model import Article, Warning_

# (where, payload, extension, id) -> articles and warnings, as for a file of that extension
PayloadReader = Callable[[str, bytes, str, str], tuple[list[Article], list[Warning_]]]
_TYPES = (("html", ".html"), ("pdf", ".pdf"), ("rss", ".rss"), ("atom", ".atom"),
          ("xml", ".xml"), ("text/plain", ".txt"))


def payload_ext(content_type: str) -> str | None:
    """The file extension a response of this content type is read as; None: not an article."""
    lowered = content_type.lower()
    return next((ext for marker, ext in _TYPES if marker in lowered), None)


def read_warc(path: str, data: bytes, base_id: str, read_payload: PayloadReader
              ) -> tuple[list[Article], list[Warning_]]:
    """Articles of the response records in a WARC (plain or gzipped)."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    articles: list[Article] = []
    warnings: list[Warning_] = []
    number = 0
    try:
        for record in ArchiveIterator(io.BytesIO(data)):
            if record.rec_type != "response" or record.http_headers is None:
                continue
            number += 1
            uri = record.rec_headers.get_header("WARC-Target-URI") or ""
            where = f"{path}#{number}"
            status = record.http_headers.get_statuscode() or ""
            content_type = (record.http_headers.get_header("Content-Type") or "").lower()
            if not status.startswith("2"):
                warnings.append(Warning_(where, f"HTTP {status} response for {uri}, skipped"))
                continue
            ext = payload_ext(content_type)
            if ext is None:
                warnings.append(Warning_(where, f"not an article ({content_type or 'no type'}) "
                                                f"for {uri}, skipped"))
                continue
            found, problems = read_payload(where, record.content_stream().read(), ext,
                                           f"{base_id}#{number}")
            warnings.extend(problems)
            for art in found:
                art.path = path
                if len(found) == 1:  # a page; a feed's items keep their own links
                    art.url = uri or art.url
                _bound_by_crawl(art, record.rec_headers.get_header("WARC-Date"), where,
                                warnings)
                articles.append(art)
    except (ArchiveLoadFailed, ValueError, OSError, EOFError) as exc:
        warnings.append(Warning_(path, f"broken WARC after {number} records ({exc})"))
    if not articles and number == 0:
        warnings.append(Warning_(path, "WARC without response records"))
    return articles, warnings


def _bound_by_crawl(art: Article, warc_date: str | None, where: str,
                    warnings: list[Warning_]) -> None:
    """Drop a metadata date later than the crawl: the page existed when it was archived."""
    if not warc_date or not art.metadata_date:
        return
    crawled, _ = parse_date(warc_date[:10])
    published, _ = parse_date(art.metadata_date)
    if crawled and published and published > crawled:
        warnings.append(Warning_(where, f"metadata date {art.metadata_date} is after the "
                                        f"crawl ({warc_date[:10]}), ignored"))
        art.metadata_date = None
