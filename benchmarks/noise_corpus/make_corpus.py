"""Generate the labelled noise corpus: ``<site>-<nn>.txt`` + ``.labels`` + ``published.json``.

Everything here is invented: sixteen fictional news sites, each with its own page
furniture (headers, menus, share widgets, paywall and cookie notices, teaser blocks,
comment threads, bios, copyright footers, photo captions), and the authored article
texts that are poured into them. Each output line carries one label:

    body      part of the story (including one-line paragraphs, short quotes, list lines)
    title     the headline
    dateline  the line that states the publication date
    caption   photo captions and credits
    noise     everything else (site furniture, other stories' teasers, comments, bios...)
    blank     empty lines

Run ``python benchmarks/noise_corpus/make_corpus.py`` to rewrite the files.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
LABELS = ("body", "title", "dateline", "caption", "noise", "blank")


@dataclass
class Art:
    site: str
    n: int
    title: str
    date: dt.date | None  # None: the page states no publication date
    body: list[str]  # paragraphs; "N:" prefix = inline noise, "C:" prefix = caption
    author: str = ""
    extra: dict = field(default_factory=dict)

    @property
    def name(self) -> str:
        return f"{self.site}-{self.n:02d}"


ARTICLES: list[Art] = []


def art(site: str, n: int, title: str, date: str | None, body: list[str], author: str = "",
        **extra) -> None:
    ARTICLES.append(Art(site, n, title, dt.date.fromisoformat(date) if date else None,
                        body, author, extra))


# ---------------------------------------------------------------- line helpers

BL = [("blank", "")]


def N(*texts: str) -> list[tuple[str, str]]:
    return [("noise", t) for t in texts]


def C(*texts: str) -> list[tuple[str, str]]:
    return [("caption", t) for t in texts]


def T(a: Art) -> list[tuple[str, str]]:
    return [("title", a.title)]


def D(text: str) -> list[tuple[str, str]]:
    return [("dateline", text)]


def body(a: Art, gap: bool = True) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for para in a.body:
        if para.startswith("N:"):
            item = ("noise", para[2:])
        elif para.startswith("C:"):
            item = ("caption", para[2:])
        else:
            item = ("body", para)
        if out and gap:
            out.extend(BL)
        out.append(item)
    return out


def blocks(*parts: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Join non-empty blocks with one blank line between them."""
    out: list[tuple[str, str]] = []
    for part in parts:
        if not part:
            continue
        if out:
            out.extend(BL)
        out.extend(part)
    return out


def pick(pool: list, n: int, k: int) -> list:
    return [pool[(n * 3 + i) % len(pool)] for i in range(k)]


def ref(a: Art, fallback: str) -> dt.date:
    return a.date or dt.date.fromisoformat(fallback)


def clock(n: int) -> tuple[int, int]:
    return 7 + (n * 5) % 12, (n * 17 + 3) % 60


def ampm(n: int, dotted: bool = False) -> str:
    h, m = clock(n)
    suffix = ("a.m." if h < 12 else "p.m.") if dotted else ("am" if h < 12 else "pm")
    return f"{(h - 1) % 12 + 1}:{m:02d} {suffix}"


def mdy(d: dt.date) -> str:
    return f"{d:%B} {d.day}, {d.year}"


def dmy(d: dt.date) -> str:
    return f"{d.day} {d:%B} {d.year}"


def ap_month(d: dt.date) -> str:
    return {1: "Jan.", 2: "Feb.", 8: "Aug.", 9: "Sept.", 10: "Oct.", 11: "Nov.",
            12: "Dec."}.get(d.month, f"{d:%B}")


# Furniture that several sites share word for word, as real sites built on the same
# templates, consent tools and wire feeds do.
COOKIE_SHARED = ("We use cookies to personalise content and ads, to provide social media "
                 "features and to analyse our traffic.")
WIRE_COPYRIGHT = ("Copyright 2019 PrairieWire. All rights reserved. This material may not be "
                  "published, broadcast, rewritten or redistributed.")
WP_REPLY = ["Leave a Reply",
            "Your email address will not be published. Required fields are marked *"]
WP_SHARE = ["Share this:", "Click to share on Facebook (Opens in new window)",
            "Click to share on Twitter (Opens in new window)", "Click to email a link to a friend"]


# ---------------------------------------------------------------- the sites

SITES = {}


def site(fn):
    SITES[fn.__name__] = fn
    return fn


HG_TEASERS = ["Ferry timetable cut again as crew shortage bites",
              "Fish market owners push back on rent rise",
              "Lifeboat volunteers called out twice in one night",
              "New bus shelters for Quay Street after years of complaints",
              "Harbour wall repairs to start in the spring",
              "Primary school wins national reading prize"]


@site
def harbourgazette(a: Art):
    d = a.date
    today = d + dt.timedelta(days=900 + a.n * 31)
    teasers = []
    for i, t in enumerate(pick(HG_TEASERS, a.n, 3)):
        td = d - dt.timedelta(days=3 + i * 4)
        teasers += N(t, f"{td:%B} {td.day}, {td.year}")
    return blocks(
        N(COOKIE_SHARED, "Accept all | Manage preferences"),
        N("HARBOUR GAZETTE", f"{today:%A}, {today.day} {today:%B} {today.year}",
          "News | Sport | Business | Opinion | Weather | Obituaries | Puzzles"),
        N("Home › News › " + a.extra.get("section", "Local")),
        T(a),
        D(f"{d:%B} {d.day}, {d.year} {ampm(a.n)}"),
        N(f"By {a.author}", "Share on Facebook", "Share on X", "Email this story"),
        body(a),
        N("Related coverage") + teasers,
        N("Got a story? Email newsdesk@harbourgazette.example or message us on WhatsApp."),
        N("© 2021 Harbour Gazette Media Ltd. All rights reserved.",
          "Privacy Policy | Terms of Use | Contact"),
    )


PD_RECENT = ["Grain elevator fire contained after six hours",
             "County fair board names new director",
             "Wind farm hearing draws standing-room crowd",
             "Hospital district asks voters for a levy",
             "Rural mail routes to change in March",
             "Co-op reports record soybean deliveries"]
PD_COMMENTS = [("Ron Pettigrew", "Good to see somebody finally asking these questions."),
               ("Linda Shaw", "My family has farmed here for four generations and this is the "
                              "first time anyone came out to talk to us about it."),
               ("Dwayne K.", "Where was all this concern last year?"),
               ("Marge Olafson", "Thanks for the thorough reporting, as always.")]


@site
def plainsdispatch(a: Art):
    d = a.date
    comments = []
    ncom = 2 + a.n % 2
    for i, (who, text) in enumerate(pick(PD_COMMENTS, a.n, ncom)):
        cd = d + dt.timedelta(days=1 + i)
        h, m = clock(a.n + i)
        comments += blocks(N(f"{who} says:", f"{cd:%B} {cd.day}, {cd.year} at {ampm(a.n + i)}"),
                           N(text, "Reply"))
    return blocks(
        N("The Plains Dispatch", "Serving Kessler County since 1911"),
        N("Home", "News", "Ag", "Sports", "Obituaries", "Contact"),
        T(a),
        D(f"Posted on {mdy(d)}"),
        N(f"by {a.author}"),
        body(a),
        N(*WP_SHARE),
        N("Like this:", "Like Loading..."),
        N(f"{ncom} thoughts on “{a.title}”"),
        comments,
        N(*WP_REPLY),
        N("Recent Posts") + N(*pick(PD_RECENT, a.n, 4)),
        N("Proudly powered by WordPress"),
    )


AR_MOSTREAD = ["Glacier retreat speeds up, survey finds",
               "Rail tunnel reopens after three-week closure",
               "Cheese exports hit a ten-year high",
               "Mountain guides warn of unstable snowpack",
               "Canton approves new hospital wing",
               "Ski lift operator files for insolvency"]


@site
def alpinerecord(a: Art):
    d = a.date
    left = 4 - a.n % 3
    return blocks(
        N("This website uses cookies. By continuing to browse the site you agree to our use "
          "of cookies.", COOKIE_SHARED, "OK"),
        N("ALPINE RECORD", "Independent news since 1952", "Region · Economy · Culture · "
          "Sport · Opinion · Archive"),
        T(a),
        D(f"{d:%A}, {d.day} {d:%B} {d.year} |"),
        N(a.extra.get("section", "Region")),
        N(f"You have {left} free articles left this month. Subscribe for €1 a week."),
        body(a),
        N("Most read") + N(*[f"{i + 1}. {t}" for i, t in enumerate(pick(AR_MOSTREAD, a.n, 5))]),
        N("Alpine Record AG · Postfach 112 · Imprint · Data protection"),
    )


CP_READNEXT = ["Surf school owners fight new beach permit rules",
               "Tide gauge shows another record high water",
               "Pier restaurant closes after 38 years",
               "County approves dune restoration plan",
               "Lifeguard tower funding left out of budget",
               "Whale sighting draws crowds to the point"]


@site
def coastlinepost(a: Art):
    d = a.date
    rn = []
    for i, t in enumerate(pick(CP_READNEXT, a.n, 3)):
        td = d - dt.timedelta(days=2 + 5 * i)
        rn += N(f"{t} — {td:%m/%d/%Y}")
    return blocks(
        N("Coastline Post", "Subscribe  |  Log in", "Menu"),
        T(a),
        D(f"By {a.author} | {d:%m/%d/%Y}"),
        body(a),
        N("Get the Morning Tide newsletter in your inbox every weekday.",
          "Sign up"),
        N("Read next") + rn,
        N("The Coastline Post is reader-supported. Donate today to keep local news free "
          "for everyone."),
        N("© Coastline Post Community Media. Privacy · Terms · Advertise with us"),
    )


MW_MORE = ["Inside the city's fight over late-night bars",
           "What the new transit map means for your commute",
           "Five takeaways from the mayoral debate",
           "Tenants say heat was off for a week",
           "The quiet collapse of the corner pharmacy",
           "Why your water bill is about to go up"]
MW_SPONSORED = ["This one trick helps homeowners cut energy costs",
                "Retirees are flocking to this little-known town",
                "Doctors stunned by simple morning habit"]


@site
def metrowire(a: Art):
    d = a.date
    upd = a.extra.get("updated")
    lines_date = D(f"Published {d.day} {d:%b} {d.year}")
    if upd:
        u = dt.date.fromisoformat(upd)
        lines_date += N(f"Updated {u.day} {u:%b} {u.year}, {clock(a.n)[0]:02d}:{clock(a.n)[1]:02d}")
    return blocks(
        N("METROWIRE", "Live | Video | Podcasts | Newsletters", "Sign in"),
        N(a.extra.get("section", "City").upper()),
        T(a),
        N(f"By {a.author}"),
        lines_date,
        N("Share", "Tweet", "Copy link", "Listen to this article · 4 min"),
        body(a),
        N(WIRE_COPYRIGHT) if a.extra.get("wire") else [],
        N("More from MetroWire") + N(*pick(MW_MORE, a.n, 3)),
        N("Sponsored content") + N(*pick(MW_SPONSORED, a.n, 2)),
        N("MetroWire · About · Careers · Ethics policy · Privacy"),
    )


VT_TRENDING = ["High school marching band heads to national finals",
               "Orchard owners count frost damage",
               "Sheriff's office adds body cameras",
               "Water district weighs rate hike",
               "Valley airport adds second daily flight"]


@site
def valleytimes(a: Art):
    d = a.date
    today = (d or dt.date(2019, 6, 1)) + dt.timedelta(days=1100 + 40 * a.n)
    out = blocks(
        N(f"Today's paper | {today:%A}, {today:%B} {today.day}, {today.year}",
          "Valley Times", "Subscribe for $1", "Sign in"),
        N("News  Sports  Business  Entertainment  Opinion  Obituaries  Classifieds"),
        T(a),
        D(f"Updated: {mdy(d)} at {ampm(a.n, dotted=True)}") if d else [],
        N(f"By {a.author}"),
        body(a),
        N(WIRE_COPYRIGHT) if a.extra.get("wire") else [],
        N("Trending in Valley") + N(*pick(VT_TRENDING, a.n, 3)),
        N("Join the conversation",
          "Comments are moderated and may take a few minutes to appear."),
        N(f"Copyright © {today.year} Valley Times Publishing Co."),
    )
    return out


