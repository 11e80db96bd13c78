"""A month report joins the day event of that month it retells.

"whose Kestrel K9 first flew in March" is an aside in a story about another aircraft:
it shares few words with the reports of the maiden flight itself, but it names the same
participants and the same happening, so it belongs to that day's event.
"""

from pathlib import Path

import pytest
from inputs_helpers import events_citing, write_corpus

from dateline.config import Config
from dateline.pipeline import build_timeline
from dateline.store import add, open_store
from dateline.store import timeline as stored_timeline

ARTICLES = {
    "herald-kestrel-maiden-flight.txt": """Kestrel K9 completes maiden flight
March 12, 2024

The Vantor Aero Kestrel K9 flew for the first time on Tuesday, taking off from Halden \
airfield at 9:40 in the morning.

The aircraft flew over the fjord for three hours with a crew of four and landed safely \
before noon.

Around 20,000 spectators watched the take-off from the banks of the runway.
""",
    "courier-orlan-rollout.txt": """Orlan Aviation shows its first regional jet
September 3, 2024

Orlan Aviation presented its first regional jet, the RJ-70, to customers and reporters \
at its Bressel factory on Monday.

The RJ-70 competes with turboprops from several makers, while Vantor Aero, whose \
Kestrel K9 first flew in March, is aiming at larger regional carriers.

Deliveries of the RJ-70 to its launch customer Nordair are not due until December.
""",
    "ledger-nordair-order.txt": """Nordair signs for Orlan jets
December 16, 2024

Nordair flew passengers on an Orlan jet for the first time on Monday, between Halden \
and the Bressel factory's home airport, as the airline's launch customer status \
promised.

The carrier has ordered twelve of the jets from Orlan Aviation.
""",
}


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("month_retellings"), ARTICLES)


@pytest.fixture(scope="module")
def built(folder):
    return build_timeline([str(folder)], Config(progress=False, max_events=100))


def test_a_month_aside_joins_the_day_event_it_retells(built):
    (event,) = events_citing(built.events, "first flew in March")
    assert event.date.iso() == "2024-03-12"
    assert any("flew for the first time" in s.sentence for s in event.sources)


@pytest.mark.parametrize("aside_first", [False, True])
def test_the_store_joins_the_month_aside_in_either_order(folder, built, tmp_path, aside_first):
    """The day event stored first, the aside added later (and the other way round): the
    store finds the day event although the two share few words."""
    names = ["herald-kestrel-maiden-flight.txt", "courier-orlan-rollout.txt"]
    if aside_first:
        names.reverse()
    config = Config(progress=False, max_events=100)
    with open_store(tmp_path / "s.db") as store:
        for name in names:
            add(store, [str(folder / name)], config)
        add(store, [str(folder / "ledger-nordair-order.txt")], config)
        events = stored_timeline(store, max_events=100).events
    (event,) = events_citing(events, "first flew in March")
    assert event.date.iso() == "2024-03-12"
    (twin,) = events_citing(built.events, "first flew in March")
    assert {(s.article, s.sentence) for s in event.sources} == {
        (s.article, s.sentence) for s in twin.sources}
