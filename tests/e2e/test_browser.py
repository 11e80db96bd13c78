"""The served timeline in headless chromium: browse, filter, open an event, upload."""

from __future__ import annotations

from conftest import SCREENSHOTS, TOKEN


def _event_count(page) -> int:
    return page.locator("#events article.event").count()


def _loaded(page) -> None:
    page.wait_for_selector("#events[aria-busy=false] article.event")


def test_browse_and_zoom(page, server):
    page.goto(server["url"] + "/")
    _loaded(page)
    assert "events from" in page.locator("#stats").inner_text()
    assert _event_count(page) > 5
    assert page.locator("#chart-svg .ev").count() > 5
    assert page.locator("#events h2.month").count() >= 1
    page.screenshot(path=str(SCREENSHOTS / "01-timeline.png"), full_page=False)
    page.screenshot(path=str(SCREENSHOTS / "01-timeline-full.png"), full_page=True)

    before = page.locator("#chart-range").inner_text()
    page.click("[data-zoom=in]")
    page.click("[data-zoom=in]")
    zoomed = page.locator("#chart-range").inner_text()
    assert zoomed != before
    box = page.locator("#chart").bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + 60)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] / 2 - 200, box["y"] + 60, steps=5)
    page.mouse.up()
    assert page.locator("#chart-range").inner_text() != zoomed
    page.screenshot(path=str(SCREENSHOTS / "02-zoomed.png"))
    page.click("[data-zoom=fit]")
    assert page.locator("#chart-range").inner_text() == before


def test_filter_and_open_event(page, server):
    page.goto(server["url"] + "/")
    _loaded(page)
    everything = _event_count(page)
    page.fill("#f-q", "accord")
    page.press("#f-q", "Enter")
    page.wait_for_function(f"document.querySelectorAll('#events article.event').length < "
                           f"{everything}")
    _loaded(page)
    titles = page.locator("#events article.event").all_inner_texts()
    assert titles and len(titles) < everything
    assert "q=accord" in page.url
    page.screenshot(path=str(SCREENSHOTS / "03-filtered.png"))

    page.locator("#events article.event").first.click()
    page.wait_for_selector("#detail:not([hidden]) .source")
    detail = page.locator("#detail")
    assert detail.locator("h2").inner_text()
    marks = detail.locator("mark")
    assert marks.count() >= 1 and marks.first.inner_text().strip()
    page.screenshot(path=str(SCREENSHOTS / "04-event-detail.png"))
    page.keyboard.press("Escape")
    assert page.locator("#detail").is_hidden()

    page.click("#f-reset")
    page.wait_for_function(f"document.querySelectorAll('#events article.event').length == "
                           f"{everything}")
    # Entity filter: through a chip when events show participants, else the entity box.
    chips = page.locator("#events .chip")
    if chips.count():
        name = chips.first.inner_text()
        chips.first.click()
    else:
        options = page.locator("#entity-list option")
        if not options.count():
            return  # no entity in this store
        name = options.first.get_attribute("value")
        page.fill("#f-entity", name)
        page.press("#f-entity", "Enter")
    page.wait_for_function(f"document.querySelectorAll('#events article.event').length < "
                           f"{everything}")
    assert page.locator("#f-entity").input_value() == name


def test_conflicting_dates_are_shown(page, server):
    page.goto(server["url"] + "/")
    _loaded(page)
    conflicts = page.locator("#events .badge.conflict")
    if conflicts.count() == 0:
        return  # this corpus has no disagreement to show
    conflicts.first.click()
    page.wait_for_selector("#detail:not([hidden]) .conflict-box")
    page.screenshot(path=str(SCREENSHOTS / "05-conflict.png"))


def test_upload_changes_the_timeline(page, server):
    page.goto(server["url"] + "/")
    _loaded(page)
    before = page.locator("#stats").inner_text()
    page.click("#upload-open")
    page.set_input_files("#upload-files", str(server["held"]))
    page.fill("#upload-token", "wrong")
    page.click("#upload-submit")
    page.wait_for_selector("#upload-result.bad")
    assert "bearer token" in page.locator("#upload-result").inner_text()
    page.fill("#upload-token", TOKEN)
    page.click("#upload-submit")
    page.wait_for_selector("#upload-result.ok", timeout=60_000)
    assert "Added 1 article" in page.locator("#upload-result").inner_text()
    page.screenshot(path=str(SCREENSHOTS / "06-upload.png"))
    page.click("#upload-cancel")
    page.wait_for_function(f"document.querySelector('#stats').innerText != {before!r}")
    assert page.locator("#events .badge.new").count() >= 1
    page.locator("#events .badge.new").first.scroll_into_view_if_needed()
    page.screenshot(path=str(SCREENSHOTS / "07-after-upload.png"))


def test_bad_upload_names_file_and_reason(page, server, tmp_path):
    empty = tmp_path / "blank.txt"
    empty.write_bytes(b"")
    page.goto(server["url"] + "/")
    _loaded(page)
    page.click("#upload-open")
    page.set_input_files("#upload-files", str(empty))
    page.fill("#upload-token", TOKEN)
    page.click("#upload-submit")
    page.wait_for_selector("#upload-result.bad")
    assert "blank.txt: empty file" in page.locator("#upload-result").inner_text()


def test_mobile_layout(browser, server):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True,
                                  has_touch=True, bypass_csp=True)
    page = context.new_page()
    page.goto(server["url"] + "/")
    _loaded(page)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 392, f"horizontal overflow on a phone: {width}px"
    page.screenshot(path=str(SCREENSHOTS / "08-mobile.png"), full_page=False)
    page.locator("#events article.event").first.click()
    page.wait_for_selector("#detail:not([hidden]) .source")
    page.screenshot(path=str(SCREENSHOTS / "09-mobile-detail.png"))
    context.close()