NL_BIOS = {
    "Priya Natarajan": "Priya Natarajan is the Ledger's industry correspondent. She covers "
                       "manufacturing, energy and trade from Leeds.",
    "Tomas Brennan": "Tomas Brennan writes about banking and the housing market for the "
                     "Northern Ledger. He joined the paper in 2014.",
}


@site
def northernledger(a: Art):
    d = a.date
    h, m = clock(a.n)
    return blocks(
        N("The Northern Ledger", "Markets | Companies | Economy | Property | Personal finance"),
        N("Sign in to save articles and manage your alerts"),
        N(a.extra.get("section", "Companies")),
        T(a),
        N(a.author),
        D(f"{d.day} {d:%B} {d.year} • {h:02d}:{m:02d} BST"),
        body(a),
        N("Save", "Gift this article", "Print"),
        N(NL_BIOS.get(a.author, NL_BIOS["Priya Natarajan"])),
        N("Copyright The Northern Ledger Ltd 2019. Not for redistribution. "
          "Subscribers may share up to five articles a month."),
    )


RN_COMMENTS = [("Gerald M.", "I was at the meeting and it went on past ten. Thanks for writing "
                             "it all up."),
               ("Beatrix Y.", "Does anyone know whether the library will be open on Saturday?"),
               ("Sam O.", "Great piece, sharing with our block association."),
               ("Nell F.", "They said the same thing three years ago.")]


@site
def riverbendnotes(a: Art):
    comments = []
    for i, (who, text) in enumerate(pick(RN_COMMENTS, a.n, 2)):
        cd = dt.date.fromisoformat(a.extra["comment_dates"][i])
        comments += N(f"{who} — {mdy(cd)} at {ampm(a.n + i)}", text)
    return blocks(
        N("Riverbend Notes", "Community news for the Riverbend district, by neighbours"),
        N("About | Contact | Donate | Submit a tip"),
        T(a),
        N(f"Written by {a.author}"),
        body(a),
        N("Filed under: " + a.extra.get("filed", "Neighbourhood")),
        N("Support community journalism: donate today. Riverbend Notes is run by volunteers."),
        N(*WP_SHARE),
        N(f"{len(comments) // 2} Comments") + comments,
        N(*WP_REPLY),
    )


SD_READMORE = ["Rangers sack manager after five straight defeats",
               "Ferris breaks her own 400m record at indoor meet",
               "County side collapse to 87 all out",
               "Transfer window: who moved where",
               "Rowing crew ready for the boat race",
               "Derby day tickets sell out in an hour"]


@site
def sportsdesk(a: Art):
    d = a.date
    h, m = clock(a.n)
    return blocks(
        N("SPORTSDESK DAILY", "Football | Cricket | Tennis | Rugby | Cycling | More",
          "Live scores"),
        N(a.extra.get("section", "Football")),
        T(a),
        N(a.author),
        D(f"{d:%a} {d.day} {d:%b} {d.year} {h:02d}.{m:02d} BST"),
        N("Share on Facebook", "Share on Twitter", "Share via Email"),
        body(a),
        N(f"Comments ({12 + a.n * 7})", "Sign in or create your SportsDesk account to join "
          "the discussion."),
        N("Read more") + N(*pick(SD_READMORE, a.n, 4)),
        N("© 2019 SportsDesk Daily Ltd"),
    )


CB_TRENDING = ["Calloway opens door to spending compromise",
               "Governor vetoes redistricting map",
               "Ethics panel clears aide in travel probe",
               "Budget office warns of widening deficit",
               "Committee subpoenas former agency chief"]


@site
def capitolbrief(a: Art):
    d = a.date
    upd = dt.date.fromisoformat(a.extra["updated"]) if a.extra.get("updated") else d
    h, m = clock(a.n)
    uh, um = clock(a.n + 3)
    line = (f"Published {ap_month(d)} {d.day}, {d.year} {ampm(a.n, True)} ET | "
            f"Updated {ap_month(upd)} {upd.day}, {upd.year} {ampm(a.n + 3, True)} ET")
    return blocks(
        N("CAPITOL BRIEF", "Politics › " + a.extra.get("section", "Congress")),
        T(a),
        N(f"By {a.author}"),
        D(line),
        body(a),
        N("Sign up for The Brief, our daily politics newsletter."),
        N("Trending now") + N(*pick(CB_TRENDING, a.n, 3)),
        N("Capitol Brief is a project of the Civic Media Trust. All rights reserved."),
    )


GO_OTHER = ["Library board hires new director",
            "Sidewalk project to close Elm Street for two weeks",
            "Greenfield girls win sectional title",
            "Volunteer fire company marks 100 years",
            "Planning board tables warehouse plan"]


@site
def greenfieldobserver(a: Art):
    d = a.date
    return blocks(
        N("Greenfield Observer", "e-Edition | Classifieds | Obituaries | Subscribe"),
        N(f"{'Local News' if a.n % 2 else 'Community'} ›"),
        T(a),
        D(f"Posted {d:%A}, {mdy(d)} {ampm(a.n)}") if d else [],
        N(f"By {a.author}, Observer staff writer"),
        N("Print this story", "Email this story"),
        body(a),
        N("Other items that may interest you") + N(*pick(GO_OTHER, a.n, 3)),
        N("Contact us | Advertise | Privacy Policy | Terms of Service"),
        N("© Copyright 2019 Greenfield Observer, 18 Main St., Greenfield"),
    )


SP_EXPLORE = ["Bees use landmarks to find the way home, experiment suggests",
              "New battery chemistry survives 5,000 charge cycles",
              "Ancient grain stores reveal early trade routes",
              "Deep-sea vents host unexpected microbes",
              "Why some galaxies stop making stars"]


@site
def sciencepulse(a: Art):
    d = a.date
    return blocks(
        N("SCIENCE PULSE", "Space · Health · Earth · Technology · Nature"),
        N(a.extra.get("section", "Earth") + " · 5 min read"),
        T(a),
        N(f"by {a.author}, Science Pulse"),
        D(mdy(d)),
        body(a),
        N("Explore further") + N(*pick(SP_EXPLORE, a.n, 3)),
        N("Citation: " + a.title + f" ({d.year}, {d:%B} {d.day}) retrieved from Science Pulse"),
        N("This document is subject to copyright. Apart from any fair dealing for the purpose "
          "of private study or research, no part may be reproduced without written "
          "permission."),
        N("Republish this article", "Feedback to editors"),
    )


IH_HAVESAY = [("kirsty_m", "Typical. Nobody asked the people who actually live here."),
              ("Old Harbourman", "About time something was done."),
              ("JT", "Has anyone costed this properly?"),
              ("seagull99", "Good news for once.")]


@site
def islandherald(a: Art):
    d = a.date
    today = a.extra.get("today")
    today = dt.date.fromisoformat(today) if today else d + dt.timedelta(days=420 + 9 * a.n)
    h, m = clock(a.n)
    com = []
    for i, (who, text) in enumerate(pick(IH_HAVESAY, a.n, 2)):
        cd = (d or today) + dt.timedelta(days=i)
        com += N(f"{who} {cd.day:02d}/{cd.month:02d}/{cd.year} {h:02d}:{(m + 11 * i) % 60:02d}",
                 text)
    return blocks(
        N(f"{today:%A} {today.day} {today:%B} {today.year}", "ISLAND HERALD", "☰ Menu  Search"),
        N(COOKIE_SHARED, "Accept"),
        T(a),
        D(f"{d.day:02d} {d:%b} {d.year} | {h:02d}:{m:02d}") if d else [],
        N("Facebook Twitter WhatsApp Email"),
        body(a),
        N("Have your say") + com,
        N("© Island Herald Newspapers. Registered in Port Calder."),
    )


@site
def prairiewire(a: Art):
    d = a.date
    h, m = clock(a.n)
    return blocks(
        N("PrairieWire News Service", "Top News | Regional | Markets | Weather | Photos"),
        T(a),
        D(f"{d:%b} {d.day}, {d.year}, {(h - 1) % 12 + 1}:{m:02d} {'AM' if h < 12 else 'PM'}"),
        N(f"By {a.author}, PrairieWire"),
        body(a),
        N(WIRE_COPYRIGHT),
        N("Related stories") + N(*[f"{t} ({(d - dt.timedelta(days=k)):%b %d})" for k, t in
                                    ((2, "Storm damage estimates climb"),
                                     (6, "Legislature ends session early"),
                                     (9, "Cattle prices steady"))][:2 + a.n % 2]),
    )


LW_TITLES = ["Charity shop reopens after flood clean-up", "Parents' petition over school run",
             "Sailing club's centenary regatta", "Parish council row over car park",
             "Dog show raises £2,000 for the hospice", "Toddler group moves to church hall"]


@site
def lakeshoreweekly(a: Art):
    d = a.date
    prev, nxt = pick(LW_TITLES, a.n, 2)
    return blocks(
        N("Lakeshore Weekly", "Home / " + a.extra.get("section", "Community")),
        T(a),
        D(f"Last updated on {d:%d/%m/%Y}") if d else [],
        N(f"By {a.author}"),
        body(a),
        N("Like this story? Sign up for our free weekly newsletter and get the best of "
          "Lakeshore in your inbox."),
        N("Previous article", prev, "Next article", nxt),
        N(*WP_REPLY),
        N("© Lakeshore Weekly 2019 | Website by Pixelmill"),
    )


@site
def civicreport(a: Art):
    d = a.date
    return blocks(
        N("The Civic Report", "Investigations | Data | Courts | Accountability | Donate"),
        N(a.extra.get("section", "Accountability")),
        T(a),
        N(f"by {a.author}"),
        D(mdy(d)) if d else [],
        N("Republish this story"),
        body(a),
        N("The Civic Report is a nonprofit newsroom. We rely on readers like you. Donate now "
          "to support our reporting."),
        N("Republish our articles for free, online or in print, under a Creative Commons "
          "license."),
        N("More from The Civic Report") + N(*pick(
            ["How the county lost track of $4 million in grants",
             "Jail phone contracts: who profits",
             "Eviction filings doubled in two years",
             "Inside the fight over the landfill permit"], a.n, 3)),
    )


# ---------------------------------------------------------------- the articles
# harbourgazette: coastal town daily

art("harbourgazette", 1, "Councillors back emergency ferry subsidy after winter of cancellations",
    "2019-02-26", author="Carla Mendes", section="Politics", body=[
    "Port Calder's ferry link to the outer islands will receive an emergency subsidy of "
    "£340,000 after councillors voted on Tuesday to plug a gap left by a winter of "
    "cancelled sailings.",
    "The operator, Skerry Lines, told the council in January that it had lost almost a "
    "quarter of its expected fare income since November, when two of its three vessels "
    "were taken out of service for repairs.",
    "Councillor Fiona Arkwright, who chairs the transport committee, said the choice was "
    "stark. “Either we pay now, or we watch the service fold by Easter,” she said.",
    "Not everyone agreed.",
    "Opposition members argued that the money should come with conditions, including a "
    "guaranteed minimum timetable and monthly reporting on reliability. An amendment to "
    "that effect was defeated by 19 votes to 14.",
    "N:Advertisement",
    "Islanders who packed the public gallery applauded when the result was read out. "
    "Several had travelled on the morning boat, which left forty minutes late.",
    "Margaret Tulloch, who runs the shop on Inish Mor, said deliveries had been so "
    "irregular that she had started ordering fresh milk by the crate and freezing it.",
    "“We are not asking for luxury,” she said. “We are asking to get to the dentist.”",
    "The subsidy will be reviewed in September, when the council expects a report on "
    "whether a new vessel can be leased for the summer season.",
])

