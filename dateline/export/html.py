"""HTML: one self-contained page (no network) to browse the timeline.

Everything that came from an article is escaped on the way in; the page's only
script filters entries already on the page and never evaluates article text.
"""

from __future__ import annotations

from html import escape

from dateline.export.formatting import display_date, year_of

_STYLE = """
:root { --ink:#1d232b; --muted:#5d6875; --line:#dde2e8; --accent:#1f5fa8; --warn:#9a5b00;
        --bg:#f6f7f9; --card:#fff; }
* { box-sizing: border-box; }
body { margin:0; font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;
       color:var(--ink); background:var(--bg); }
header { background:var(--card); border-bottom:1px solid var(--line); padding:1.2rem 0 1rem; }
main, .wrap { max-width:60rem; margin:0 auto; padding:0 1.2rem; }
h1 { margin:0 0 .2rem; font-size:1.6rem; }
.stats { color:var(--muted); margin:0 0 .8rem; }
#filter { width:100%; padding:.55rem .8rem; font-size:1rem; border:1px solid var(--line);
          border-radius:6px; }
.count { color:var(--muted); font-size:.9rem; margin-top:.4rem; }
h2.year { margin:2rem 0 .6rem; font-size:1.25rem; color:var(--muted);
          border-bottom:2px solid var(--line); padding-bottom:.2rem; }
ol.events { list-style:none; margin:0; padding:0; border-left:3px solid var(--line); }
li.event { position:relative; margin:0 0 1rem 1.2rem; background:var(--card);
           border:1px solid var(--line); border-radius:8px; padding:.8rem 1rem; }
li.event::before { content:""; position:absolute; left:-1.72rem; top:1.05rem; width:.75rem;
                   height:.75rem; border-radius:50%; background:var(--accent);
                   border:2px solid var(--bg); }
li.event.precision-month::before, li.event.precision-year::before { background:#fff;
                   border:2px solid var(--accent); }
.date { font-weight:600; color:var(--accent); font-size:.95rem; }
.precision { font-size:.75rem; color:var(--muted); border:1px solid var(--line);
             border-radius:999px; padding:0 .45rem; margin-left:.4rem; }
.scheduled { font-size:.75rem; color:#fff; background:var(--muted); border-radius:999px;
             padding:0 .45rem; margin-left:.3rem; }
h3 { margin:.2rem 0 .3rem; font-size:1.08rem; }
.summary { margin:.2rem 0 .4rem; }
.meta { color:var(--muted); font-size:.88rem; }
.chip { display:inline-block; background:var(--bg); border:1px solid var(--line);
        border-radius:4px; padding:0 .35rem; margin:0 .2rem .2rem 0; font-size:.82rem; }
.conflict { color:var(--warn); font-size:.88rem; margin:.3rem 0; }
details { margin-top:.4rem; }
summary { cursor:pointer; color:var(--accent); font-size:.9rem; }
ul.sources { margin:.4rem 0 0; padding-left:1.1rem; font-size:.92rem; }
ul.sources li { margin-bottom:.4rem; }
.src { font-weight:600; }
.quote { display:block; color:var(--ink); border-left:3px solid var(--line);
         padding-left:.6rem; margin-top:.15rem; }
ul.quotes, ul.claims { margin:.4rem 0 0; padding-left:1.1rem; font-size:.92rem; }
ul.quotes q { font-style:italic; }
.speaker { font-weight:600; }
.documented { color:var(--warn); font-size:.85rem; }
section.extra { margin:2.5rem 0; }
table { border-collapse:collapse; width:100%; font-size:.88rem; background:var(--card); }
th, td { text-align:left; padding:.35rem .5rem; border-bottom:1px solid var(--line);
         vertical-align:top; }
.hidden { display:none !important; }
footer { color:var(--muted); font-size:.8rem; padding:2rem 0; text-align:center; }
"""

_SCRIPT = """
(function () {
  var box = document.getElementById('filter');
  var items = Array.prototype.slice.call(document.querySelectorAll('li.event'));
  var years = Array.prototype.slice.call(document.querySelectorAll('section.year-block'));
  var counter = document.getElementById('shown');
  box.addEventListener('input', function () {
    var words = box.value.toLowerCase().split(/\\s+/).filter(Boolean);
    var shown = 0;
    items.forEach(function (item) {
      var text = item.textContent.toLowerCase();
      var hit = words.every(function (w) { return text.indexOf(w) !== -1; });
      item.classList.toggle('hidden', !hit);
      if (hit) { shown += 1; }
    });
    years.forEach(function (block) {
      block.classList.toggle('hidden', !block.querySelector('li.event:not(.hidden)'));
    });
    counter.textContent = shown;
  });
})();
"""


