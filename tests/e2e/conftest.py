"""Fixtures for the browser tests: a served store and a headless Debian chromium.

Skipped with the reason when chromium, playwright or the web stack is missing
(``bash ci/install_browser.sh`` installs them).
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "build" / "screenshots"
CHROMIUM = os.environ.get("DATELINE_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
TOKEN = "e2e-token"
HELD_BACK = "ledger-water-reaches-halvik.txt"  # uploaded through the page by the tests


def _corpus() -> tuple[list[str], Path]:
    examples = ROOT / "examples"
    held = examples / HELD_BACK
    if held.exists():
        files = sorted(str(p) for p in examples.iterdir()
                       if p.suffix in {".txt", ".html", ".jsonl"} and p.name != HELD_BACK)
        return files, held
    data = ROOT / "tests" / "data" / "store"
    files = [str(data / n) for n in ("barrier-opens.txt", "council-vote.txt", "feed.jsonl",
                                     "festival.html")]
    return files, data / "barrier-second-report.txt"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def browser():
    if not (os.path.exists(CHROMIUM) or shutil.which(CHROMIUM)):
        pytest.skip(f"no chromium at {CHROMIUM} (run: bash ci/install_browser.sh)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("python playwright is not installed (run: bash ci/install_browser.sh)")
    with sync_playwright() as playwright:
        try:
            chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        except Exception as error:  # noqa: BLE001 - any launch failure means: cannot test
            pytest.skip(f"chromium did not start: {str(error).splitlines()[0]}")
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def server(tmp_path_factory):
    pytest.importorskip("fastapi", reason="the web app needs fastapi")
    uvicorn = pytest.importorskip("uvicorn", reason="the web app needs uvicorn")
    from dateline.config import Config
    from dateline.serve import create_app
    from dateline.store import add, open_store

    files, held = _corpus()
    store = open_store(tmp_path_factory.mktemp("e2e") / "e2e.db")
    config = Config(progress=False)
    add(store, files, config)
    port = _free_port()
    app = create_app(store, token=TOKEN, config=config)
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started, "uvicorn did not start"
    yield {"url": f"http://127.0.0.1:{port}", "store": store, "held": held}
    server.should_exit = True
    thread.join(10)
    store.close()


def offline_page(browser, allowed: str, **options):
    """A new page whose requests outside ``allowed`` are blocked and recorded: returns
    (context, page, blocked URLs, JavaScript errors)."""
    context = browser.new_context(**options)
    outside: list[str] = []

    def guard(route):
        if route.request.url.startswith(allowed):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    context.route("**/*", guard)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    return context, page, outside, errors


@pytest.fixture
def page(browser, server):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    # Nothing may come from the network except the app itself.
    context, page, outside, errors = offline_page(
        browser, server["url"], viewport={"width": 1280, "height": 900}, bypass_csp=True)
    yield page
    context.close()
    assert not outside, f"the page tried to reach the network: {outside}"
    assert not errors, f"JavaScript errors: {errors}"