art("harbourgazette", 2, "Storm Imogen batters seafront as hundreds lose power",
    "2019-05-14", author="Dev Patel", section="Weather", body=[
    "Gusts of up to 81mph struck the seafront overnight, tearing slates from roofs, "
    "flinging shingle across the promenade and leaving more than 600 homes without "
    "electricity.",
    "The Met Office had issued an amber warning on Monday afternoon, but forecasters "
    "admitted the strongest winds arrived earlier than expected.",
    "C:Waves break over the harbour wall at high tide on Tuesday morning."
    " (Photo: Sean Tulley / Harbour Gazette)",
    "Firefighters were called to eleven incidents between midnight and 6am, most of them "
    "involving fallen trees. Nobody was seriously hurt.",
    "The coastguard closed the slipway at Gull Point after a fishing boat broke its "
    "moorings and drifted against the breakwater. Its owner, Alasdair Reid, said the hull "
    "was holed but salvageable.",
    "“I’ve seen worse,” he said. “Not often.”",
    "Power distributor Northgrid said crews were working to restore supplies and that most "
    "customers should be reconnected by the evening. Residents of Cliff Terrace were told "
    "it could take until Wednesday.",
    "Schools in the town opened as normal, although the primary on Marine Road delayed "
    "its start by an hour while caretakers cleared debris from the playground.",
    "The seafront road will remain closed until engineers have inspected the railings.",
])

art("harbourgazette", 3, "Skipper fined for landing undersized scallops",
    "2019-08-03", author="Carla Mendes", section="Courts", body=[
    "A fishing skipper has been fined £4,500 after inspectors found more than two tonnes "
    "of undersized scallops in the hold of his boat at Port Calder.",
    "Neil Ferrie, 52, of Windmill Brae, admitted breaching conservation rules when he "
    "appeared at the sheriff court on Friday.",
    "The court heard that fishery officers boarded the Girl Morven in March after a tip-off "
    "and measured a sample of the catch. Almost half of the shellfish were below the legal "
    "minimum of 100mm.",
    "Defending, solicitor Ruth Kaye said her client had been let down by a new crew member "
    "who had been responsible for grading the catch.",
    "Sheriff Ian Mowat was unimpressed.",
    "“The skipper is responsible for what is in his boat,” he said. “That is the whole "
    "point of having a skipper.”",
    "The catch, valued at about £9,000, was seized and sold, with the proceeds forfeited. "
    "Mr Ferrie was also ordered to pay costs.",
    "Outside the court, a spokesman for the local fishermen's association said the vast "
    "majority of boats followed the rules and that the case should not tarnish the fleet.",
])

art("harbourgazette", 4, "Late penalty sends Calder Athletic into cup quarter-finals",
    "2019-11-19", author="Dev Patel", section="Sport", body=[
    "Calder Athletic are into the quarter-finals of the county cup for the first time in "
    "eleven years after a stoppage-time penalty beat Brackenford 2-1 at Quay Park.",
    "The home side had looked set for extra time when substitute Jamie Orr was tripped in "
    "the box with the clock showing 93 minutes.",
    "Captain Liam Sutherland stepped up and sent the goalkeeper the wrong way.",
    "Brackenford had taken the lead shortly before half-time through a header from a "
    "corner, and Athletic struggled to create chances until manager Grant Bell switched to "
    "a back three.",
    "N:Advertisement",
    "Callum Reid equalised on 71 minutes with a low shot from the edge of the area, and "
    "the crowd of 812 — the biggest of the season — sensed a comeback.",
    "“The lads never stopped running,” Bell said afterwards. “That’s all I ask.”",
    "Asked whether he had a preferred opponent for the next round, he laughed.",
    "“Anyone at home.”",
    "The draw for the quarter-finals takes place on Thursday evening.",
])

# plainsdispatch: rural weekly on WordPress

art("plainsdispatch", 1, "Zoning board delays vote on Kessler Ridge wind farm",
    "2019-03-03", author="Dale Whitcomb", body=[
    "The Kessler County zoning board put off a decision on the proposed Kessler Ridge wind "
    "farm Thursday night after more than four hours of public comment.",
    "The project would place 64 turbines on leased farmland north of Highway 12. Its "
    "developer, Tallgrass Renewables, says it would pay landowners about $1.9 million a "
    "year and add roughly $700,000 to the county's tax base.",
    "Opponents raised concerns about noise, property values and the flashing red lights "
    "that would sit atop each tower.",
    "Several speakers read from a list they said summed up their demands:",
    "- a setback of at least half a mile from any occupied home",
    "- a decommissioning bond paid up front",
    "- an independent study of the effect on migrating cranes",
    "Supporters, many of them farmers who have signed leases, said the payments would help "
    "families stay on the land through lean years.",
    "“This is the best crop I’ll ever grow,” said Harlan Voss, who farms 1,200 acres near "
    "Delmont. “And I don’t have to spray it.”",
    "Board chairman Roy Ebersole said members needed time to review the written comments, "
    "which filled three binders. The board will meet again on March 21.",
])

art("plainsdispatch", 2, "Hailstorm shreds crops across southern townships",
    "2019-06-20", author="Jolene Marsh", body=[
    "Hail the size of golf balls fell across a band of southern Kessler County on "
    "Tuesday evening, stripping corn plants to their stalks and punching holes in barn "
    "roofs.",
    "The National Weather Service confirmed a severe thunderstorm tracked from west of "
    "Ardell to the county line in about forty minutes.",
    "Extension agent Pam Riordan said it was too early to know how much of the crop could "
    "recover. Corn at this stage can sometimes regrow from the growing point, she said, "
    "but soybeans that lose their stems usually do not.",
    "Farmers spent Wednesday walking fields and calling insurance adjusters.",
    "Gary Hultgren said about 300 of his acres looked like they had been mowed.",
    "“You plan for drought, you plan for wet years,” he said. “You can’t plan for ten "
    "minutes of ice.”",
    "Crop insurance deadlines require damage to be reported within 72 hours of discovery. "
    "Riordan urged growers to photograph fields before making any replanting decisions.",
    "No injuries were reported, though several vehicles parked outside the Ardell grain "
    "elevator had shattered windshields.",
    "The county's emergency manager said a damage assessment would be sent to the state "
    "by the end of the week.",
])

art("plainsdispatch", 3, "School board weighs four-day week to balance budget",
    "2019-09-09", author="Dale Whitcomb", body=[
    "Kessler Consolidated School District could move to a four-day school week next fall "
    "as it tries to close a budget gap of about $410,000.",
    "Superintendent Karen Lindqvist presented the idea to the school board Monday, saying "
    "the change would save money on transportation, utilities and substitute teachers.",
    "Students would attend Tuesday through Friday, with longer days to meet the state's "
    "minimum instructional hours.",
    "Board member Ted Rausch asked what working parents would do with younger children on "
    "Mondays.",
    "Lindqvist said the district was talking with the community center about a low-cost "
    "day program, but she acknowledged that it would not suit every family.",
    "At least 19 districts in the state have adopted a four-day week in the past decade, "
    "most of them rural. Research on the effect on test scores has been mixed.",
    "The board took no action. A survey will go to parents next week, and a public forum "
    "is scheduled for October 3 in the high school gym.",
    "“We are not going to decide this in a back room,” board president Alma Ruiz said.",
    "The district's enrollment has fallen by 14 percent in ten years.",
])

art("plainsdispatch", 4, "Ethanol plant to add second shift as margins recover",
    "2019-10-28", author="Jolene Marsh", body=[
    "Prairie Gold Energy will hire about 25 workers and add a second production shift at "
    "its ethanol plant west of Delmont, the company said last week.",
    "The plant, which buys roughly 18 million bushels of corn a year from area farmers, "
    "cut output in the spring when ethanol prices fell below the cost of production.",
    "General manager Curtis Beyer said margins had improved over the summer, helped by "
    "stronger export demand and a recovery in prices for distillers grains, the animal feed "
    "the plant sells as a by-product.",
    "The new jobs include operators, lab technicians and two maintenance positions. "
    "Starting pay for operators is $21 an hour.",
    "Beyer said the company had struggled to fill openings in the past and would offer a "
    "signing bonus.",
    "“Everybody in this county already has a job, or two,” he said.",
    "The plant is owned by about 900 local investors, most of them farmers. It paid a "
    "dividend last year for the first time since 2015.",
    "Applications can be picked up at the plant office or at the Delmont job center.",
])

# alpinerecord: regional daily in an alpine canton

art("alpinerecord", 1, "Watchmaker Brunner to cut 180 jobs in Valdorf",
    "2019-09-13", author="Lena Imhof", section="Economy", body=[
    "The watch manufacturer Brunner & Fils will cut 180 jobs at its Valdorf plant over the "
    "next eighteen months, the company announced on Thursday.",
    "The reductions amount to almost a third of the workforce at the site, which assembles "
    "mechanical movements for the group's mid-priced brands.",
    "Chief executive Pascal Duret blamed a slump in orders from Asia and the strength of "
    "the franc, which makes exports more expensive.",
    "“We have held on for as long as we could,” he told staff at a meeting in the factory "
    "canteen.",
    "Union representatives said they had not been consulted in advance and would demand a "
    "social plan, including early retirement for older workers and retraining for others.",
    "The cantonal economy minister, Ursula Kämpf, said the government would meet the "
    "company next week. She described the news as a heavy blow for the valley, where "
    "Brunner is the largest private employer.",
    "Brunner's shares fell 4.2 per cent in Zurich trading.",
    "The company said no decision had been taken about the future of its smaller "
    "workshop in Oberried, which employs 40 people.",
])

art("alpinerecord", 2, "Avalanche buries road to Sankt Urban as danger level rises",
    "2019-01-18", author="Marco Zehnder", section="Region", body=[
    "An avalanche swept across the only road to Sankt Urban on Thursday night, cutting off "
    "the village and about 900 tourists staying in its hotels.",
    "Nobody was caught by the slide, which came down the Rüfital gully shortly after 11pm "
    "and left a wall of snow up to six metres high over a 200-metre stretch of road.",
    "The federal avalanche institute raised the danger level to four on its five-point "
    "scale for much of the region after more than a metre of fresh snow fell in two days.",
    "C:Snow clearing crews at work above Sankt Urban. Photo: Alpine Record / Beat Walser",
    "Helicopters flew in supplies and medicine on Friday morning. The village mayor, Anton "
    "Gisler, said there was enough food for several days and no reason for alarm.",
    "“People here are used to this,” he said. “The guests find it an adventure.”",
    "Road crews hope to reopen one lane by Sunday, but only if the weather allows them to "
    "blast loose snow from the slopes above first.",
    "Rail services in the lower valley were running normally.",
])

art("alpinerecord", 3, "Voters reject plan to merge three mountain communes",
    "2019-06-07", author="Lena Imhof", section="Region", body=[
    "A proposal to merge the communes of Ebnat, Hinterwald and Stöckli into a single "
    "municipality has failed after voters in the smallest of the three turned it down.",
    "The merger needed a majority in each commune. It passed comfortably in Ebnat, with 68 "
    "per cent in favour, and narrowly in Hinterwald. In Stöckli, 131 voters said no and 97 "
    "said yes.",
    "Supporters had argued that a combined commune would find it easier to recruit council "
    "members and share the cost of schools and snow clearing.",
    "Opponents in Stöckli feared losing their school and their say.",
    "“We would be the village at the end of the valley that everyone forgets,” said Rosa "
    "Aebi, a farmer who campaigned against the plan.",
    "The president of Ebnat, Hanspeter Kuster, said he was disappointed but respected the "
    "result. The two larger communes will now consider whether to merge without Stöckli.",
    "Turnout across the three communes was 61 per cent, high for a local vote.",
    "The canton has encouraged mergers for two decades. The number of communes has fallen "
    "from 121 to 77 since 2000.",
])

art("alpinerecord", 4, "Glacier lost a tenth of its ice in ten years, measurements show",
    "2019-03-29", author="Nadia Sutter", section="Science", body=[
    "The Grauhorn glacier lost about a tenth of its volume between 2008 and 2018, according "
    "to new measurements published by researchers at the cantonal polytechnic.",
    "The team combined radar surveys of the ice thickness with drone images of the surface "
    "to build a detailed model of the glacier, which feeds the river Saane.",
    "Its tongue has retreated by 410 metres over the decade.",
    "Glaciologist Jonas Marti said the loss had accelerated after a series of hot summers. "
    "In 2015 and 2018 alone, the glacier thinned by more than three metres at its lower "
    "end.",
    "“Each summer we go up expecting the worst,” he said, “and we are rarely wrong.”",
    "The researchers warn that meltwater from the glacier currently masks the effect of "
    "drier summers on the river. As the ice shrinks, late-summer flows could fall sharply, "
    "with consequences for hydropower and irrigation downstream.",
    "The study will be repeated in 2023. The canton has asked for an estimate of when the "
    "glacier might disappear entirely.",
    "Marti declined to give a date.",
])