def _event_html(event: dict, articles: dict) -> str:
    precision = escape(event["precision"])
    parts = [f'<li class="event precision-{precision}" id="{escape(event["id"])}">',
             f'<span class="date">{escape(display_date(event))}</span>'
             f'<span class="precision">{escape(event["precision"])}</span>']
    if event.get("scheduled"):
        parts.append('<span class="scheduled">scheduled</span>')
    if event.get("date_basis") == "publication":
        parts.append('<span class="precision" title="No source states the date; it is the '
                     'day the reports were published">dated by the report</span>')
    parts.append(f'<h3>{escape(event["title"])}</h3>')
    parts.append(f'<p class="summary">{escape(event["summary"])}</p>')
    meta = []
    if event.get("participants"):
        meta.append("Who: " + "".join(f'<span class="chip">{escape(p)}</span>'
                                      for p in event["participants"][:8]))
    if event.get("location"):
        meta.append(f'Where: <span class="chip">{escape(event["location"])}</span>')
    if meta:
        parts.append('<div class="meta">' + " &middot; ".join(meta) + "</div>")
    if event.get("date_conflicts"):
        readings = "; ".join(f"{escape(c['date'])} ({escape(', '.join(c['articles']))})"
                             for c in event["date_conflicts"])
        parts.append(f'<p class="conflict">Sources disagree on the date: {readings}</p>')
    count = event["source_count"]
    extras = "".join(
        f" &middot; {len(event[key])} {noun}{'s' if len(event[key]) != 1 else ''}"
        for key, noun in (("quotes", "quote"), ("claims", "count claim")) if event.get(key))
    parts.append(f"<details><summary>{count} source{'s' if count != 1 else ''}"
                 f" &middot; {len(event['sources'])} sentence"
                 f"{'s' if len(event['sources']) != 1 else ''}{extras}</summary>")
    if event.get("claims"):
        parts.append('<ul class="claims">' + "".join(_claim_html(c) for c in event["claims"])
                     + "</ul>")
    if event.get("quotes"):
        parts.append('<ul class="quotes">' + "".join(
            f'<li><q>{escape(q["text"])}</q> <span class="speaker">— '
            f'{escape(q["speaker"] or "unattributed")}</span> '
            f'<span class="meta">({escape(q["article"])})</span></li>'
            for q in event["quotes"]) + "</ul>")
    parts.append('<ul class="sources">')
    for source in event["sources"]:
        article = articles.get(source["article"], {})
        label = article.get("title") or source["article"]
        published = article.get("published") or "undated"
        parts.append(f'<li><span class="src">{escape(label)}</span> '
                     f'<span class="meta">({escape(source["article"])}, {escape(published)})</span>'
                     f'<span class="quote">{escape(source["sentence"])}</span></li>')
    parts.append("</ul></details></li>")
    return "".join(parts)


def _claim_html(claim: dict) -> str:
    documented = claim.get("documented")
    count = (f' <span class="documented">this collection documents {documented}</span>'
             if documented is not None else "")
    return (f'<li>Sources say <q>{escape(claim["text"])}</q> '
            f'<span class="meta">({escape(claim["article"])})</span>{count}</li>')


def render_html(record: dict, title: str = "Timeline") -> str:
    articles = {a["id"]: a for a in record["articles"]}
    events = record["events"]
    independent = sum(1 for a in record["articles"] if not a["duplicate_of"])
    body = []
    blocks: dict[str, list[str]] = {}
    for event in events:
        blocks.setdefault(year_of(event), []).append(_event_html(event, articles))
    for year, items in blocks.items():
        body.append(f'<section class="year-block"><h2 class="year">{escape(year)}</h2>'
                    f'<ol class="events">{"".join(items)}</ol></section>')
    if record["undated"]:
        rows = "".join(
            f"<tr><td>{escape(item['article'])}</td>"
            f"<td>{escape(item.get('sentence') or '')}</td><td>{escape(item['reason'])}</td></tr>"
            for item in record["undated"])
        body.append('<section class="extra"><h2 class="year">Undated</h2><table><tr>'
                    '<th>Article</th><th>Sentence</th><th>Why undated</th></tr>'
                    f"{rows}</table></section>")
    rows = "".join(
        f"<tr><td>{escape(a['id'])}</td><td>{escape(a.get('title') or '')}</td>"
        f"<td>{escape(a.get('published') or 'undated')}</td>"
        f"<td>{escape(a.get('published_source') or '')}</td>"
        f"<td>{escape(a.get('duplicate_of') or '')}</td></tr>"
        for a in record["articles"])
    body.append('<section class="extra"><details><summary>Articles read '
                f"({len(record['articles'])})</summary><table><tr><th>Id</th><th>Title</th>"
                "<th>Published</th><th>Date from</th><th>Duplicate of</th></tr>"
                f"{rows}</table></details></section>")
    if record.get("warnings"):
        items = "".join(f"<li>{escape(w)}</li>" for w in record["warnings"])
        body.append('<section class="extra"><details><summary>Input warnings '
                    f"({len(record['warnings'])})</summary><ul>{items}</ul></details></section>")
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy"
 content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<title>{escape(title)}</title><style>{_STYLE}</style></head>
<body><header><div class="wrap"><h1>{escape(title)}</h1>
<p class="stats">{len(events)} events from {independent} articles</p>
<input id="filter" type="search" placeholder="Filter by word, name, place or date…"
 aria-label="Filter events">
<div class="count"><span id="shown">{len(events)}</span> shown</div></div></header>
<main>{"".join(body)}</main>
<footer>Built by dateline. Every entry quotes its sources verbatim.</footer>
<script>{_SCRIPT}</script></body></html>
"""
