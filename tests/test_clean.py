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


def test_a_crawled_record_opening_with_another_story_s_teaser_loses_it():
    # Crawled records keep what the crawler saw above the story: the same teaser of an
    # unrelated story tops four pages of one site; the story starts after it.
    teaser = "Northern towns dig out after the blizzard, floods hit the coast."
    stories = ["Regulators fined the airline on Monday for late refunds.",
               "The ferry company cancelled its winter timetable on Tuesday.",
               "The city council approved the new tram line on Wednesday evening.",
               "Farmers blocked the border crossing with tractors on Thursday morning."]
    arts = [Article(id=f"r#L{i}", path="crawl.jsonl", raw_text=f"{teaser}\n{story}\nMore.")
            for i, story in enumerate(stories)]
    clean_articles(arts)
    for art, story in zip(arts, stories, strict=True):
        assert art.text.splitlines()[0] == story
        assert (teaser, "page header") in art.removed
    # A line only two other pages share is not enough to call it furniture.
    arts = [Article(id=f"r#L{i}", path="crawl.jsonl", raw_text=f"{teaser}\n{story}\nMore.")
            for i, story in enumerate(stories[:3])]
    clean_articles(arts)
    assert all(art.text.startswith(teaser) for art in arts)


def test_a_comment_thread_glued_into_a_crawled_record_goes():
    # A crawler's text of a blog post: the post ends with its byline stamp, onto which
    # the first reader comment is glued; each comment ends in its signature, with the
    # next comment glued after it. The comments' dates must not date anything.
    post = ["The Treasury will set out its plan for the banks next week, officials said.",
            "The plan is expected to include guarantees for troubled assets.",
            "Congress must approve any new spending before the end of the month, aides said."]
    thread = [
        "By Ana Ruiz | February 2, 2009; 1:40 PM ET We could pay for all of it by "
        "sending the whole committee home.",
        *[f"That is point {n} of my long comment about the plan and its many costs."
          for n in range(1, 16)],
        "It would even work in their favour.",
        "And the money goes abroad anyway!!! Posted by: knjincvc | February 2, 2009 3:35 PM "
        "| Report abuse The plan guarantees a one-term presidency.",
        "Nobody will risk a penny now. Posted by: markone | February 3, 2009 6:31 PM | "
        "Report abuse"]
    art = Article(id="blog#L1", path="crawl.jsonl", raw_text="\n".join(post + thread))
    clean_articles([art])
    assert art.text.splitlines() == post
    assert {reason for _, reason in art.removed} == {"comments"}
    # A post's own byline is no comment signature.
    byline = "Posted by Ana Ruiz on February 2, 2009, 1:40 PM EST"
    art = Article(id="blog#L2", path="crawl.jsonl", raw_text="\n".join([*post, byline]))
    clean_articles([art])
    assert art.text.startswith(post[0])
    assert not any(reason == "comments" for _, reason in art.removed)


def test_a_photo_credit_glued_before_the_lead_goes():
    # Crawled newspaper text often starts with the lead photo's credit in brackets.
    lines = ["(By Jason Reed -- Reuters) Sens. John Hale and Ann Obi will leave the campaign "
             "trail today for a meeting at the White House.",
             "(By then, the bank -- already weak -- had failed) Aides said little else."]
    art = Article(id="p#L1", path="crawl.jsonl", raw_text="\n".join(lines))
    clean_articles([art])
    assert art.text.splitlines() == [lines[0].removeprefix("(By Jason Reed -- Reuters) "),
                                     lines[1]]


def _site_page(headline: str, date: str, body: list[str], teasers: list[str]) -> str:
    return "\n".join([
        "The Lowland Courier",
        "Fair reporting for the lowlands since 1890",
        "☰ Sections   Search",
        "",
        "Regional",
        "",
        headline,
        "",
        f"Posted {date}",
        "Nadia Okoro",
        "",
        *[p + "\n" for p in body],
        "Photo of the flooded square at dawn. Photo: Lowland Courier / Ivo Brandt",
        "",
        "Stuff worth a look",
        *teasers,
        "",
        "Nadia Okoro is the Courier's environment reporter. She covers water, farming and "
        "energy from Hollum.",
    ])