# coastlinepost: nonprofit coastal news site

art("coastlinepost", 1, "Storms strip sand from Pelican Beach, exposing old seawall",
    "2019-03-14", author="Ana Ruiz", body=[
    "A series of winter storms has stripped so much sand from Pelican Beach that a concrete "
    "seawall buried since the 1980s is visible again along a 300-yard stretch.",
    "City staff measured a loss of up to nine feet of sand in places between December and "
    "early March.",
    "C:Exposed rebar juts from the old seawall at Pelican Beach. (Photo: J. Doe / Coastline Post)",
    "The wall, built after the storms of 1983, was never removed when the beach was "
    "replenished a decade later. Its twisted rebar now pokes through the surface at low "
    "tide.",
    "Public works director Samuel Ibarra said the city had fenced off the worst section and "
    "would ask the state for emergency funding to cover it.",
    "Surfers and dog walkers say the beach has changed beyond recognition.",
    "“I’ve been coming here for thirty years,” said Elena Park, who walks the beach most "
    "mornings. “I don’t recognise it.”",
    "Coastal geologist Dr. Martin Hale of Bayview College said beaches usually recover some "
    "sand during calmer summer months, but rising sea levels mean each recovery is a little "
    "smaller.",
    "The city council will discuss a longer-term plan at its meeting on March 26.",
])

art("coastlinepost", 2, "Harbor seal pups tagged in first survey of its kind",
    "2019-07-02", author="Hiro Tanaka", body=[
    "Researchers have fitted small tracking tags to 22 harbor seal pups at Cove Rock, the "
    "first time the colony has been studied this closely.",
    "The tags, glued to the fur on the pups' backs, will fall off harmlessly when the "
    "animals molt next year.",
    "Marine biologist Dr. Priscilla Okoye, who leads the project, said little is known "
    "about where young seals go in their first months after weaning.",
    "“They disappear,” she said. “Some come back, some don’t, and we want to know why.”",
    "Volunteers counted 311 seals at the colony during the pupping season this spring, up "
    "from 240 five years ago.",
    "Disturbance from people remains a concern. The Coast Guard reminds visitors to stay at "
    "least 50 yards from seals on the beach, and warns that approaching a pup can cause its "
    "mother to abandon it.",
    "The project is funded by a grant from the state wildlife agency and by donations from "
    "a local diving club.",
    "C:A tagged harbor seal pup rests at Cove Rock. (Photo: H. Tanaka / Coastline Post)",
    "Data from the tags will be posted on a public map later this year.",
])

art("coastlinepost", 3, "Council caps rent increases for mobile home parks",
    "2019-04-22", author="Ana Ruiz", body=[
    "Residents of the city's five mobile home parks will see annual rent increases capped "
    "at 3 percent under an ordinance approved 4-1 by the city council Monday night.",
    "Many park residents own their homes but rent the land beneath them. Moving a "
    "manufactured home can cost $10,000 or more, leaving owners with little choice when "
    "rents rise.",
    "Dolores Hanley, 78, told the council her space rent had gone up 40 percent in three "
    "years.",
    "“I can’t move my house, and I can’t afford to stay in it,” she said.",
    "Park owners said the cap would make it harder to pay for repairs to roads, water lines "
    "and clubhouses. One owner, Frank Delacroix, said he would consider selling his park to "
    "a developer.",
    "Councilmember Tina Osei, who cast the only no vote, said she supported protecting "
    "residents but wanted an exception for major improvements.",
    "The ordinance allows owners to apply for a hearing if they believe the cap prevents a "
    "fair return. It takes effect in 30 days.",
    "The council also directed staff to study a similar cap for apartments.",
])

art("coastlinepost", 4, "Mariners water polo wins league title in overtime",
    "2019-10-09", author="Hiro Tanaka", body=[
    "The Bayview High Mariners won their first league water polo title in 14 years on "
    "Tuesday, beating Harbor Prep 11-10 in overtime at the Eastside Aquatic Center.",
    "Senior Nico Alvarez scored the winner with 38 seconds left, firing a skip shot past "
    "the Harbor Prep goalkeeper from seven meters.",
    "The Mariners trailed 8-5 in the third quarter.",
    "Coach Renee Whitaker said her team had practiced late-game situations all season. "
    "“We talk about it every day,” she said. “Keep your head, make the next pass.”",
    "Goalkeeper Sam Liu made 14 saves, including a penalty block in the final minute of "
    "regulation that kept the score level.",
    "Alvarez finished with five goals. Junior Maya Brooks, one of two girls on the roster, "
    "added two.",
    "The win gives Bayview the league's top seed in the section tournament, which begins "
    "next week. The Mariners will host their first-round game.",
    "Harbor Prep had won six straight league titles.",
    "“They’ll be back,” Whitaker said. “So will we.”",
])

# metrowire: big-city digital outlet

art("metrowire", 1, "Transit board approves first fare rise in six years",
    "2019-03-14", author="Jordan Feliciano", section="Transit", updated="2019-03-15", body=[
    "The regional transit board voted 7-2 on Thursday to raise the base subway and bus "
    "fare from $2.50 to $2.75, the first increase since 2013.",
    "The change takes effect on July 1. Weekly and monthly passes will rise by about 8 "
    "percent, while reduced fares for seniors and students stay the same.",
    "Transit officials said the system faces a $92 million operating shortfall, driven by "
    "rising pension costs and falling ridership on weekends.",
    "Board member Denise Akintola voted against the increase.",
    "“We are asking the people with the fewest choices to pay for decisions they didn’t "
    "make,” she said.",
    "Here is what changes on July 1:",
    "• Base fare: $2.75",
    "• Seven-day pass: $35",
    "• Monthly pass: $127",
    "N:Advertisement",
    "Riders at the Union Square station on Thursday evening were mostly resigned. "
    "“Everything goes up,” said Lorna Beckett, a nurse heading home after a twelve-hour "
    "shift. “Why not this too?”",
    "The board also asked staff to report back in six months on a proposal for free fares "
    "for children under 12.",
])

art("metrowire", 2, "Appeals court blocks city's ban on short-term rentals",
    "2019-05-30", author="PrairieWire staff", section="Courts", wire=True, body=[
    "EASTON FALLS (PrairieWire) — A state appeals court on Thursday blocked the city of "
    "Easton Falls from enforcing a ban on short-term rentals in residential neighborhoods, "
    "ruling that the council had exceeded its zoning powers.",
    "The three-judge panel said the ordinance, passed last year, amounted to a new tax on "
    "property owners without the vote required by the state constitution.",
    "The city argued that short-term rentals were driving up housing costs and hollowing "
    "out neighborhoods near the waterfront.",
    "“The court did not say the city is wrong about the problem,” wrote Judge Helena "
    "Marchetti. “It said the city chose a tool it does not have.”",
    "Mayor Curtis Oyelaran said the city would ask the state supreme court to review the "
    "decision.",
    "The case was brought by a group of homeowners who rent rooms or whole houses through "
    "online platforms. Their lawyer, Benjamin Strand, called the ruling a victory for "
    "property rights.",
    "About 2,300 listings were active in the city before the ban, according to a count by "
    "the council's housing office.",
    "The ruling does not affect a separate rule requiring hosts to register with the city "
    "and pay a hotel occupancy tax.",
])

art("metrowire", 3, "Heat emergency declared as temperatures near record",
    "2019-08-21", author="Imani Clarke", section="Weather", body=[
    "City officials declared a heat emergency on Wednesday as forecasters predicted "
    "temperatures of up to 101 degrees through the weekend.",
    "Forty-one cooling centers will open in libraries, senior centers and recreation "
    "buildings from 9 a.m. to 9 p.m. Public pools will extend their hours.",
    "The health department urged residents to check on elderly neighbors and people who "
    "live alone, who account for most heat deaths in the city.",
    "Con Power said it had crews on standby and asked customers to set air conditioners no "
    "lower than 78 degrees to reduce strain on the grid.",
    "Tenant organizers said many older apartment buildings do not allow window units.",
    "“People are sleeping on fire escapes,” said Rosa Delgado of the Northside Tenants "
    "Union. “That’s not a choice, that’s a crisis.”",
    "The last heat emergency, in July 2016, was linked to seven deaths.",
    "Homeless outreach teams will distribute water and offer rides to cooling centers. The "
    "city's 311 line can connect callers to the nearest one.",
    "Relief is forecast on Monday, when a cold front is expected to bring thunderstorms.",
])

art("metrowire", 4, "Delivery startup Parcelo lays off a quarter of its staff",
    "2019-12-02", author="Jordan Feliciano", section="Business", body=[
    "Parcelo, the same-day delivery startup that raised $140 million last year, is laying "
    "off about 230 employees, roughly a quarter of its workforce.",
    "In a memo to staff on Monday, chief executive Amara Lindgren said the company had "
    "grown too quickly and needed to reach profitability by the end of next year.",
    "The cuts fall mostly on corporate teams, including marketing, recruiting and product "
    "design. Couriers, who are classified as contractors, are not counted in the figure.",
    "Parcelo will also pull out of three smaller markets.",
    "Employees learned of the layoffs in a video call that lasted eleven minutes, two "
    "former staff members said. Both asked not to be named because they were negotiating "
    "severance.",
    "“It was very polite,” one said. “And very fast.”",
    "The company is offering eight weeks' pay and three months of health insurance to "
    "those let go.",
    "Investors have grown warier of delivery companies that spend heavily to win customers. "
    "At least four rivals have cut staff or shut down this year.",
    "Lindgren said Parcelo's core business in its home market was close to breaking even.",
])

# valleytimes: small-city daily, "today" header years later

art("valleytimes", 1, "Late frost cuts cherry crop by half, growers say",
    "2019-04-02", author="Ruben Ochoa", body=[
    "Two nights of hard frost last week may have destroyed half of the valley's cherry "
    "crop, growers said Tuesday, just as trees were coming into full bloom.",
    "Temperatures fell to 24 degrees in low-lying orchards early Thursday and again on "
    "Friday, well below the point at which open blossoms are damaged.",
    "C:FILE - In this March 3, 2017 photo, wind machines stand among"
    " blossoming cherry trees near Orland. (Valley Times file photo)",
    "Many growers ran wind machines through the night to pull warmer air down into the "
    "trees. Others sprayed water, which releases heat as it freezes.",
    "“We did everything we could,” said Tom Nakamura, who farms 80 acres east of town. "
    "“Some blocks came through. Some are brown.”",
    "N:Story continues below advertisement",
    "The county agricultural commissioner's office is collecting damage reports and may "
    "ask for a disaster declaration, which would open up low-interest federal loans.",
    "Cherries are worth about $48 million a year to the county.",
    "Apple and pear trees, which bloom later, appear to have escaped serious harm.",
    "Growers will not know the full extent of the losses until the fruit sets in about "
    "three weeks.",
])

art("valleytimes", 2, "Jury awards $3.1 million to family of man killed at rail crossing",
    "2019-07-17", author="PrairieWire", wire=True, body=[
    "ORLAND (PrairieWire) — A jury on Wednesday awarded $3.1 million to the family of a "
    "farmworker who was killed when a freight train struck his pickup at an unguarded "
    "crossing in 2016.",
    "Jurors found the railroad 70 percent responsible for the death of Eusebio Ramírez, "
    "39, and the county 30 percent responsible for failing to trim vegetation that blocked "
    "the view of the tracks.",
    "The crossing, on a gravel road serving several orchards, had stop signs but no lights "
    "or gates.",
    "During the two-week trial, an engineer testified that the train's horn was sounded. "
    "Family lawyers played recordings suggesting it began too late.",
    "Ramírez's widow, María, wept as the verdict was read.",
    "“He went to work and he did not come home,” she told reporters outside the courthouse. "
    "“Nothing changes that.”",
    "A spokeswoman for the railroad said the company was reviewing the verdict and "
    "considering an appeal.",
    "The county has since installed warning lights at the crossing and cleared brush along "
    "the right of way.",
])

