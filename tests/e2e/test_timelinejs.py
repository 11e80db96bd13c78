"""dateline's TimelineJS output opened in TimelineJS's own page, in headless chromium.

TimelineJS comes from the npm registry (``bash ci/install_timelinejs.sh``) and is served
from 127.0.0.1 with the timeline; the test steps through every event and checks that its
headline is on screen, then writes a screenshot. Skipped with the reason when chromium,
playwright or TimelineJS are missing.
"""

from __future__ import annotations

import functools
import html
import http.server
import json
import os
import re
import threading
from pathlib import Path

import pytest
from conftest import ROOT, SCREENSHOTS, offline_page

from dateline import build_timeline, render
from dateline.config import Config

TIMELINEJS = Path(os.environ.get("DATELINE_TIMELINEJS", ROOT / "build" / "timelinejs"))

PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>dateline in TimelineJS</title>
<link rel="stylesheet" href="/timelinejs/dist/css/timeline.css">
<script src="/timelinejs/dist/js/timeline.js"></script></head>
<body style="margin:0">
<div id="timeline-embed" style="width:100%;height:640px"></div>
<script>
fetch("/timeline.timelinejs.json").then(r => r.json()).then(data => {
  const options = {duration: 10, script_path: location.origin + "/timelinejs/dist/js/"};
  window.tl = new TL.Timeline("timeline-embed", data, options);
});
</script></body></html>
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    if not (TIMELINEJS / "dist" / "js" / "timeline.js").exists():
        pytest.skip(f"TimelineJS is not in {TIMELINEJS} (run: bash ci/install_timelinejs.sh)")
    root = tmp_path_factory.mktemp("tljs")
    timeline = build_timeline(str(ROOT / "examples"), Config(progress=False, use_ner=False))
    document = render(timeline, "timelinejs", "Teral water dispute")
    (root / "timeline.timelinejs.json").write_text(document, encoding="utf-8")
    (root / "index.html").write_text(PAGE, encoding="utf-8")
    os.symlink(TIMELINEJS, root / "timelinejs")
    handler = functools.partial(_Quiet, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield {"url": f"http://127.0.0.1:{server.server_address[1]}",
           "events": json.loads(document)["events"]}
    server.shutdown()
    thread.join(5)


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def _plain(headline: str) -> str:
    return re.sub(r"\s+", " ", html.unescape(headline)).strip()


def test_timelinejs_page_shows_every_event(browser, site):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    context, page, outside, errors = offline_page(
        browser, site["url"], viewport={"width": 1280, "height": 720})
    page.goto(site["url"] + "/index.html")
    events = site["events"]
    assert len(events) > 5
    page.wait_for_function(f"document.querySelectorAll('.tl-timemarker').length === "
                           f"{len(events)}", timeout=30_000)
    page.screenshot(path=str(SCREENSHOTS / "timelinejs-title.png"))
    for event in events:
        page.evaluate("id => window.tl.goToId(id)", event["unique_id"])
        wanted = _plain(event["text"]["headline"])
        page.wait_for_function(
            """wanted => [...document.querySelectorAll('.tl-slide .tl-headline')].some(h => {
                 const box = h.getBoundingClientRect();
                 return h.textContent.replace(/\\s+/g, ' ').trim() === wanted
                        && box.width > 0 && box.left >= 0 && box.right <= innerWidth;
               })""", arg=wanted, timeout=10_000)
        year = str(event["start_date"]["year"])
        assert year in page.locator(".tl-timenav").inner_text()
    page.screenshot(path=str(SCREENSHOTS / "timelinejs-last-event.png"))
    context.close()
    # Nothing leaves the machine: TimelineJS's stylesheet asks Google Fonts for its
    # typefaces, which are blocked (the page falls back to local fonts); nothing else may go.
    others = [url for url in outside if not url.startswith(("https://fonts.gstatic.com/",
                                                           "https://fonts.googleapis.com/"))]
    assert not others, f"the page tried to reach the network: {others}"
    assert not errors, f"JavaScript errors: {errors}"