def test_site_furniture_repeated_across_pages_is_not_the_headline():
    stories = [
        ("Dike repairs finished ahead of winter storms", "March 3, 2021",
         ["Crews finished repairs on the northern dike on Tuesday, two weeks ahead of the "
          "winter storm season, the water board said.",
          "The work cost 4 million euros and closed the coastal path for a month."]),
        ("Ferry fares to rise by a tenth from April", "March 9, 2021",
         ["The island ferry company will raise fares by ten per cent from April, blaming "
          "fuel costs and a new safety rule for its older vessels.",
          "Residents with an island pass will pay the old fare until the summer."]),
        ("Town hall clock chimes again after restoration", "March 12, 2021",
         ["The town hall clock chimed on Sunday for the first time in three years after "
          "volunteers restored its mechanism piece by piece.",
          "Dozens of residents gathered in the square to hear it strike noon."]),
    ]
    teasers = ["Bakery wins regional bread award", "Council opens new cycle lane",
               "Harbour festival returns in June"]
    arts = [Article(id=str(i), path=f"{i}.txt", raw_text=_site_page(h, d, b, teasers))
            for i, (h, d, b) in enumerate(stories)]
    clean_articles(arts)
    for art, (headline, _, body) in zip(arts, stories, strict=True):
        assert art.title == headline
        assert art.text == "\n\n".join(body)
        assert len(art.captions) == 1 and art.captions[0].endswith("Ivo Brandt")
        reasons = dict(art.removed)
        assert reasons["Fair reporting for the lowlands since 1890"] == "page header"
        assert reasons["Bakery wins regional bread award"] == "related stories"
        assert reasons["Nadia Okoro"] == "article meta"
        assert reasons[next(x for x in reasons if x.startswith("Nadia Okoro is"))] in {
            "author bio"}


def test_teaser_list_under_an_unknown_heading_goes_but_lists_in_the_story_stay():
    raw = (
        "Orchard growers count the cost of a late frost\n\n"
        "By Ines Maurer\n\n"
        "A late frost destroyed up to half of the apple blossom in the valley last week, "
        "growers said on Monday.\n\n"
        "The growers' association asked the region for three things:\n\n"
        "- emergency loans for the worst-hit farms\n"
        "- a delay to this year's water charges\n"
        "- money for frost fans\n\n"
        "What happens next?\n"
        "The regional council will discuss the request at its meeting next month.\n\n"
        "Things you could have overlooked\n"
        "Valley school gets a new head teacher\n"
        "Bridge closure extended to the end of May\n"
        "Local choir wins national competition\n"
    )
    art = Article(id="frost", path="frost.txt", raw_text=raw)
    clean_articles([art])
    assert art.title == "Orchard growers count the cost of a late frost"
    for kept in ("- emergency loans for the worst-hit farms", "- money for frost fans",
                 "What happens next?", "The regional council will discuss"):
        assert kept in art.text
    for gone in ("overlooked", "Valley school", "Bridge closure", "Local choir", "Ines"):
        assert gone not in art.text


def test_wordpress_comments_and_share_furniture_are_removed():
    raw = (
        "Library opens a tool lending shelf\n\n"
        "Posted on May 2, 2022\n\n"
        "by Tom Reyes\n\n"
        "The public library has started lending drills, ladders and sewing machines to card "
        "holders, the head librarian said on Tuesday.\n\n"
        "More than 80 tools were donated by residents in the first week.\n\n"
        "Filed under: Library, Community\n"
        "Republish this story\n"
        "Click to email a link to a friend\n"
        "Like this:\n"
        "Like Loading...\n\n"
        "2 thoughts on “Library opens a tool lending shelf”\n\n"
        "Maria Lind says:\n"
        "May 3, 2022 at 9:14 am\n\n"
        "What a brilliant idea, I hope they add garden tools soon because many of us do not "
        "have the space to store them at home.\n"
        "Reply\n"
        "old_joe 04/05/2022 10:02\n"
        "Great.\n"
    )
    art = Article(id="tools", path="tools.txt", raw_text=raw)
    clean_articles([art])
    assert art.text == ("The public library has started lending drills, ladders and sewing "
                        "machines to card holders, the head librarian said on Tuesday.\n\n"
                        "More than 80 tools were donated by residents in the first week.")