art("valleytimes", 3, "Hospital to open urgent care clinic in former bank",
    "2019-09-25", author="Kelsey Marr", body=[
    "Valley Memorial Hospital will open an urgent care clinic in the former First Farmers "
    "Bank building on Fifth Street early next year.",
    "The clinic will treat minor injuries and illnesses from 8 a.m. to 8 p.m. every day. "
    "Hospital officials hope it will ease crowding in the emergency room, where waits of "
    "four hours or more have become common.",
    "About a third of emergency room visits last year were for conditions that could have "
    "been treated elsewhere, chief executive Dr. Alan Whitford said.",
    "The hospital bought the building for $1.2 million. Renovation is expected to cost "
    "another $2 million.",
    "Nurse practitioners will staff the clinic, with a physician on call.",
    "Downtown business owners welcomed the plan. The bank building has been empty since "
    "2017, and neighbors had complained about graffiti and broken windows.",
    "“Anything that brings people downtown is good for us,” said Lisa Park, who owns a "
    "coffee shop across the street.",
    "The clinic will accept most insurance plans, including Medicaid.",
])

art("valleytimes", 4, "Sheriff asks for patience as dispatch system is replaced",
    None, author="Ruben Ochoa", body=[
    "The county sheriff's office is replacing its 20-year-old emergency dispatch system "
    "and warned residents that there could be short delays while dispatchers learn the new "
    "software.",
    "Sheriff Dana Whitlock told the board of supervisors that the old system had crashed "
    "four times since January, forcing dispatchers to track calls on paper.",
    "“Paper works,” she said. “But it is not where we want to be in an emergency.”",
    "The new system, which cost $1.4 million, will let dispatchers see the locations of "
    "patrol cars and ambulances on a map and send details directly to laptops in vehicles.",
    "Calls to 911 will not be affected. Dispatchers will run both systems side by side for "
    "two weeks before the old one is switched off.",
    "Supervisor Mark Ellison asked whether the county's rural fire districts, which rely on "
    "volunteers with pagers, would be able to use the new system.",
    "Whitlock said they would, after an upgrade planned for next spring.",
    "The switch is scheduled to begin on the first Monday of next month.",
])

# northernledger: regional business paper

art("northernledger", 1, "Steelworks secures order that could save 400 jobs",
    "2019-06-05", author="Priya Natarajan", section="Companies", body=[
    "The Thornbridge steelworks has won a contract to supply rail for a new high-speed "
    "line, a deal that unions say could secure about 400 jobs for at least three years.",
    "The order, worth an estimated £85m, covers 120,000 tonnes of rail to be delivered "
    "from next spring. It is the largest the plant has won since it was bought out of "
    "administration in 2016.",
    "Managing director Colin Featherstone said the contract proved the works could compete "
    "on quality and price.",
    "“This is not a charity order,” he said. “We won it.”",
    "The plant has struggled with high energy costs, which it says are almost twice those "
    "paid by competitors in France and Germany. It has been lobbying the government for "
    "relief on network charges.",
    "Shop stewards welcomed the news but warned that the site still needed investment in "
    "its ageing rolling mill.",
    "Local MP Joan Ackroyd said the deal was a vote of confidence in the town.",
    "Thornbridge employs about 1,100 people directly and supports an estimated 2,500 "
    "further jobs among suppliers and contractors in the area.",
])

art("northernledger", 2, "Lenders tighten rules as house price growth stalls",
    "2019-02-12", author="Tomas Brennan", section="Property", body=[
    "Several of the region's building societies have tightened lending criteria in recent "
    "weeks, as house prices in the North stopped rising for the first time in six years.",
    "The Pennine Building Society has cut the maximum it will lend to first-time buyers "
    "from five times income to four and a half. Two smaller lenders have withdrawn their "
    "95 per cent mortgages.",
    "Figures from the Regional Property Index show prices were flat in January compared "
    "with a year earlier, after annual growth of 4.1 per cent in 2018.",
    "Estate agents describe a market in which buyers are cautious and sellers slow to cut "
    "asking prices.",
    "“People are still viewing,” said Gemma Holroyd, who runs an agency in Halbrook. "
    "“They’re just not committing.”",
    "Economists said uncertainty about the wider economy was weighing on confidence, but "
    "that low unemployment should prevent a sharp fall.",
    "Rents, by contrast, continued to rise, up 2.8 per cent over the year.",
    "The Pennine said its changes were prudent rather than a sign of alarm, and that it "
    "had approved more mortgages in January than in the same month last year.",
])

art("northernledger", 3, "Retailer Hallam & Pike warns on profits after weak autumn",
    "2019-10-16", author="Priya Natarajan", section="Companies", body=[
    "Shares in department store group Hallam & Pike fell 17 per cent on Wednesday after it "
    "warned that annual profits would come in well below expectations.",
    "The company blamed unseasonably warm weather in September, which hit sales of coats "
    "and knitwear, and heavier discounting by rivals.",
    "Like-for-like sales fell 5.3 per cent in the ten weeks to 12 October.",
    "Chief executive Miriam Oduya said the group would accelerate plans to close loss-making "
    "stores and would review its remaining leases.",
    "“We will be a smaller business,” she told analysts. “We intend to be a healthier one.”",
    "Hallam & Pike operates 34 stores, mostly in town centres across the North and the "
    "Midlands. It closed four last year.",
    "Analysts at Wharfedale Securities cut their profit forecast by a third and said the "
    "group could breach a covenant on its bank loans if trading did not improve over "
    "Christmas.",
    "The company said it had sufficient headroom and was in regular contact with its "
    "lenders.",
    "Its online sales rose 11 per cent.",
])

art("northernledger", 4, "Biomass plant plan wins approval despite objections",
    "2019-04-24", author="Tomas Brennan", section="Economy", body=[
    "Plans for a £210m biomass power station on the site of a former colliery near "
    "Castleford Moor have been approved by the county council's planning committee.",
    "The plant would burn wood pellets and waste timber to generate enough electricity for "
    "about 90,000 homes. Its developer, Moorgen Energy, says it would create 60 permanent "
    "jobs and 350 during construction.",
    "Residents' groups had objected on the grounds of traffic, air quality and the origin "
    "of the fuel. More than 1,400 letters were sent to the council.",
    "Councillors voted nine to four in favour, with conditions limiting lorry movements to "
    "daytime hours and requiring continuous monitoring of emissions.",
    "Campaigner Helen Dobson said her group would consider a legal challenge.",
    "“They have approved a chimney next to a primary school,” she said.",
    "Moorgen said the stack would be more than a kilometre from the nearest school and "
    "that emissions would be well within legal limits.",
    "Construction is expected to start next year.",
])

# riverbendnotes: volunteer community blog, no publication dates shown

art("riverbendnotes", 1, "Library renovation will close the Elm Street branch for the summer",
    None, author="Joyce Albrecht", filed="Library, City Hall",
    comment_dates=["2019-04-09", "2019-04-10"], body=[
    "The Elm Street branch library will close from June through August for a long-awaited "
    "renovation, library staff told the neighbourhood association on Thursday, April 4.",
    "The work will replace the leaking roof, add an accessible entrance on the side facing "
    "the park, and turn the old storage room into a study space for teenagers.",
    "Branch manager Oksana Petrenko said the bookmobile would visit Riverbend twice a week "
    "during the closure, parking outside the community center on Tuesdays and Saturdays.",
    "Holds can be picked up at the Central Library downtown.",
    "Several residents asked about the summer reading program, which drew more than 200 "
    "children last year. Petrenko said it would move to the community center gym.",
    "“We are not cancelling summer,” she said. “We are just moving it down the street.”",
    "The renovation is paid for by the library bond approved by voters in 2017. The city "
    "estimates the cost at $1.8 million.",
    "If all goes to plan, the branch will reopen in time for the new school year. The "
    "neighbourhood association plans a reopening party, and is looking for volunteers.",
])

art("riverbendnotes", 2, "Community garden plots go to lottery after record demand",
    None, author="Marcus Obi", filed="Gardens, Parks",
    comment_dates=["2019-03-02", "2019-03-03"], body=[
    "For the first time, plots at the Riverbend Community Garden will be handed out by "
    "lottery, after 87 households applied for 31 spaces.",
    "The garden committee decided at its February meeting that a lottery was the fairest "
    "way to choose. Last year's gardeners get first refusal on their old plots only if they "
    "kept them tended through the season.",
    "The draw will take place at the garden shed at noon on Saturday, March 16, 2019. "
    "Applicants do not need to be present.",
    "Coordinator Ines Lautner said the waiting list showed how much the neighbourhood "
    "wanted growing space.",
    "“A lot of people here live in apartments,” she said. “This is their backyard.”",
    "The committee is talking to the parks department about using a vacant lot on Birch "
    "Avenue for a second garden. Soil tests would be needed first, because the lot once "
    "held a dry cleaner.",
    "Plots cost $25 a season. Fees can be waived for anyone who asks, no questions asked.",
    "Those who miss out are welcome to join the shared herb beds, which anyone can use.",
])

art("riverbendnotes", 3, "Speed humps coming to Canal Road after years of complaints",
    None, author="Joyce Albrecht", filed="Traffic, Safety",
    comment_dates=["2019-10-22", "2019-10-22"], body=[
    "The city will install four speed humps on Canal Road between Ash and Willow streets "
    "this autumn, after a traffic study found that more than half of drivers were going "
    "faster than the 25 mph limit.",
    "Residents have been asking for traffic calming on the street since at least 2014, "
    "when a cyclist was seriously injured at the Ash Street corner.",
    "The study, carried out over a week in August, recorded a top speed of 52 mph. The "
    "average was 31.",
    "“That’s a highway,” said Doreen Walsh, who has lived on Canal Road for 40 years. "
    "“It’s not a street any more.”",
    "Traffic engineer Paolo Ferraro told the neighbourhood association that the humps would "
    "be the gentle, cushioned kind that let fire trucks and buses pass over them without "
    "slowing much.",
    "A crosswalk with flashing lights will also be added at the school entrance.",
    "Some residents worry that drivers will simply switch to Mill Street. Ferraro said the "
    "city would measure traffic there again next year.",
    "Work should take about two days.",
])

art("riverbendnotes", 4, "Riverbend Rovers under-11s finish unbeaten season",
    None, author="Marcus Obi", filed="Youth sports",
    comment_dates=["2019-06-11", "2019-06-12"], body=[
    "The Riverbend Rovers under-11 soccer team finished its spring season without a loss, "
    "winning nine games and drawing two.",
    "The team, made up of players from six different schools, clinched the division title "
    "with a 3-1 win over Northgate on Saturday.",
    "Coach Abdi Warsame, a volunteer who works nights as a hospital porter, said the "
    "players had improved more than any group he had coached.",
    "“In September half of them had never played on a real team,” he said.",
    "Goals against Northgate came from Lucia Ferreira, Tom Baptiste and Yusuf Ali.",
    "The club charges $40 a season and provides boots and shin guards to anyone who needs "
    "them, thanks to donations from parents and a sporting goods store on Main Street.",
    "Warsame said the club would need more volunteer coaches next year, as registration "
    "keeps growing.",
    "The team celebrated with pizza at the community center.",
    "Team list:",
    "Goalkeeper: Ana Kovac",
    "Captains: Lucia Ferreira and Yusuf Ali",
])

# sportsdesk: national sports site

art("sportsdesk", 1, "Dunmore hold on to beat leaders after Kasongo red card",
    "2019-04-06", author="Owen Prichard", section="Football", body=[
    "Dunmore United closed the gap at the top of the table to four points with a 2-1 win "
    "over leaders Castlegate, despite playing the final half-hour with ten men.",
    "C:Felix Amoah celebrates his opening goal. Photograph: Lena Holt/Pitchside Images",
    "Felix Amoah gave the home side the lead after 14 minutes, bending a free kick over the "
    "wall, and Ruairi Doyle doubled it just before the interval with a header at the far "
    "post.",
    "The match turned when Dunmore midfielder Patrice Kasongo was sent off for a second "
    "yellow card on the hour.",
    "Castlegate pulled one back through their substitute Jonas Berg and laid siege to the "
    "Dunmore goal for the rest of the afternoon.",
    "Goalkeeper Declan Moss saved twice from Berg in stoppage time.",
    "“That was about character,” said Dunmore manager Elaine Crossley. “We defended like "
    "our lives depended on it.”",
    "Castlegate's coach, Marco Vidal, declined to discuss the refereeing.",
    "“No,” he said. “Next question.”",
    "Kasongo will miss next week's trip to Ashby. Dunmore have six games left.",
])

