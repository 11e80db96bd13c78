"""Fetch article URLs politely, with an on-disk cache so a rerun fetches nothing.

Politeness is per host: one request at a time, a pause between requests to the same
host, a few retries with growing back-off on timeouts and 429/5xx answers, and a user
agent that names the tool. Hosts on private, loopback or link-local addresses are refused
unless explicitly allowed: a URL list must not become a way to probe the local network.
"""

from __future__ import annotations

import hashlib
import ipaddress
import json
import os
import socket
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from dateline.model import Warning_
from dateline.version import __version__

USER_AGENT = f"dateline/{__version__} (news timeline builder; polite, cached fetches)"
_RETRY_STATUS = {429, 500, 502, 503, 504}


def default_cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "dateline" / "pages"


def is_url(text: str) -> bool:
    return text.startswith(("http://", "https://"))


@dataclass
class Fetcher:
    """Downloads with per-host delay, retries, timeouts and a disk cache."""

    cache_dir: Path = field(default_factory=default_cache_dir)
    delay: float = 1.0  # seconds between two requests to the same host
    retries: int = 2
    timeout: float = 20.0
    allow_private_hosts: bool = False
    max_bytes: int = 20_000_000
    fetched: int = 0  # requests actually sent (cache hits are not counted)
    _last: dict[str, float] = field(default_factory=dict)

    def _cache_paths(self, url: str) -> tuple[Path, Path]:
        key = hashlib.sha256(url.encode("utf-8")).hexdigest()
        return self.cache_dir / f"{key}.body", self.cache_dir / f"{key}.json"

    def _refusal(self, url: str) -> str | None:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            return "not an http(s) URL"
        if self.allow_private_hosts:
            return None
        try:
            infos = socket.getaddrinfo(parts.hostname, parts.port or 80)
        except (socket.gaierror, UnicodeError) as exc:
            return f"host not found ({exc})"
        for info in infos:
            address = ipaddress.ip_address(info[4][0].split("%")[0])
            if (address.is_private or address.is_loopback or address.is_link_local
                    or address.is_reserved or address.is_multicast):
                return (f"host {parts.hostname} is a private address ({address}); "
                        f"use --allow-private-hosts to fetch it")
        return None

    def _opener(self) -> urllib.request.OpenerDirector:
        """An opener whose redirects obey the same host rule as the first request."""
        fetcher = self

        class Checked(urllib.request.HTTPRedirectHandler):
            def redirect_request(self, req, fp, code, msg, headers, newurl):
                refusal = fetcher._refusal(newurl)
                if refusal:
                    raise urllib.error.HTTPError(newurl, code, f"redirect refused: {refusal}",
                                                 headers, fp)
                return super().redirect_request(req, fp, code, msg, headers, newurl)

        return urllib.request.build_opener(Checked)

    def _wait_for(self, host: str) -> None:
        last = self._last.get(host)
        if last is not None:
            pause = self.delay - (time.monotonic() - last)
            if pause > 0:
                time.sleep(pause)
        self._last[host] = time.monotonic()

    def get(self, url: str) -> tuple[bytes | None, str, Warning_ | None]:
        """The body and content type of ``url`` (from the cache when there), or a warning."""
        body_path, meta_path = self._cache_paths(url)
        if body_path.exists() and meta_path.exists():
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
            return body_path.read_bytes(), meta.get("content_type", ""), None
        refusal = self._refusal(url)
        if refusal:
            return None, "", Warning_(url, refusal)
        host = urlsplit(url).netloc
        problem = "no answer"
        for attempt in range(self.retries + 1):
            if attempt:
                time.sleep(self.delay * 2 ** attempt)
            self._wait_for(host)
            self.fetched += 1
            request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT,
                                                           "Accept": "text/html,*/*;q=0.8"})
            try:
                with self._opener().open(request, timeout=self.timeout) as response:
                    data = response.read(self.max_bytes + 1)
                    content_type = response.headers.get("Content-Type", "")
            except urllib.error.HTTPError as exc:
                problem = f"HTTP {exc.code} {exc.reason}"
                if exc.code in _RETRY_STATUS:
                    continue
                return None, "", Warning_(url, f"not fetched ({problem})")
            except (urllib.error.URLError, TimeoutError, OSError) as exc:
                problem = str(getattr(exc, "reason", exc))
                continue
            if len(data) > self.max_bytes:
                return None, "", Warning_(url, f"page too large (> {self.max_bytes} bytes)")
            self.cache_dir.mkdir(parents=True, exist_ok=True)
            body_path.write_bytes(data)
            meta_path.write_text(json.dumps({"url": url, "content_type": content_type,
                                             "fetched": time.strftime("%Y-%m-%dT%H:%M:%SZ",
                                                                      time.gmtime())}),
                                 encoding="utf-8")
            return data, content_type, None
        return None, "", Warning_(url, f"not fetched after {self.retries + 1} tries ({problem})")


def read_url_list(path: str) -> tuple[list[str], list[Warning_]]:
    """URLs of a list file, one a line; blank lines and ``#`` comments are skipped."""
    try:
        lines = Path(path).read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError as exc:
        return [], [Warning_(path, f"unreadable URL list ({exc.strerror or exc})")]
    urls, warnings = [], []
    for number, line in enumerate(lines, start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if is_url(line):
            urls.append(line)
        else:
            warnings.append(Warning_(f"{path}:{number}", f"not an http(s) URL: {line[:60]!r}"))
    return urls, warnings
