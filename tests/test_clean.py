"""Noise removal: furniture, teasers, comments and captions out; every body line kept."""

from __future__ import annotations

from pathlib import Path

from dateline.clean import clean_articles
from dateline.clean.noise import is_caption
from dateline.model import Article

DATA = Path(__file__).parent / "data" / "ingest"

BODY_LINES = [
    "SPRINGFIELD — The city council voted 7-2 late Tuesday to approve a $4.2 billion budget",
    '"This is a budget for working families," Mayor Alan Ruiz said after the vote.',
    "The vote came after an eleven-hour session in which more than 200 residents",
    "Councilwoman Maria Lopez, who voted against the plan, said it relied on optimistic",
    '"We\'ll be back here in six months," she said.',
    "Lopez said she would propose amendments in April.",
]


def _council() -> Article:
    text = (DATA / "council_budget.txt").read_text(encoding="utf-8")
    return Article(id="council", path="council_budget.txt", raw_text=text)


def test_web_text_keeps_every_body_line_and_drops_the_noise():
    art = _council()
    clean_articles([art])
    assert art.title == "City council approves $4.2 billion budget after marathon session"
    for line in BODY_LINES:
        assert line in art.text
    for noise in ("Skip to main content", "Home |", "Share on", "Advertisement", "newsletter",
                  "donate", "Related coverage", "Council delays vote", "January 30, 2019",
                  "staff writer covering", "cookies", "All rights reserved", "Comments",
                  "tax-and-spend", "Reply", "February 26, 2019", "By Jane Doe",
                  "Wednesday, 14 October", "AP Photo", "Email"):
        assert noise not in art.text, noise
    assert art.captions == [
        "Photo: Council members debate the budget on Tuesday. (AP Photo/John Smith)"]
    reasons = dict(art.removed)
    assert reasons["Subscribe to our newsletter for the latest local news."] == "newsletter plug"
    assert reasons["Council delays vote on transit plan"] == "related stories"
    assert reasons["We use cookies to improve your experience. By continuing to browse you "
                   "agree to our privacy policy."] == "cookie notice"
    assert reasons["Bob K · 3 hours ago"] == "comments"
    assert reasons["February 26, 2019 2:36 pm"] == "date line"


def test_paragraph_structure_is_kept():
    art = _council()
    clean_articles([art])
    paragraphs = art.text.split("\n\n")
    assert paragraphs[0].startswith("SPRINGFIELD")
    assert paragraphs[-1] == (
        "Councilwoman Maria Lopez, who voted against the plan, said it relied on optimistic "
        "revenue forecasts.\n\"We'll be back here in six months,\" she said.\n"
        "Lopez said she would propose amendments in April.")


def test_mid_article_teaser_block_ends_at_the_next_story_paragraph():
    raw = (
        "Drought forces water rationing in three provinces\n\n"
        "Authorities imposed water rationing across three provinces on Monday after the "
        "driest winter in forty years left reservoirs at a quarter of capacity.\n\n"
        "You may also like\n"
        "Farmers protest fuel prices in the capital\n"
        "5 hours ago\n"
        "Heatwave warning issued for the south\n\n"
        "Officials said the rationing would last at least until the spring rains and that "
        "households faced fines for filling swimming pools or washing cars with drought water.\n"
    )
    art = Article(id="drought", path="drought.txt", raw_text=raw)
    clean_articles([art])
    assert art.title == "Drought forces water rationing in three provinces"
    assert "Farmers protest" not in art.text and "Heatwave" not in art.text
    assert "5 hours ago" not in art.text and "You may also like" not in art.text
    assert "Officials said the rationing would last" in art.text
    assert art.text.startswith("Authorities imposed water rationing")


def test_captions_and_credits_go_to_captions():
    raw = (
        "Quake shakes northern city\n\n"
        "FILE - In this March 3, 2017 photo, rescuers search rubble in the old town.\n"
        "A strong earthquake shook the northern city early on Friday, damaging dozens of "
        "buildings and cutting power to thousands of homes.\n"
        "Residents gather in a square after the quake. REUTERS/Maria Perez\n"
        "Image caption Emergency crews worked through the night\n"
        "Soldiers helped clear debris from roads leading to the epicentre / Reuters\n"
        "Rescue teams were still searching for survivors on Friday evening.\n"
    )
    art = Article(id="quake", path="quake.txt", raw_text=raw)
    clean_articles([art])
    assert len(art.captions) == 4
    for caption_text in ("rubble", "REUTERS", "Image caption", "/ Reuters"):
        assert caption_text not in art.text
    assert "A strong earthquake shook" in art.text
    assert "Rescue teams were still searching" in art.text
    assert is_caption("(AP Photo/Evan Vucci)")
    assert not is_caption("GENEVA (Reuters) — Talks resumed on Monday.")


def test_lines_repeated_across_unrelated_articles_are_boilerplate():
    footer = "Springfield Gazette | Local news since 1891"
    stories = [
        ("Bridge reopens after repairs", "The old river bridge reopened to traffic on Monday "
         "after eight months of repairs that cost the county nearly 12 million dollars."),
        ("School board elects new chair", "The school board elected veteran teacher Ana Ruiz "
         "as its new chair on Tuesday, ending a month of deadlock among its nine members."),
        ("Library extends opening hours", "The central library will open until nine in the "
         "evening from next week, the city said, after a survey showed strong demand."),
    ]
    arts = [Article(id=str(i), path=f"{i}.txt", raw_text=f"{t}\n\n{b}\n\n{footer}\nShort "
                    f"and snappy\n") for i, (t, b) in enumerate(stories)]
    clean_articles(arts)
    for art, (_, body) in zip(arts, stories, strict=True):
        assert art.text == body
        assert (footer, "repeated boilerplate") in art.removed or \
            (footer, "navigation") in art.removed


def test_syndicated_copies_keep_their_shared_body_lines():
    body = ('"We are devastated," the coach said.\nThe team will play its next match on '
            "Saturday as planned.\nFans left flowers outside the stadium on Sunday.")
    arts = [Article(id=str(i), path=f"{i}.txt", raw_text=f"Team mourns former captain\n\n{body}\n")
            for i in range(4)]
    clean_articles(arts)
    for art in arts:
        assert art.text == body


def test_html_extraction_is_cleaned_lightly():
    raw = ("Fire destroys historic harbour warehouse\n"
           "A fire tore through a warehouse on the harbour front early on Saturday.\n"
           "Photo: Smoke rises over the harbour. (Coastal Herald/Ann Lee)\n"
           "No injuries were reported.\n"
           "Related stories\nMuseum plans approved for harbour site\n")
    art = Article(id="h", path="page.html", raw_text=raw,
                  title="Fire destroys historic harbour warehouse")
    clean_articles([art])
    assert art.text == ("A fire tore through a warehouse on the harbour front early on "
                        "Saturday.\n\nNo injuries were reported.")
    assert art.captions == ["Photo: Smoke rises over the harbour. (Coastal Herald/Ann Lee)"]


def test_plain_jsonl_body_is_left_alone():
    art = Article(id="j#L1", path="feed.jsonl",
                  raw_text="Regulators fined the airline on Monday.\n\nIt will appeal.")
    clean_articles([art])
    assert art.text == "Regulators fined the airline on Monday.\n\nIt will appeal."
    assert art.title is None