art("sportsdesk", 2, "Patel century puts Westshire in command",
    "2019-07-14", author="Ravi Chandran", section="Cricket", body=[
    "Anil Patel scored an unbeaten 132 as Westshire reached 341 for five at the close on "
    "the second day against Norland at Abbey Road.",
    "The opener, dropped on 12 at second slip, batted for more than six hours and hit 17 "
    "fours in what his captain called the innings of his life.",
    "Norland had been bowled out for 214 on the opening day, with Westshire's left-arm "
    "seamer Tom Gale taking six for 48.",
    "Patel shared a stand of 147 for the fourth wicket with Chris Ablett, who made 71 "
    "before edging a drive to the wicketkeeper.",
    "Norland's attack toiled on a slow pitch. Their overseas spinner, Kyle Hendricks, "
    "bowled 38 overs for two wickets.",
    "“The ball just stopped doing anything after lunch,” Hendricks said.",
    "Westshire lead by 127 and will hope to bat once and bowl Norland out again on a "
    "surface expected to take more turn.",
    "Rain is forecast for the final morning.",
    "Patel, 24, has now scored three centuries this season and is the division's leading "
    "run-scorer.",
])

art("sportsdesk", 3, "Lindahl takes yellow jersey on brutal mountain stage",
    "2019-09-22", author="Owen Prichard", section="Cycling", body=[
    "Sweden's Erik Lindahl took the race lead on the queen stage of the Tour of the "
    "Highlands, attacking on the final climb to win alone at Carn Dearg.",
    "Lindahl, 26, went clear with four kilometres to go and crossed the line 41 seconds "
    "ahead of the Colombian Andrés Moreno. The overnight leader, Pieter de Wit, lost more "
    "than three minutes.",
    "The 178km stage featured five categorised climbs and steady rain for most of the day.",
    "Lindahl's team had ridden at the front from the foot of the last climb, thinning the "
    "leading group to a dozen riders.",
    "“I felt good all day, and when I felt good on the steep part I just went,” Lindahl "
    "said.",
    "De Wit said he had been cold since the second descent.",
    "“My legs were gone,” he said. “It happens.”",
    "Lindahl leads Moreno by 58 seconds with two stages left, both of which are expected "
    "to end in sprints.",
    "Top five overall after stage six:",
    "1. Erik Lindahl (Sweden)",
    "2. Andrés Moreno (Colombia) +58s",
    "3. Jack Ferrie (Britain) +1m12s",
    "4. Luca Benedetti (Italy) +1m40s",
    "5. Tomás Riva (Spain) +2m05s",
])

art("sportsdesk", 4, "Harlequins of Calder edge thriller as last kick decides it",
    "2019-11-30", author="Bethan Lloyd", section="Rugby", body=[
    "Fly-half Rhys Mabbutt kicked a penalty with the last play of the game to give "
    "Harlequins of Calder a 24-23 win over Bridgeton in a match that swung back and forth "
    "all afternoon.",
    "Bridgeton led 23-21 after their wing Sione Taufa scored his second try with four "
    "minutes remaining.",
    "Calder won a scrum penalty inside the Bridgeton half as the clock went red, and "
    "Mabbutt, who had missed two earlier kicks, struck it cleanly from 38 metres.",
    "“I wasn’t thinking about the misses,” he said. “I was thinking about my run-up.”",
    "Calder had scored tries through flanker Joe Penhaligon and scrum-half Dafydd Rees, "
    "both from driving mauls.",
    "Bridgeton coach Gareth Moyle was furious about the scrum decision.",
    "“We’ll look at it,” he said. “I’ve seen it three times already on my phone.”",
    "The win lifts Calder to third in the table. Bridgeton remain sixth.",
    "The sides meet again in the cup in January.",
])

# capitolbrief: politics site

art("capitolbrief", 1, "Senate spending deal collapses hours before deadline",
    "2019-01-22", author="Marisol Okafor", section="Senate", body=[
    "A bipartisan agreement to fund state agencies through June fell apart late Tuesday "
    "after leaders in the House refused to accept changes made by the Senate.",
    "The stopgap measure needed to pass both chambers by midnight Thursday to avoid a "
    "partial shutdown of state government.",
    "Senate Majority Leader Ruth Calloway blamed House leaders for what she called a last-"
    "minute demand for new spending on prisons.",
    "House Speaker Dwight Harmon said the Senate had broken the deal first by stripping out "
    "money for rural broadband.",
    "“We had a handshake,” Harmon told reporters. “Apparently a handshake is worth less "
    "than it used to be.”",
    "C:Senate Majority Leader Ruth Calloway speaks to reporters outside"
    " her office. (Photo: M. Okafor / Capitol Brief)",
    "State agencies have begun preparing for a shutdown. The budget office said about "
    "11,000 employees would be furloughed, though prisons, state police and hospitals would "
    "keep operating.",
    "Both leaders said talks would resume Wednesday morning.",
    "Asked whether a deal was still possible, Calloway paused.",
    "“Anything is possible,” she said. “Some things are likely.”",
])

art("capitolbrief", 2, "Agency chief grilled over lost pandemic stockpile",
    "2019-03-27", author="Theo Lindqvist", section="Oversight", updated="2019-03-28", body=[
    "The head of the state emergency management agency faced more than three hours of "
    "questioning Wednesday over millions of masks and gloves that were allowed to expire "
    "in a warehouse.",
    "An audit released last month found that 2.4 million respirators, bought in 2009, "
    "passed their expiration dates without being rotated or replaced.",
    "Director Harold Kemp told the House oversight committee that the agency had asked for "
    "money to refresh the stockpile three times and been turned down.",
    "Lawmakers from both parties were skeptical.",
    "“You asked,” said Rep. Janelle Price. “Did you ever say it was urgent?”",
    "“In hindsight, not loudly enough,” Kemp replied.",
    "The committee voted to subpoena internal emails about the stockpile. Kemp said he "
    "would cooperate fully.",
    "The audit also found that the agency could not say where about 300 pallets of "
    "supplies had been sent during a flu outbreak in 2014.",
    "Gov. Ellen Marsh has asked for $6 million in the next budget to rebuild the stockpile.",
])

art("capitolbrief", 3, "Ethics panel fines lawmaker over campaign spending on family",
    "2019-06-12", author="Marisol Okafor", section="Ethics", body=[
    "The state ethics commission on Wednesday fined Rep. Curtis Bramwell $18,500 for using "
    "campaign money to pay for family vacations and a car driven by his son.",
    "The commission found that Bramwell spent about $41,000 from his campaign account on "
    "personal expenses between 2015 and 2018, including hotel stays in Florida that he "
    "described in reports as fundraising trips.",
    "Bramwell, a five-term Republican, has repaid the money.",
    "In a statement, he said he had relied on an inexperienced treasurer and accepted "
    "responsibility for the errors.",
    "Commission chair Naomi Feld said the violations were not paperwork mistakes.",
    "“These were choices,” she said.",
    "The fine is one of the largest the commission has imposed on a sitting legislator. "
    "Bramwell is not facing criminal charges.",
    "Democrats called on him to resign his seat on the House ethics committee. House "
    "leaders said he would step aside from the panel while the matter was reviewed.",
    "Bramwell has said he plans to run for re-election next year.",
])

art("capitolbrief", 4, "Court orders new legislative map, citing racial gerrymander",
    "2019-10-01", author="Theo Lindqvist", section="Courts", body=[
    "A federal court on Tuesday struck down the state's legislative map, ruling that "
    "lawmakers had packed Black voters into a handful of districts to weaken their "
    "influence elsewhere.",
    "The three-judge panel gave the legislature until January 15 to draw new districts for "
    "the state House and Senate. If it fails, the court will appoint an expert to do it.",
    "The ruling affects at least 23 districts, most of them in the state's two largest "
    "cities.",
    "Writing for the majority, Judge Lorraine Ebbesen said the evidence showed race was the "
    "predominant factor in drawing the lines.",
    "The state attorney general's office said it was reviewing the decision and had not "
    "decided whether to appeal.",
    "Voting rights groups that brought the lawsuit called the ruling historic.",
    "“Today the court said what voters have been saying for eight years,” said Tanya "
    "Bishop, director of the Fair Maps Coalition.",
    "House Speaker Dwight Harmon said lawmakers had followed legal advice at every step.",
    "The new map would be used in next year's elections.",
])

# greenfieldobserver: small-town weekly

art("greenfieldobserver", 1, "Town pool will stay open after donors cover repair bill",
    "2019-07-10", author="Peggy Lanford", body=[
    "The Greenfield municipal pool will reopen on Saturday after a group of residents and "
    "businesses raised $38,000 to fix a cracked filter tank.",
    "The pool closed two weeks ago when the crack was found during a routine inspection. "
    "The town's recreation budget had no money left for the repair, and the council had "
    "warned that the pool might stay shut for the rest of the summer.",
    "Within days, a fundraising drive started by swim team parents had collected more than "
    "half the total. The Greenfield Lions Club and the hardware store on Main Street "
    "covered the rest.",
    "“It’s the only place a lot of these kids can go in July,” said organizer Dana Kowalski.",
    "Recreation director Bill Santangelo said the new tank should last twenty years.",
    "Pool hours will be extended by an hour each evening through August to make up for "
    "lost time.",
    "Swim lessons, which were cancelled, will be rescheduled. Parents who paid will be "
    "contacted by the recreation office.",
    "The council thanked donors at its meeting on Monday.",
])

art("greenfieldobserver", 2, "Snowstorm closes schools, strands drivers on Route 9",
    "2019-02-06", author="Ed Brannigan", body=[
    "A storm that dropped 16 inches of snow on Greenfield closed schools for a second day "
    "on Wednesday and left dozens of drivers stranded on Route 9 overnight.",
    "State police said tractor-trailers jackknifed on the hill east of the reservoir, "
    "blocking both lanes for more than seven hours.",
    "Volunteers from the fire company walked the line of stopped cars with blankets, water "
    "and coffee.",
    "Chief Walt Dombrowski said his crews checked on about 140 vehicles. Nobody needed "
    "hospital treatment.",
    "The town opened the senior center as a warming shelter. Eleven people spent the night "
    "there.",
    "“People were just very kind,” said Alice Monroe, a nurse from Hartsville who was "
    "driving home from a shift. “Somebody gave me a sandwich I’m still thinking about.”",
    "Public works crews worked 20-hour shifts to clear roads. Superintendent Gary Lutz "
    "said the town had used almost half its winter salt budget in two days.",
    "Schools are expected to reopen Thursday with a two-hour delay.",
])

art("greenfieldobserver", 3, "Planning board approves warehouse with new conditions",
    "2019-05-22", author="Peggy Lanford", body=[
    "After three meetings and more than seven hours of testimony, the Greenfield planning "
    "board on Tuesday approved a 240,000-square-foot warehouse on the former Hollis farm.",
    "The vote was 4-1.",
    "The developer, Keystone Logistics Partners, agreed to a list of conditions, including "
    "a ban on trucks using Orchard Lane, a berm and tree buffer along the western boundary, "
    "and no deliveries between 11 p.m. and 5 a.m.",
    "Neighbors had warned of truck traffic, noise and light pollution.",
    "Board member Frank DiNapoli, who voted no, said the conditions were only as good as "
    "the town's ability to enforce them.",
    "“Who is going to sit on Orchard Lane at 3 in the morning?” he asked.",
    "Keystone said the warehouse would create about 150 jobs and pay roughly $600,000 a "
    "year in property taxes, most of which would go to the school district.",
    "Construction could begin this fall.",
    "A group of residents said they would consider appealing the decision to the county "
    "court.",
])