def test_citation_copyright_and_staff_byline_furniture():
    raw = (
        "Glacier melt speeds up, survey finds\n\n"
        "By Northwire staff\n\n"
        "Alpine glaciers lost more ice last summer than in any year since records began, "
        "a survey published on Wednesday found.\n\n"
        "Citation: Glacier melt speeds up, survey finds (2022, October 5) retrieved from "
        "Northwire\n\n"
        "This document is subject to copyright. Apart from any fair dealing, no part may "
        "be reproduced without the written permission.\n\n"
        "This article was updated on 6 October to correct the survey's name.\n"
    )
    art = Article(id="glacier", path="glacier.txt", raw_text=raw)
    clean_articles([art])
    assert art.text.startswith("Alpine glaciers lost more ice")
    assert art.text.endswith("found.")


def test_a_photo_credit_inside_a_line_ends_its_caption():
    # The caption, its credit, then the story's dateline, all on one crawled line; a credit
    # may name no "By" but a wire or a paper; a bracketed aside is no credit.
    after = "Aides said the campaign would return to the state on Friday."
    pages = {
        "Sen. Ann Obi meets local farmers at a diner in Columbia, Mo. (By Rita Marlowe -- "
        "The Washington Post) BELTON, Mo., Oct. 20 -- Campaigning for the nomination in "
        "2000, Obi lashed out at the governor's tax plan.":
            "BELTON, Mo., Oct. 20 -- Campaigning for the nomination in 2000, Obi lashed out "
            "at the governor's tax plan.",
        "(Karl Brenner - AP) BERLIN, March 25 -- The president of the commission on "
        "Wednesday called the spending plan a road to ruin.":
            "BERLIN, March 25 -- The president of the commission on Wednesday called the "
            "spending plan a road to ruin.",
        "The bill's sponsor (Sen. Tom Hale - R) said the vote would be held on Friday.":
            "The bill's sponsor (Sen. Tom Hale - R) said the vote would be held on Friday.",
    }
    for n, (line, cleaned) in enumerate(pages.items()):
        art = Article(id=f"p#L{n}", path="crawl.jsonl", raw_text=f"{line}\n{after}")
        clean_articles([art])
        assert art.text.splitlines() == [cleaned, after]


def test_a_photo_gallery_goes_and_the_story_after_its_last_credit_stays():
    # A newspaper page as crawled: the lead, then a gallery of captions each with its
    # credits, then the story after the last credit.
    lines = [
        "Finance ministers met at the White House on Saturday to discuss the crisis.",
        "(AP Photo\\/Tom Akers) (Tom Akers - AP) The president pauses during a press "
        "conference in the Rose Garden, Saturday, Oct. 11, 2008.",
        "At back left is the Treasury secretary.",
        "(AP Photo\\/Evan Kroll) (Evan Kroll - AP) (Photos By Mia Dorn -- The Washington "
        "Post) Officials from 20 countries yesterday endorsed a common approach to the "
        "crisis but announced no concrete steps.",
        "The announcement echoed principles outlined Friday by the richest nations.",
    ]
    art = Article(id="g#L1", path="crawl.jsonl", raw_text="\n".join(lines))
    clean_articles([art])
    assert art.text.splitlines() == [
        lines[0], "Officials from 20 countries yesterday endorsed a common approach to the "
        "crisis but announced no concrete steps.", lines[4]]


def test_a_video_teaser_glued_into_a_transcript_goes():
    # A wire video page: the transcript, the reporter's sign-off, then the player's teaser
    # of the clip (headline, running time, day posted, blurb).
    lines = [
        "The foreign minister turned up the pressure on the colonel to quit on Tuesday in "
        "an appearance before a committee.",
        "Jon Marsh, Reuters.",
        "Minister warns of civil war in Veldora (1:23) Mar 1 - The foreign minister is "
        "warning that Veldora could descend into civil war.",
        "Ana Ruiz, Reuters Rebels vow to hold the port (2:04) Oct. 16 - Amateur video shows "
        "rebels in the port.",
        "The vote is on Friday. Talks resume in Geneva (0:56) Oct. 21 - Envoys meet again.",
    ]
    art = Article(id="v#L1", path="crawl.jsonl", raw_text="\n".join(lines))
    clean_articles([art])
    assert art.text.splitlines() == [lines[0], lines[1], "The vote is on Friday."]
