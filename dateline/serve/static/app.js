"use strict";
// Set by the server on <body data-uploads>: no inline script, so the CSP can forbid it.
const UPLOADS_ENABLED = document.body.dataset.uploads === "true";
// Dateline page: everything is built with DOM nodes; text from articles is only ever
// inserted as text nodes, never parsed as HTML.
(function () {
  const DAY = 86400000;
  const MONTHS = ["January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December"];
  const SHORT = MONTHS.map((m) => m.slice(0, 3));
  const SVGNS = "http://www.w3.org/2000/svg";
  const state = { events: [], total: 0, selected: null, view: null, domain: null, fresh: new Set() };
  const $ = (id) => document.getElementById(id);

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === "class") node.className = value;
      else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value === true ? "" : value);
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }
  function svg(tag, attrs, ...children) {
    const node = document.createElementNS(SVGNS, tag);
    for (const [key, value] of Object.entries(attrs || {})) node.setAttribute(key, value);
    for (const child of children) node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    return node;
  }
  const parseDay = (iso) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10));
  function dateLabel(ev) {
    const [y, m, d] = ev.date.split("-");
    if (ev.precision === "year") return y;
    if (ev.precision === "month") return `${MONTHS[+m - 1]} ${y}`;
    return `${+d} ${MONTHS[+m - 1]} ${y}`;
  }
  function plural(n, word) { return `${n} ${word}${n === 1 ? "" : "s"}`; }

  // ---------- filters and loading ----------
  const form = $("filters");
  function filtersFromForm() {
    const data = new FormData(form);
    const params = new URLSearchParams();
    for (const [key, value] of data.entries()) if (String(value).trim()) params.set(key, String(value).trim());
    return params;
  }
  function formFromUrl() {
    const params = new URLSearchParams(location.search);
    for (const name of ["q", "entity", "source", "from", "to", "dates", "per_date"]) {
      const input = form.elements[name];
      if (input && params.has(name)) input.value = params.get(name);
    }
  }
  async function getJSON(url) {
    const response = await fetch(url, { headers: { Accept: "application/json" } });
    if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
    return response.json();
  }
  async function loadFacets() {
    const facets = await getJSON("/api/facets");
    const stats = $("stats");
    stats.replaceChildren(el("b", {}, facets.events.toLocaleString()), " events from ",
      el("b", {}, facets.articles.toLocaleString()), " articles");
    if (facets.date_min) stats.append(el("span", { class: "years" }, `${facets.date_min.slice(0, 4)}–${facets.date_max.slice(0, 4)}`));
    $("entity-list").replaceChildren(...facets.entities.map((e) => el("option", { value: e.name })));
    const select = $("f-source");
    const current = new URLSearchParams(location.search).get("source") || select.value;
    select.replaceChildren(el("option", { value: "" }, "All sources"),
      ...facets.sources.map((s) => el("option", { value: s.name }, `${s.name} (${s.events})`)));
    if (current && ![...select.options].some((o) => o.value === current)) select.append(el("option", { value: current }, current));
    select.value = current || "";
    return facets;
  }
  async function loadEvents(keepView) {
    const params = filtersFromForm();
    const query = params.toString();
    history.replaceState(null, "", query ? `?${query}` : location.pathname);
    params.set("limit", "2000");
    $("events").setAttribute("aria-busy", "true");
    try {
      const data = await getJSON(`/api/events?${params}`);
      state.events = data.events;
      state.total = data.total;
    } catch (error) {
      state.events = [];
      $("events").replaceChildren(el("p", { class: "empty" }, `Could not load events (${error.message}).`));
      return;
    } finally {
      $("events").setAttribute("aria-busy", "false");
    }
    computeDomain();
    if (!keepView || !state.view) state.view = state.domain ? { ...state.domain } : null;
    renderList();
    drawChart();
  }
  form.addEventListener("submit", (event) => { event.preventDefault(); loadEvents(false); });
  form.addEventListener("change", (event) => { if (event.target.name !== "q") loadEvents(false); });
  $("f-reset").addEventListener("click", () => { form.reset(); $("f-source").value = ""; loadEvents(false); });
  // A name clicked as a filter is one term of the entity query (the language of
  // `dateline build --query`): quoted when it holds what the query reads as syntax.
  function entityTerm(name) {
    return /[()"]|\b(AND|OR|NOT)\b/.test(name) ? `"${name.replace(/"/g, "")}"` : name;
  }

  function setFilter(name, value) {
    form.elements[name].value = name === "entity" ? entityTerm(value) : value;
    closeDetail();
    loadEvents(false);
    window.scrollTo({ top: 0, behavior: "smooth" });
  }

  // ---------- event list ----------
  function renderList() {
    const box = $("events");
    if (!state.events.length) {
      const filtered = filtersFromForm().toString();
      box.replaceChildren(el("p", { class: "empty" }, filtered ? "No event matches these filters." :
        "The timeline is empty. Add articles to start it."));
      return;
    }
    const nodes = [];
    let heading = null;
    for (const ev of state.events) {
      const [y, m] = ev.date.split("-");
      const label = ev.precision === "year" ? y : `${MONTHS[+m - 1]} ${y}`;
      if (label !== heading) { heading = label; nodes.push(el("h2", { class: "month" }, label)); }
      nodes.push(eventCard(ev));
    }
    if (state.total > state.events.length) {
      const dated = form.elements.dates && form.elements.dates.value;
      nodes.push(el("p", { class: "empty" }, dated
        ? `${state.total} events, ${state.events.length} shown on ${new Set(state.events.map((e) => e.date)).size} dates; raise Dates to see more.`
        : `Showing the first ${state.events.length} of ${state.total} events; narrow the filters to see the rest.`));
    }
    box.replaceChildren(...nodes);
  }
  function eventCard(ev) {
    const [y, m, d] = ev.date.split("-");
    const when = ev.precision === "day"
      ? el("div", { class: "when" }, el("span", { class: "d" }, +d), el("span", { class: "m" }, `${SHORT[+m - 1]} ${y}`))
      : ev.precision === "month"
        ? el("div", { class: "when" }, el("span", { class: "d" }, SHORT[+m - 1]), el("span", { class: "m" }, y), el("span", { class: "p" }, "month"))
        : el("div", { class: "when" }, el("span", { class: "d" }, y), el("span", { class: "p" }, "year"));
    const meta = el("div", { class: "meta" },
      el("span", { class: "badge sources" }, plural(ev.source_count, "source")),
      ev.date_conflicts.length ? el("span", { class: "badge conflict", title: "Sources give different dates" }, "⚠ dates disagree") : null,
      ev.scheduled ? el("span", { class: "badge scheduled" }, "scheduled") : null,
      state.fresh.has(ev.id) ? el("span", { class: "badge new" }, "new") : null,
      ev.location ? el("span", { class: "chip place", title: "Filter by this place", onclick: (e) => { e.stopPropagation(); setFilter("entity", ev.location); } }, ev.location) : null,
      ...ev.participants.slice(0, 4).map((p) => el("span", { class: "chip", title: "Filter by this entity", onclick: (e) => { e.stopPropagation(); setFilter("entity", p); } }, p)));
    const card = el("article", { class: "event" + (state.selected === ev.id ? " selected" : ""), tabindex: "0", "data-id": ev.id,
      onclick: () => openDetail(ev.id), onkeydown: (e) => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); openDetail(ev.id); } } },
    when, el("div", {}, el("h3", {}, ev.title), el("p", { class: "summary" }, ev.summary), meta));
    return card;
  }

  // ---------- zoomable chart ----------
  const chart = $("chart");
  const plot = $("chart-svg");
  const tip = $("chart-tip");
  function computeDomain() {
    if (!state.events.length) { state.domain = null; state.all = null; return; }
    let lo = Infinity, hi = -Infinity;
    for (const ev of state.events) {
      ev._t0 = parseDay(ev.first_day);
      ev._t1 = parseDay(ev.last_day) + DAY;
      lo = Math.min(lo, ev._t0); hi = Math.max(hi, ev._t1);
    }
    const pad = Math.max((hi - lo) * 0.04, 3 * DAY);
    state.all = { t0: lo - pad, t1: hi + pad };
    // The default view frames where most events are: a few stray old or coarse dates
    // should not squeeze the rest into a corner ("All" shows everything).
    const precise = state.events.filter((ev) => ev.precision === "day");
    const starts = (precise.length ? precise : state.events).map((ev) => (ev._t0 + ev._t1) / 2).sort((a, b) => a - b);
    const at = (q) => starts[Math.min(starts.length - 1, Math.max(0, Math.round(q * (starts.length - 1))))];
    let f0 = at(0.05), f1 = at(0.95);
    if (f1 - f0 < 20 * DAY) { const mid = (f0 + f1) / 2; f0 = mid - 10 * DAY; f1 = mid + 10 * DAY; }
    const fpad = (f1 - f0) * 0.08;
    state.domain = { t0: Math.max(f0 - fpad, state.all.t0), t1: Math.min(f1 + fpad, state.all.t1) };
  }
  // Tick units from fine to coarse; the first one whose labels get enough room wins.
  const UNITS = [
    { days: 1, kind: "day", step: 1 }, { days: 2, kind: "day", step: 2 },
    { days: 7, kind: "day", step: 7 }, { days: 31, kind: "month", step: 1 },
    { days: 92, kind: "month", step: 3 }, { days: 183, kind: "month", step: 6 },
    { days: 366, kind: "year", step: 1 }, { days: 731, kind: "year", step: 2 },
    { days: 1827, kind: "year", step: 5 }, { days: 3653, kind: "year", step: 10 },
    { days: 7305, kind: "year", step: 20 }, { days: 18263, kind: "year", step: 50 },
    { days: 36525, kind: "year", step: 100 }];
  function ticks(t0, t1, width) {
    const pxPerDay = width / Math.max((t1 - t0) / DAY, 1e-9);
    const unit = UNITS.find((u) => u.days * pxPerDay >= (u.kind === "day" ? 34 : 58)) || UNITS[UNITS.length - 1];
    const out = [];
    const start = new Date(t0);
    if (unit.kind === "year") {
      let y = Math.floor(start.getUTCFullYear() / unit.step) * unit.step;
      for (; Date.UTC(y, 0, 1) <= t1; y += unit.step) out.push({ t: Date.UTC(y, 0, 1), label: String(y), major: true });
    } else if (unit.kind === "month") {
      let y = start.getUTCFullYear(), m = 0;
      for (; Date.UTC(y, m, 1) <= t1; m += unit.step) {
        if (m > 11) { m -= 12; y += 1; }
        const t = Date.UTC(y, m, 1);
        if (t >= t0 - 366 * DAY) out.push({ t, label: m === 0 ? String(y) : SHORT[m], major: m === 0 });
      }
    } else {
      const first = Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), start.getUTCDate());
      for (let t = first; t <= t1; t += DAY) {
        const d = new Date(t);
        const dom = d.getUTCDate();
        if (dom === 1) out.push({ t, label: `${SHORT[d.getUTCMonth()]} ${d.getUTCFullYear()}`, major: true });
        else if ((dom - 1) % unit.step === 0 && dom + unit.step <= 29 + (unit.step === 1 ? 3 : 0)) out.push({ t, label: String(dom), major: false });
      }
    }
    return out;
  }
  function drawChart() {
    const width = chart.clientWidth, height = chart.clientHeight;
    plot.setAttribute("viewBox", `0 0 ${width} ${height}`);
    plot.replaceChildren();
    if (!state.view) { $("chart-range").textContent = ""; return; }
    const { t0, t1 } = state.view;
    const x = (t) => ((t - t0) / (t1 - t0)) * width;
    const axisY = height - 30;
    const grid = svg("g", {});
    for (const tick of ticks(t0, t1, width)) {
      const px = x(tick.t);
      if (px < -40 || px > width + 40) continue;
      grid.append(svg("g", { class: "tick" + (tick.major ? " major" : ""), transform: `translate(${px.toFixed(1)},0)` },
        svg("line", { y1: 8, y2: axisY, "stroke-dasharray": tick.major ? "" : "2 4" }),
        svg("text", { y: axisY + 18, "text-anchor": "middle" }, tick.label)));
    }
    plot.append(grid, svg("line", { class: "axis", x1: 0, x2: width, y1: axisY, y2: axisY }));
    // Lanes: day events stack upwards as dots; month and year events are thin bars in
    // their own band along the axis, so long periods do not hide the precise dates.
    const visible = state.events.filter((ev) => ev._t1 >= t0 && ev._t0 <= t1);
    const dayEnds = [], coarseEnds = [];
    const coarseLane = 9, coarseLanes = 4, dayBase = axisY - 14 - coarseLanes * coarseLane - 12;
    const laneHeight = 22, maxLanes = Math.max(1, Math.floor((dayBase - 8) / laneHeight) + 1);
    const marks = svg("g", {});
    const order = [...visible].sort((a, b) => a._t0 - b._t0 || b.source_count - a.source_count);
    const place = (ends, limit, left, right) => {
      let lane = ends.findIndex((end) => end < left - 3);
      if (lane === -1) lane = ends.length < limit ? ends.length : ends.indexOf(Math.min(...ends));
      ends[lane] = Math.max(right, ends[lane] ?? -Infinity);
      return lane;
    };
    for (const ev of order) {
      const coarse = ev.precision !== "day";
      const r = Math.min(4 + 2.2 * Math.sqrt(ev.source_count), 11);
      let left = x(ev._t0), right = x(ev._t1);
      let cy;
      if (coarse) {
        if (right - left < 8) right = left + 8;
        cy = axisY - 10 - place(coarseEnds, coarseLanes, left, right) * coarseLane;
      } else {
        const mid = (left + right) / 2; left = mid - r; right = mid + r;
        cy = dayBase - place(dayEnds, maxLanes, left, right) * laneHeight;
      }
      const cls = "ev" + (coarse ? " coarse" : "") + (ev.date_conflicts.length ? " conflict" : "") + (state.selected === ev.id ? " selected" : "");
      const group = svg("g", { class: cls, "data-id": ev.id });
      group.append(coarse
        ? svg("rect", { x: left.toFixed(1), y: (cy - 3).toFixed(1), width: Math.max(8, right - left).toFixed(1), height: 6, rx: 3 })
        : svg("circle", { cx: ((left + right) / 2).toFixed(1), cy: cy.toFixed(1), r: r.toFixed(1) }));
      group.addEventListener("pointerenter", () => showTip(ev, Math.min(Math.max((left + right) / 2, 0), chart.clientWidth), cy));
      group.addEventListener("pointerleave", () => { tip.hidden = true; });
      marks.append(group);
    }
    plot.append(marks);
    const fmt = (t) => new Date(t).toISOString().slice(0, 10);
    $("chart-range").textContent = `${fmt(t0)} → ${fmt(t1)} · ${plural(visible.length, "event")} in view`;
  }
  function showTip(ev, px, py) {
    tip.replaceChildren(el("b", {}, dateLabel(ev)), ev.title);
    tip.hidden = false;
    const w = chart.clientWidth;
    tip.style.left = `${Math.min(Math.max(px - 120, 6), w - 306)}px`;
    tip.style.top = `${Math.max(py - 70, 4)}px`;
  }
  function zoom(factor, anchorPx) {
    if (!state.view) return;
    const width = chart.clientWidth;
    const { t0, t1 } = state.view;
    const at = t0 + ((anchorPx ?? width / 2) / width) * (t1 - t0);
    let span = (t1 - t0) * factor;
    span = Math.min(Math.max(span, 7 * DAY), 400 * 365 * DAY);
    const ratio = (at - t0) / (t1 - t0);
    state.view = { t0: at - ratio * span, t1: at - ratio * span + span };
    drawChart();
  }
  function pan(dxPx) {
    if (!state.view) return;
    const shift = (dxPx / chart.clientWidth) * (state.view.t1 - state.view.t0);
    state.view = { t0: state.view.t0 - shift, t1: state.view.t1 - shift };
    drawChart();
  }
  chart.addEventListener("wheel", (e) => {
    e.preventDefault();
    const rect = chart.getBoundingClientRect();
    if (Math.abs(e.deltaX) > Math.abs(e.deltaY)) pan(-e.deltaX);
    else zoom(Math.exp(e.deltaY * 0.0015), e.clientX - rect.left);
  }, { passive: false });
  let drag = null;
  chart.addEventListener("pointerdown", (e) => {
    drag = { x: e.clientX, moved: 0 }; state.dragged = false;
    chart.setPointerCapture(e.pointerId); chart.classList.add("dragging");
  });
  chart.addEventListener("pointermove", (e) => {
    if (!drag) return;
    const dx = e.clientX - drag.x;
    drag.moved += Math.abs(dx); drag.x = e.clientX;
    if (drag.moved > 4) { state.dragged = true; tip.hidden = true; pan(dx); }
  });
  const endDrag = (e) => {
    if (!drag) return;
    chart.classList.remove("dragging");
    if (!state.dragged) {  // a click: pointer capture sends it to the chart, find the mark below
      const target = document.elementsFromPoint(e.clientX, e.clientY).find((n) => n.closest && n.closest(".ev"));
      if (target) openDetail(target.closest(".ev").getAttribute("data-id"));
    }
    drag = null;
    setTimeout(() => { state.dragged = false; }, 0);
  };
  chart.addEventListener("pointerup", endDrag);
  chart.addEventListener("pointercancel", () => { drag = null; chart.classList.remove("dragging"); });
  chart.addEventListener("keydown", (e) => {
    if (e.key === "ArrowLeft") pan(80); else if (e.key === "ArrowRight") pan(-80);
    else if (e.key === "+" || e.key === "=") zoom(0.7); else if (e.key === "-") zoom(1 / 0.7);
    else return;
    e.preventDefault();
  });
  document.querySelectorAll("[data-zoom]").forEach((button) => button.addEventListener("click", () => {
    const kind = button.getAttribute("data-zoom");
    if (kind === "in") zoom(0.6); else if (kind === "out") zoom(1 / 0.6);
    else if (kind === "all") { state.view = state.all ? { ...state.all } : null; drawChart(); }
    else { state.view = state.domain ? { ...state.domain } : null; drawChart(); }
  }));
  new ResizeObserver(() => drawChart()).observe(chart);

  // ---------- event detail ----------
  function highlighted(sentence, timex) {
    let start = timex.start, end = timex.end;
    if (sentence.slice(start, end) !== timex.text) {
      start = sentence.indexOf(timex.text);
      end = start + timex.text.length;
    }
    if (start < 0 || !timex.text) return [sentence];
    return [sentence.slice(0, start), el("mark", { title: `${timex.type} ${timex.value}` }, sentence.slice(start, end)), sentence.slice(end)];
  }
  async function openDetail(id) {
    let record;
    try { record = await getJSON(`/api/events/${encodeURIComponent(id)}`); } catch (error) { return; }
    state.selected = id;
    document.querySelectorAll(".event.selected, .ev.selected").forEach((n) => n.classList.remove("selected"));
    document.querySelectorAll(`[data-id="${CSS.escape(id)}"]`).forEach((n) => n.classList.add("selected"));
    const articles = Object.fromEntries(record.articles.map((a) => [a.id, a]));
    const body = [
      el("p", { class: "kicker" }, dateLabel(record), record.precision !== "day" ? ` · known to the ${record.precision}` : "", record.scheduled ? " · scheduled" : ""),
      el("h2", { id: "detail-title" }, record.title),
      el("p", { class: "lead" }, record.summary),
    ];
    const chips = el("div", { class: "meta" },
      record.location ? el("span", { class: "chip place", onclick: () => setFilter("entity", record.location) }, record.location) : null,
      ...record.participants.map((p) => el("span", { class: "chip", onclick: () => setFilter("entity", p) }, p)));
    if (chips.childNodes.length) body.push(chips);
    if (record.date_conflicts.length) {
      body.push(el("div", { class: "conflict-box", role: "note" },
        el("strong", {}, "Sources disagree on the date."), ` This timeline uses ${record.date}, the date most sources give.`,
        el("ul", {}, ...record.date_conflicts.map((c) => el("li", {}, el("b", {}, c.date), " — ", c.articles.map((a) => (articles[a] && articles[a].title) || a).join("; "))))));
    }
    body.push(el("h3", {}, `${plural(record.source_count, "source")} · ${plural(record.mentions.length, "supporting sentence")}`));
    const byArticle = new Map();
    for (const mention of record.mentions) {
      if (!byArticle.has(mention.article)) byArticle.set(mention.article, []);
      byArticle.get(mention.article).push(mention);
    }
    for (const [articleId, mentions] of byArticle) {
      const article = articles[articleId] || { id: articleId };
      const who = el("div", { class: "who" }, el("b", {}, article.title || articleId),
        article.site ? el("span", {}, article.site) : null,
        article.published ? el("span", {}, `published ${article.published}`) : null,
        el("span", {}, articleId));
      // A headline (sentence index -1) or a sentence without a date expression joins the
      // event by its story; it never "dates" it.
      const undated = (m) => m.sentence_index < 0 || !(m.timex && m.timex.text);
      const quotes = mentions.map((m) => undated(m)
        ? el("blockquote", {}, "“", m.sentence, "”",
          el("div", { class: "date-note" }, m.sentence_index < 0 ? "headline · gives no date" : "gives no date of its own"))
        : el("blockquote", {}, "“", ...highlighted(m.sentence, m.timex), "”",
          el("div", { class: "date-note" + (m.date !== record.date ? " off" : "") }, `dates it ${m.date}`)));
      body.push(el("section", { class: "source" }, who, ...quotes));
    }
    $("detail-body").replaceChildren(...body);
    $("detail").hidden = false;
    $("scrim").hidden = false;
    $("detail").scrollTop = 0;
    $("detail-close").focus();
  }
  function closeDetail() {
    $("detail").hidden = true;
    $("scrim").hidden = true;
  }
  $("detail-close").addEventListener("click", closeDetail);
  $("scrim").addEventListener("click", closeDetail);
  document.addEventListener("keydown", (e) => { if (e.key === "Escape" && !$("detail").hidden) closeDetail(); });

  // ---------- upload ----------
  const dialog = $("upload");
  const openButton = $("upload-open");
  if (!UPLOADS_ENABLED) {
    openButton.disabled = true;
    openButton.title = "Start the server with --token (or DATELINE_TOKEN) to enable uploads";
  }
  openButton.addEventListener("click", () => {
    $("upload-token").value = sessionStorage.getItem("dateline-token") || "";
    $("upload-result").replaceChildren();
    $("upload-result").className = "upload-result";
    dialog.showModal();
  });
  $("upload-cancel").addEventListener("click", () => dialog.close());
  $("upload-form").addEventListener("submit", async (e) => {
    e.preventDefault();
    const files = $("upload-files").files;
    const token = $("upload-token").value.trim();
    const result = $("upload-result");
    if (!files.length) return;
    const data = new FormData();
    for (const file of files) data.append("files", file, file.name);
    $("upload-submit").disabled = true;
    result.className = "upload-result";
    result.replaceChildren("Reading and dating the articles…");
    try {
      const response = await fetch("/api/articles", { method: "POST", body: data, headers: { Authorization: `Bearer ${token}` } });
      const payload = await response.json().catch(() => ({}));
      if (!response.ok && !(payload.added && payload.added.length)) {
        result.className = "upload-result bad";
        const lines = payload.errors || [typeof payload.detail === "string" ? payload.detail : `upload failed (${response.status})`];
        result.replaceChildren(el("strong", {}, "Nothing was added."), el("ul", {}, ...lines.map((l) => el("li", {}, l))));
        return;
      }
      sessionStorage.setItem("dateline-token", token);
      const before = new Set(state.events.map((ev) => ev.id));
      result.className = "upload-result ok";
      result.replaceChildren(
        el("strong", {}, payload.added.length ? `Added ${plural(payload.added.length, "article")}.` : "No new article."),
        payload.already.length ? ` ${plural(payload.already.length, "file")} already in the timeline.` : "",
        payload.errors.length ? el("ul", {}, ...payload.errors.map((l) => el("li", {}, l))) : "");
      $("upload-files").value = "";
      await loadFacets();
      await loadEvents(true);
      state.fresh = new Set(state.events.map((ev) => ev.id).filter((id) => !before.has(id)));
      renderList();
    } catch (error) {
      result.className = "upload-result bad";
      result.replaceChildren(`Upload failed: ${error.message}`);
    } finally {
      $("upload-submit").disabled = false;
    }
  });

  formFromUrl();
  loadFacets().catch(() => {}).finally(() => loadEvents(false));
})();