art("greenfieldobserver", 4, "Wrestler Mateo Cruz reaches 100 career wins",
    "2019-12-11", author="Ed Brannigan", body=[
    "Greenfield High senior Mateo Cruz earned his 100th career win Saturday, pinning his "
    "opponent in the second period of the 152-pound final at the Hartsville Invitational.",
    "Cruz is the fourth wrestler in school history to reach the mark.",
    "His teammates rushed the mat after the referee slapped the mat, and coach Dave "
    "Petrakis handed him a plaque that had been waiting in the team bag since the start of "
    "the season.",
    "“We weren’t sure it would be this week,” Petrakis said. “We just brought it every time.”",
    "Cruz, a three-time sectional champion, finished fourth in the state last winter. He "
    "has committed to wrestle at Northern State next year.",
    "He credited his older brother, who wrestled for Greenfield a decade ago, for getting "
    "him into the sport.",
    "“He used to beat me up in the living room,” Cruz said. “Now I can beat him.”",
    "Greenfield finished second in the team standings at the tournament.",
    "The team's next home meet is Wednesday against Millbrook.",
])

# sciencepulse: science news aggregator

art("sciencepulse", 1, "Bacteria build protective slime faster in warmer rivers",
    "2019-10-02", author="Helen Ostrowski", section="Earth", body=[
    "Bacteria in river sediments form protective films more quickly as water warms, a "
    "study suggests, which could make some pollutants harder to remove as climate changes.",
    "C:A microscope image of a river biofilm grown at 24 degrees. Credit: Tarn Institute",
    "Researchers at the Tarn Institute for Freshwater Science grew biofilms, the slimy "
    "layers bacteria use to cling to surfaces, on stones taken from three rivers. The stones "
    "were kept at temperatures from 12 to 24 degrees Celsius for six weeks.",
    "At the highest temperature, biofilms reached their full thickness in about half the "
    "time.",
    "Thicker biofilms trap fine sediment and can bind heavy metals such as zinc and lead, "
    "the team reports in the journal Freshwater Processes.",
    "“That sounds like good news, but it is not quite,” said lead author Dr. Maren Koski. "
    "“Metals stored in a biofilm can be released again when conditions change.”",
    "The study did not test what happens during floods, which can strip biofilms from "
    "riverbeds in hours.",
    "The team now plans field measurements in rivers downstream of old mines.",
])

art("sciencepulse", 2, "Astronomers spot water vapour on a planet in its star's habitable zone",
    "2019-04-17", author="Daniel Achebe", section="Space", body=[
    "Astronomers have detected water vapour in the atmosphere of a planet about eight times "
    "the mass of Earth that orbits in the habitable zone of a small, cool star.",
    "The planet, catalogued as KT-2291b, lies about 120 light years away. It passes in front "
    "of its star every 33 days, allowing telescopes to study starlight filtered through its "
    "atmosphere.",
    "The team combined eleven such transits observed by a space telescope between 2016 "
    "and 2018.",
    "Water vapour left a clear signature in the infrared part of the spectrum.",
    "Co-author Dr. Sofia Renn cautioned against calling the planet Earth-like.",
    "“It is probably a mini-Neptune with a thick hydrogen envelope,” she said. “Not a place "
    "you would want to visit.”",
    "Still, the detection shows that current instruments can study the atmospheres of "
    "relatively small planets, and future telescopes should be able to look for other "
    "molecules.",
    "The results appear in the journal Planetary Letters.",
    "N:Read the full study here.",
    "Other teams are expected to attempt follow-up observations later this year.",
])

art("sciencepulse", 3, "Bumblebees remember flower colours for weeks, experiment finds",
    "2019-08-08", author="Helen Ostrowski", section="Nature", body=[
    "Bumblebees can remember which flower colours offered a sugar reward for at least three "
    "weeks, longer than previously shown, according to experiments at Eastmoor University.",
    "Researchers trained 64 bees from four colonies to associate blue artificial flowers "
    "with sugar water and yellow ones with plain water.",
    "After training, the bees were kept away from the flowers for up to 21 days.",
    "When tested again, most still chose blue first.",
    "The bees' memory faded only slowly, with about 70 percent choosing correctly after "
    "three weeks, compared with 92 percent immediately after training.",
    "“For an insect that lives a few months, three weeks is a long time,” said behavioural "
    "ecologist Dr. Ruth Amsel.",
    "The team says the findings matter for farmers who rent bee colonies to pollinate crops. "
    "Bees that have learned to favour wildflowers nearby may ignore the crop for weeks.",
    "The research was published in Insect Cognition.",
    "Commercial growers already move hives into orchards only once the crop is in "
    "flower, partly for this reason. The new results suggest that timing matters even "
    "more than they thought.",
    "C:A bumblebee visits a blue test flower in the lab. Credit: Eastmoor University",
])

art("sciencepulse", 4, "Cover crops store more carbon than expected in clay soils",
    "2019-01-30", author="Daniel Achebe", section="Earth", body=[
    "Planting cover crops between harvests stored more carbon in clay soils than in sandy "
    "ones over a ten-year field trial, scientists report.",
    "The trial, at an agricultural research station in the Midlands, compared plots left "
    "bare over winter with plots sown with a mix of rye, vetch and radish.",
    "After a decade, the top 30 centimetres of clay soil under cover crops held about 9 "
    "percent more organic carbon than bare plots. Sandy soils showed almost no difference.",
    "Soil scientist Dr. Leon Mbeki said clay particles protect organic matter from being "
    "broken down by microbes.",
    "“Clay holds on to what you give it,” he said. “Sand lets it go.”",
    "The study also found higher yields of the following wheat crop on clay plots, though "
    "the effect varied from year to year.",
    "The authors caution that the amounts involved are modest compared with national "
    "emissions, but say they could matter for farm-level carbon accounting.",
    "The results are published in Soil Systems.",
])

# islandherald: island weekly

art("islandherald", 1, "Ferry company orders new vessel after years of breakdowns",
    "2019-11-03", author="", body=[
    "The island's ferry operator has ordered a new vessel to replace the ageing MV Calder "
    "Lass, which has broken down 14 times this year.",
    "The 70-metre ship will carry up to 300 passengers and 40 cars, a third more than the "
    "current ferry. It is due to enter service in the spring of 2022.",
    "Skerry Lines managing director Hugh Garvie said the order, worth £28 million, was made "
    "possible by a long-term contract with the island council.",
    "N:ALSO READ: Ferry fares to rise from January",
    "Islanders have complained for years about cancelled sailings, missed hospital "
    "appointments and empty supermarket shelves.",
    "“Every time the boat is off, the island stops,” said hotelier Morag Innes.",
    "The new ship will run on a hybrid diesel-electric system and will be able to charge "
    "its batteries from shore power at Port Calder.",
    "The Calder Lass, built in 1991, will be kept as a relief vessel until at least 2023.",
    "Garvie said the company was also looking at a second, smaller boat for winter "
    "sailings.",
])

art("islandherald", 2, "Man admits stealing lobster creels from harbour",
    "2019-03-19", author="", body=[
    "A 34-year-old man has admitted stealing 22 lobster creels from a fishing boat moored "
    "at Ardnish harbour.",
    "Kyle Munro, of Shore Road, appeared at Port Calder Sheriff Court on Monday.",
    "The court heard that the creels, worth about £1,800, went missing from the deck of the "
    "Silver Tide in December. Several were later found in a shed at Munro's home.",
    "The fiscal depute said the theft had cost the boat's owner a week's fishing.",
    "Munro's solicitor said his client had been drinking heavily at the time and had "
    "intended to sell the creels to pay debts.",
    "The report was read aloud in court.",
    "Sheriff Alison Grieve deferred sentence for three months for Munro to be of good "
    "behaviour and to pay back the owner.",
    "“If you come back here having done nothing, you will not like what happens,” she told "
    "him.",
    "“Yes, my lady,” he said.",
    "The owner of the Silver Tide, Donald MacAskill, said he was glad to have most of his "
    "gear back.",
])

art("islandherald", 3, "Community wind turbines pay out record £240,000",
    "2019-07-26", author="", body=[
    "The island's three community-owned wind turbines earned a record £240,000 for local "
    "projects last year, the development trust has announced.",
    "The money has been shared among 31 groups, including the primary school, the "
    "football club, a home-heating fund for pensioners and the island's only hairdresser, "
    "who received a grant to buy a second chair.",
    "Development trust chairwoman Catriona Bell said windy weather and fewer breakdowns "
    "had helped.",
    "“Last winter was miserable for everyone,” she said. “Except the turbines.”",
    "The turbines were built in 2013 with a loan that will be paid off in 2025, after which "
    "income is expected to roughly double.",
    "The trust is also consulting islanders on whether to build a fourth turbine on the hill "
    "above Ardnish. A public meeting will be held in the village hall.",
    "N:ALSO READ: Islanders asked for views on new housing site",
    "Applications for next year's grants open in September.",
    "Not everyone is convinced. Some crofters near the proposed site say a fourth "
    "turbine would be visible from every house in the glen.",
])

art("islandherald", 4, "Gales leave island without power for two days",
    None, author="", today="2021-01-12", body=[
    "Much of the island was left without electricity for almost two days after gales "
    "brought down power lines across the north end.",
    "Winds gusting to 90mph struck on Thursday night, toppling poles near Ardnish and "
    "cutting supplies to around 700 homes.",
    "Engineers could not reach the island until Saturday morning because ferries were "
    "cancelled.",
    "The community hall in Port Calder opened as a rest centre, with volunteers serving "
    "soup and tea and charging phones from a generator.",
    "“We ran out of bread by lunchtime and then somebody turned up with forty rolls,” said "
    "volunteer Jean MacPhee.",
    "Several roads were blocked by fallen trees, and the roof of a shed at the primary "
    "school was blown into a neighbouring field.",
    "The electricity company apologised and said customers without power for more than "
    "48 hours could claim compensation.",
    "Councillor Ewan Dunlop said the episode showed the need for a backup cable to the "
    "mainland, which has been discussed for a decade.",
])

# prairiewire: regional wire service

art("prairiewire", 1, "Blizzard closes interstate, strands travelers at truck stops",
    "2019-12-05", author="Tom Beck", body=[
    "LINCOLN CITY (PrairieWire) — A blizzard with wind gusts over 60 mph shut down more "
    "than 200 miles of interstate on Thursday, stranding hundreds of travelers at truck "
    "stops and small-town motels.",
    "The state transportation department closed the highway in both directions from Lincoln "
    "City to the western border shortly after noon, citing zero visibility.",
    "C:FILE - In this Feb. 11, 2018 photo, snowplows line up at a"
    " maintenance yard in Lincoln City. (PrairieWire Photo/Dana Rusk)",
    "Snow totals ranged from 8 to 14 inches, with drifts of several feet.",
    "At a truck stop in Harlow, manager Deb Fenske said about 150 people were waiting out "
    "the storm, some sleeping in booths.",
    "“We’ve got coffee and we’ve got chili,” she said. “We’ll be fine.”",
    "The National Weather Service said the wind would ease Friday morning, but warned of "
    "dangerous wind chills as low as 25 below zero.",
    "Gov. Ellen Marsh activated the National Guard to help with rescues. Troopers had "
    "reached about 40 stranded motorists by Thursday evening.",
    "The highway is expected to reopen Friday afternoon.",
])

art("prairiewire", 2, "Legislature passes property tax relief in final hours",
    "2019-05-08", author="Sara Lindholm", body=[
    "CAPITAL CITY (PrairieWire) — Lawmakers approved a $275 million property tax relief "
    "package late Wednesday, ending a session marked by months of deadlock between rural "
    "and urban legislators.",
    "The bill raises the state's share of school funding and caps how much local "
    "governments can increase property tax collections each year.",
    "Farm groups had pushed for relief after land values rose sharply over the past "
    "decade, driving up tax bills even as crop prices fell.",
    "The measure passed 33-16 in the unicameral legislature.",
    "Sen. Carol Vandermeer, who sponsored the bill, said it was not everything farmers "
    "wanted but was a start.",
    "“Nobody got everything,” she said. “That’s how you know it’s a compromise.”",
    "Opponents said the cap would squeeze city budgets and could force cuts to police and "
    "fire services.",
    "Gov. Ellen Marsh is expected to sign the bill next week.",
    "Highlights of the package:",
    "- $275 million a year in relief, phased in over three years",
    "- a 3 percent annual cap on local property tax growth",
    "- new state aid for rural school districts",
])

art("prairiewire", 3, "Corn prices slide as harvest outlook brightens",
    "2019-08-27", author="Tom Beck", body=[
    "MERIDIAN (PrairieWire) — Corn futures fell to their lowest level in two months on "
    "Tuesday after crop tours across the Midwest found better-than-expected yields.",
    "December corn settled at $3.63 a bushel, down 9 cents on the day.",
    "Scouts on an annual crop tour estimated yields in several states above the "
    "government's August forecast, despite a late and wet planting season.",
    "Analysts said the market had been pricing in a smaller crop.",
    "“The rain in July saved a lot of fields,” said grain analyst Derek Halvorsen. “The "
    "market is figuring that out.”",
    "Soybean futures also fell, weighed down by continued uncertainty over exports.",
    "Lower prices are bad news for farmers who have not yet sold this year's crop, and many "
    "are storing grain in hopes of a recovery.",
    "The government will release its next crop production report on September 12.",
    "Cash prices at country elevators were lower still, with some buyers in the western "
    "part of the state bidding under $3.20.",
])

art("prairiewire", 4, "Former county treasurer sentenced for embezzlement",
    "2019-02-19", author="Sara Lindholm", body=[
    "BRADY (PrairieWire) — A former county treasurer was sentenced Tuesday to four years "
    "in prison for embezzling more than $600,000 in tax payments over six years.",
    "Linda Kowalczyk, 58, pleaded guilty in November to theft and official misconduct.",
    "Prosecutors said she took cash payments from the treasurer's office and covered the "
    "shortfall by altering records. The scheme was discovered in 2017 when a new deputy "
    "noticed that deposits did not match receipts.",
    "Kowalczyk apologized in court.",
    "“I betrayed people who trusted me, many of whom I have known my whole life,” she said.",
    "District Judge Raymond Sutter said the crime had damaged public faith in local "
    "government and ordered her to repay the money.",
    "The county has recovered about $210,000 through insurance and the sale of property.",
    "An audit found that the office had no second person checking daily deposits, a gap "
    "the county has since closed.",
    "She will be eligible for parole after two years. Her lawyer said she would not "
    "appeal the sentence.",
])

# lakeshoreweekly: lakeside town weekly, day/month/year dates

art("lakeshoreweekly", 1, "Regatta cancelled as blue-green algae returns to the lake",
    "2019-08-21", author="Fiona Haddow", section="Community", body=[
    "This weekend's Lakeshore regatta has been cancelled after tests found toxic "
    "blue-green algae in the water near the sailing club for the second summer running.",
    "The environment agency advised against all water contact at the north shore on "
    "Monday. Warning signs have gone up at the slipway and the swimming beach.",
    "The algae thrive in warm, still water rich in nutrients, much of which washes in from "
    "surrounding farmland after heavy rain.",
    "Sailing club commodore Peter Yelland said the decision had been painful.",
    "“We had 80 boats entered,” he said. “But we can’t ask children to capsize into that.”",
    "Dog owners are being urged to keep pets out of the water. Two dogs died after "
    "swimming in the lake in 2018.",
    "The parish council has written to the agency asking for a long-term plan to reduce "
    "run-off.",
    "The regatta may be rescheduled for September if tests show the water is clear.",
])

art("lakeshoreweekly", 2, "Primary school gets go-ahead for new classrooms",
    "2019-06-04", author="Neil Dempster", section="Schools", body=[
    "Lakeshore Primary School will get two new classrooms and a larger hall after the "
    "district council approved plans for an extension last week.",
    "The school has used two temporary cabins in its playground since 2012, when numbers "
    "began to rise with new housing on the edge of town.",
    "Head teacher Sarah Quinn said the cabins were cold in winter and stifling in summer.",
    "“The children deserve proper rooms,” she said.",
    "The £1.6 million project will also add a kitchen so that hot meals no longer have to "
    "be brought in from the secondary school.",
    "Work is due to start in the summer holidays and be finished by Easter. Pupils will "
    "lose part of the playing field during construction.",
    "Some neighbours raised concerns about parking at drop-off times. The school has "
    "agreed to set up a walking bus from the village hall.",
    "Roll numbers are expected to reach 240 by 2022.",
])

art("lakeshoreweekly", 3, "Pub landlord wins fight to keep beer garden open late",
    "2019-03-12", author="Fiona Haddow", section="Business", body=[
    "The landlord of the Anchor Inn has won his fight to keep the pub's beer garden open "
    "until 11pm on summer weekends.",
    "Licensing councillors had been asked by two neighbours to cut the hours to 9pm, after "
    "complaints about noise last August.",
    "Landlord Gavin Shore told the hearing that he had installed new fencing, moved the "
    "smoking area and hired a door supervisor for Saturday nights.",
    "He said the garden accounted for almost a third of summer takings.",
    "“Without it, I’m not sure we’re here in five years,” he said.",
    "The neighbours said the improvements had helped but that late nights were still "
    "disruptive.",
    "The committee kept the 11pm finish but added a condition that music must stop at "
    "9pm.",
    "Shore said he could live with that.",
    "Both neighbours said afterwards that they were disappointed but would give the new "
    "arrangements a chance.",
    "The Anchor, which dates from the 1790s, is one of two pubs left in the town, down "
    "from six in the 1970s.",
])

art("lakeshoreweekly", 4, "Volunteers clear three tonnes of litter from lakeside path",
    None, author="Neil Dempster", section="Environment", body=[
    "More than 60 volunteers collected three tonnes of rubbish from the lakeside path and "
    "surrounding woods during the annual spring clean-up on Sunday.",
    "Finds included two shopping trolleys, a sofa, dozens of traffic cones and a rowing "
    "boat that had sunk in the reeds near the boathouse.",
    "Organiser Mel Barraclough, who has run the clean-up for nine years, said the amount "
    "of litter was higher than last year, when volunteers collected just over two tonnes.",
    "“People are walking here more, which is lovely,” she said. “Then they leave their "
    "cans.”",
    "The district council provided skips and litter pickers, and the café at the boathouse "
    "gave volunteers free tea.",
    "Plastic bottles made up most of the haul. Volunteers counted more than 1,100.",
    "Barraclough said she would like to see a deposit scheme for bottles and more bins "
    "along the path, which currently has four over two miles.",
    "The next clean-up will be in the autumn.",
])

# civicreport: nonprofit investigative newsroom

art("civicreport", 1, "County jail phone contract cost families $2 million, records show",
    "2019-08-08", author="Jonah Feld and Mira Stein", section="Investigations", body=[
    "Families of people held in the Marlow County jail paid more than $2 million for phone "
    "calls over three years under a contract that sent a large share of the money back to "
    "the county, records obtained by The Civic Report show.",
    "A 15-minute call cost $7.80, one of the highest rates in the state. The county "
    "received a 54 percent commission on every call.",
    "County officials said the commissions paid for jail programs, including a library and "
    "addiction counseling.",
    "But budget documents show that most of the money went into the sheriff's general "
    "fund, where it was used for vehicles and overtime.",
    "“I was paying to keep my son’s voice in my life,” said Beverly Hines, who estimates "
    "she spent $3,000 on calls while her son waited for trial. “I didn’t know I was buying "
    "patrol cars.”",
    "The state auditor reviewed jail phone contracts last year and recommended caps on "
    "rates.",
    "N:Read the full report here.",
    "The county commission is scheduled to vote on a new contract in September. The "
    "sheriff's office did not respond to repeated requests for comment.",
])

art("civicreport", 2, "Judge tosses charges after police failed to turn over video",
    "2019-04-11", author="Mira Stein", section="Courts", body=[
    "A judge on Wednesday dismissed assault charges against a 19-year-old man after "
    "prosecutors admitted that police had failed to hand over body camera footage for "
    "eight months.",
    "District Judge Alan Forsberg said the delay had violated the defendant's right to a "
    "fair trial.",
    "The footage, which defense attorneys received only last week, appears to show the "
    "officer pushing the young man before the scuffle that led to his arrest.",
    "Forsberg read a timeline of the case from the bench, listing each request the defense "
    "had made.",
    "The report was read aloud in court.",
    "“Eight months,” the judge said. “This is not a close call.”",
    "The prosecutor, Dana Whitcomb, said her office had asked the police department for the "
    "video three times and had been told it did not exist.",
    "The police department said it was reviewing how the footage had been stored.",
    "The Civic Report found at least four other cases in the county in the past two years "
    "in which body camera video was disclosed late.",
])

art("civicreport", 3, "State paid $1.3 million to a contractor it had already banned",
    None, author="Jonah Feld", section="Accountability", body=[
    "The state transportation department paid a paving contractor $1.3 million for work "
    "on rural highways months after another agency barred the company from state "
    "contracts, according to records reviewed by The Civic Report.",
    "The Department of Administration debarred Plainsview Asphalt on January 14, 2019, "
    "after it was found to have falsified test results for concrete on a bridge project.",
    "Transportation officials continued to approve invoices from the company until at "
    "least June.",
    "A department spokesman said the agency had not been notified of the debarment and "
    "that the work was part of a contract signed in 2017.",
    "State law requires agencies to check a central list of debarred contractors before "
    "paying them. The list is updated weekly.",
    "“It’s a spreadsheet,” said Rep. Monica Lau, who chairs the House audit committee. "
    "“Somebody has to open it.”",
    "Plainsview's owner, Derek Simms, said his company had done the work in good faith and "
    "deserved to be paid.",
    "The state inspector general has opened a review.",
])

art("civicreport", 4, "Eviction filings fell after county added free lawyers, data shows",
    "2019-11-06", author="Mira Stein", section="Data", body=[
    "Eviction filings in Marlow County fell by nearly a fifth in the first year of a "
    "program that gives tenants a free lawyer, according to an analysis of court data by "
    "The Civic Report.",
    "Landlords filed 3,140 eviction cases in the twelve months after the program began, "
    "down from 3,870 the year before.",
    "Tenants with a lawyer stayed in their homes in about 60 percent of cases, compared "
    "with about 20 percent of those without one.",
    "Program director Andre Whitfield said many cases now settle before a hearing, with "
    "payment plans for back rent.",
    "“Most landlords don’t want an empty apartment,” he said. “They want to be paid.”",
    "The county spends about $2.4 million a year on the program. A study commissioned by "
    "the county estimated that it saves about $4 million in shelter and emergency costs.",
    "Landlord groups said the program had slowed the courts and made it harder to remove "
    "tenants who cause damage.",
    "The county commission will decide in December whether to expand it to cover tenants "
    "facing eviction from public housing.",
])


# ---------------------------------------------------------------- output

_WORD_RE = re.compile(r"\w+(?:['’]\w+)*")


def render(a: Art) -> list[tuple[str, str]]:
    lines = SITES[a.site](a)
    for label, text in lines:
        assert label in LABELS, (a.name, label)
        assert (label == "blank") == (text == ""), (a.name, label, text)
        assert "\n" not in text, (a.name, text)
    words = sum(len(_WORD_RE.findall(t)) for lab, t in lines if lab == "body")
    assert 150 <= words <= 400, (a.name, words)
    assert sum(lab == "title" for lab, _ in lines) == 1, a.name
    assert sum(lab == "dateline" for lab, _ in lines) == (a.date is not None), a.name
    return lines


def main() -> None:
    for old in list(HERE.glob("*.txt")) + list(HERE.glob("*.labels")):
        old.unlink()
    published: dict[str, str | None] = {}
    names = set()
    for a in ARTICLES:
        assert a.name not in names, a.name
        names.add(a.name)
        lines = render(a)
        (HERE / f"{a.name}.txt").write_text("\n".join(t for _, t in lines) + "\n",
                                            encoding="utf-8")
        (HERE / f"{a.name}.labels").write_text("\n".join(lab for lab, _ in lines) + "\n",
                                               encoding="utf-8")
        published[a.name] = a.date.isoformat() if a.date else None
    (HERE / "published.json").write_text(json.dumps(published, indent=2) + "\n",
                                         encoding="utf-8")
    print(f"{len(ARTICLES)} articles, {len({a.site for a in ARTICLES})} sites, "
          f"{sum(v is None for v in published.values())} undated")


if __name__ == "__main__":
    main()
