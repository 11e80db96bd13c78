"""Event mentions: sentences that report something happening at a resolvable time.

A sentence becomes a mention for each date it anchors an event to. Durations, deadlines
("by Friday"), the far end of ranges and generic seasons anchor nothing; a coarse date
after "since"/"until" only supports an event others report. An article's lead that
gives no date of its own reports the day's news and is dated by the publication (and
says so); a report sentence without a date that follows a day-dated one continues its
event, as does the headline for the lead. A sentence whose date cannot be resolved (no
publication date to anchor "on Wednesday") becomes an undated item instead of a guess.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from dateline.clean.noise import is_caption_sentence
from dateline.dating.inference import anchor_date
from dateline.dating.timex import to_fuzzy_date
from dateline.dating.timex.context import reads_future
from dateline.events.quotes import quote_spans
from dateline.events.roles import parse_sentences
from dateline.events.similarity import content_words, name_phrases, near_date_words
from dateline.lexicon import DEFINITE_WORDS, alternation, reporting_forms
from dateline.model import HEADLINE, Article, Entity, FuzzyDate, Mention, Precision, Sentence, Timex
from dateline.nlp import entities_only

# A date right after one of these words bounds a period or sets a deadline instead of
# dating an event. After "since" or "until" a precise day dates an event (the start of
# what has lasted since: "suspended since July 24"); a month, season or year mostly
# bounds a state ("since last autumn, I check the canal"), so such a mention can
# support an event that other sentences report but never makes one alone; after a
# perfect it dates the onset ("has been trying to buy it since December").
_BOUNDING_WORDS = re.compile(
    r"\b(?:through|throughout|by|from|as of|before|up to|between|within"
    # a yardstick, not when something happened: "shrunk by 18 per cent compared with
    # last year", "compared to the same quarter of 2019"
    r"|compared (?:with|to)(?: the same \w+ (?:of|in))?)\s*$",
    re.IGNORECASE,
)
# A season named alone ("released in summer", "winter generation") is mostly generic,
# whatever year the tagger gives it; "last autumn", "the summer of 2022" are not.
_BARE_SEASON = re.compile(r"(?:spring|summer|autumn|fall|winter)s?", re.IGNORECASE)
_INTERVAL_WORDS = re.compile(r"\b(?:since|until|till)\s*$", re.IGNORECASE)
# ...except where "until" gives the new or only time of the event itself: "delayed until
# October 2007", "not due until October", "will not fly until spring".
_EVENT_UNTIL = re.compile(
    r"\b(?:delay(?:s|ed)?|postpone[sd]?|defer(?:s|red)?|put off|pushed back|moved back|"
    r"not|n't|no)\b(?:\s+[\w'-]+){0,4}?\s+(?:until|till)\s*$", re.IGNORECASE)
# ...and where "since" follows a perfect ("has been trying to buy it since December",
# "has out-sold Boeing since 2003"): the sentence tells what began then, a happening of
# that month or year; "since last autumn, I check the canal" stays a state's edge.
_ONSET_SINCE = re.compile(
    r"\b(?:has|have|had|'s|'ve)\s+(?:(?:not|never|long|been|already|also)\s+)*"
    r"[a-z][\w-]*(?:ed|en|wn|un|ght|ld|ne|pt|id)\b[^.;]*\bsince\s*$", re.IGNORECASE)
# The far end of a range ("between June and September", "from 2019 to 2021").
_LOOK_BACK = 200  # characters before an expression in which its cue words are sought
_RANGE_END = re.compile(r"(?:\band|\bto|\bthrough|-|–)\s*$", re.IGNORECASE)
_ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT"})
_MIN_WORDS = 5
# Lines without closing punctuation are headings, teasers or captions, not reports;
# a long one is more likely a sentence whose full stop the copy lost.
_HEADLINE_MAX_WORDS = 15
_CLOSING = ('.', '!', '?', '"', "'", '”', '’', '…', ':')
# A lead that says someone announced or said something reports today's news, even
# when what was said lies ahead ("Airbus says deliveries will slip", "..., the Air Force
# has announced"); "will be announced" does not.
_ANNOUNCEMENT = re.compile(
    r"(?<!will be )(?<!to be )\b(?:" + alternation(reporting_forms(
        "say", "tell", "announce", "confirm", "state", "report", "reveal", "disclose",
        forms=("present", "past"))) + r")\b", re.IGNORECASE)
# Days named relative to the moment of speaking; inside a direct quote that moment is
# the speaker's, often rhetorical ("Today is a great day"), so they date no event.
_SPEAKERS_DAY = re.compile(r"(?:today|tonight|tomorrow|yesterday|this (?:morning|evening))",
                           re.IGNORECASE)
_LEAD_SENTENCES = 6
NEWS_DAYS = 3  # how far before or after publication a lead's own date may lie


@dataclass(slots=True)
class UndatedItem:
    """A sentence that reports something but whose date could not be resolved."""

    article_id: str
    sentence: str
    expression: str
    reason: str

    def to_dict(self) -> dict:
        return {"article": self.article_id, "sentence": self.sentence,
                "expression": self.expression, "reason": self.reason}


def _bounds_state(sentence: Sentence, timex: Timex, date: FuzzyDate) -> bool:
    before = sentence.text[: timex.start]
    return (date.precision is not Precision.DAY and bool(_INTERVAL_WORDS.search(before))
            and not _EVENT_UNTIL.search(before) and not _ONSET_SINCE.search(before))


def _reads_as_report(text: str) -> bool:
    words = len(text.split())
    if words < _MIN_WORDS or is_caption_sentence(text):
        return False
    return text.rstrip().endswith(_CLOSING) or words > _HEADLINE_MAX_WORDS


def _is_future(sentence: str) -> bool:
    """A sentence announcing what is still to come (the tagger's own tense reading)."""
    return reads_future(sentence, 0, 0)


class SentenceParses:
    """The tagger and parser's reading (no entities) of the sentences extraction parses,
    each distinct text once: ``prefetch`` runs the model over many sentences in one
    batch (about half the CPU of parsing them one at a time, and the same parses),
    calling the object parses one on demand. Made for one chunk of articles."""

    def __init__(self, nlp):
        self.nlp = nlp
        self.pipes = [p for p in ("tok2vec", "tagger", "parser") if p in nlp.pipe_names]
        self.docs: dict[str, object] = {}

    def prefetch(self, texts: Iterable[str], batch_size: int = 64) -> None:
        todo = [text for text in texts if text not in self.docs]
        if todo:
            with self.nlp.select_pipes(enable=self.pipes):
                self.docs.update(parse_sentences(todo, self.nlp, batch_size))

    def __call__(self, text: str):
        if text not in self.docs:
            with self.nlp.select_pipes(enable=self.pipes):
                self.docs[text] = self.nlp(text)
        return self.docs[text]


@dataclass
class ReportPlan:
    """An article's explicit mentions by sentence, before any parse: ``own[k]`` those of
    sentence ``k`` (None for a sentence that does not read as a report), with the lead
    context and the undated items found on the way (see ``extract_mentions``)."""

    context: str
    own: list[list[Mention] | None]
    undated: list[UndatedItem]


def plan_reports(article: Article) -> ReportPlan:
    """Each report sentence's explicit mentions (the first step of ``extract_mentions``),
    so that the sentences a chunk's articles will parse can be parsed together."""
    undated: list[UndatedItem] = []
    lead = " ".join(s.text for s in article.sentences[:_LEAD_SENTENCES])
    context = f"{article.title or ''}\n{lead}"
    quoted = quote_spans(article.text)
    own = [_explicit_mentions(article, sentence, context, undated, quoted)
           if _reads_as_report(sentence.text) else None for sentence in article.sentences]
    return ReportPlan(context, own, undated)


def parses_wanted(article: Article, plan: ReportPlan) -> list[str]:
    """The sentences ``extract_mentions`` will parse, as far as the plan tells: those
    with several dates (``main_clause_dates``), with a future date
    (``_reported_future``), and a lead dated far from publication by its only date
    (``_main_clause_date``). Only a guess to batch on: a sentence left out is parsed
    when it is needed, one guessed needlessly only costs its parse."""
    wanted = []
    lead = True
    for sentence, own in zip(article.sentences, plan.own, strict=True):
        if own is None:
            continue
        if len(own) > 1 or (own and own[0].future) or (
                lead and own and own[0].date.precision is Precision.DAY
                and not own[0].supporting and not _is_news_day(own[0], article)):
            wanted.append(sentence.text)
        lead = False
    return wanted


def extract_mentions(article: Article, nlp=None, parses: SentenceParses | None = None,
                     plan: ReportPlan | None = None
                     ) -> tuple[list[Mention], list[UndatedItem]]:
    """Turn an article's dated sentences into mentions (entities are added later).

    A report sentence with no date of its own that directly follows a dated sentence
    continues its story ("The talks ended at midnight." after "They met on Tuesday.");
    it becomes an inherited mention that can join that event but never makes one.
    A lead that reports its news without any date ("Boeing has unveiled its 787") is
    dated by the article's publication, and says so (``basis="publication"``). With a
    spaCy pipeline (``nlp``), a sentence giving several dates reports the happening its
    main clause dates (see ``main_clause_dates``). ``parses``: the sentences' parses
    (one per text, made with ``nlp``) when the caller shares them between articles;
    ``plan``: ``plan_reports(article)`` when the caller made it.
    """
    if nlp is not None and parses is None:
        parses = SentenceParses(nlp)
    plan = plan if plan is not None else plan_reports(article)
    context, undated = plan.context, plan.undated
    mentions: list[Mention] = []
    previous: Mention | None = None
    lead_news: Mention | None = None
    is_lead = True
    for sentence, own in zip(article.sentences, plan.own, strict=True):
        if own is None:
            previous = None
            continue
        if parses is not None and len(own) > 1:
            own = main_clause_dates(own, parses)
        if parses is not None and own and all(m.future for m in own) and _reported_future(
                own, parses):
            # "The president said he would not stand in the October election": today's
            # statement, dated by publication; the October date dates nothing here.
            own = _publication_mention(article, sentence, context)
            if own and lead_news is not None and lead_news.date == own[0].date:
                # ...and so part of the day's news the lead reports: it follows the lead.
                own = [Mention(article.id, sentence.index, sentence.text, lead_news.date,
                               _carried(lead_news.timex), context=context,
                               continues=lead_news.sentence_index, basis="publication")]
        if is_lead:
            news = next((m for m in own if _is_news_day(m, article)), None)
            if news is None and parses is not None:
                # "The GAO on June 18 called for a re-run": a lead whose main verb its
                # date dates reports that day's news, however long before publication.
                news = _main_clause_date(own, parses)
            if news is None:
                # The lead reports the day's news; dates it gives ("begun two years ago")
                # are background to it.
                own = _publication_mention(article, sentence, context) + own
                news = next((m for m in own if _is_news_day(m, article)), None)
            lead_news = news
            if news is not None and article.title and article.title != sentence.text:
                # The headline tells the lead's news: one more source for its event.
                mentions.append(Mention(article.id, HEADLINE, article.title, news.date,
                                        _carried(news.timex), future=news.future,
                                        context=context, continues=news.sentence_index))
        is_lead = False
        if own:
            mentions.extend(own)
            # Only a day-dated report carries on into the next sentence; a month or year
            # is mostly background ("under the 1987 treaty") that the next one leaves.
            previous = own[0] if own[0].date.precision is Precision.DAY else None
            if own[0].inherited:
                previous = lead_news
        elif previous is not None and not _has_date(sentence) and not _starts_paragraph(
                article.text, sentence):
            mentions.append(Mention(article.id, sentence.index, sentence.text, previous.date,
                                    _carried(previous.timex), future=previous.future,
                                    context=context, continues=previous.sentence_index))
        else:
            previous = None
    mentions.extend(retellings(article, mentions, context))
    return mentions, undated


def _scheduled(sentence: Sentence, timex: Timex, date: FuzzyDate, article: Article) -> bool:
    """Announced rather than reported: the date lies after the article's own date, or a
    coarser period around it ("next week", known as a month) is read as future by the
    tagger's own tense reading."""
    published = anchor_date(article)
    if published is not None and date.first_day > published:
        return True
    if published is not None and (date.last_day < published or date.precision is Precision.DAY):
        return False  # the day itself is the day's news
    return reads_future(sentence.text, timex.start, timex.end)


def _is_news_day(mention: Mention, article: Article) -> bool:
    """A date within a few days of publication: the lead dates its own news."""
    published = anchor_date(article)
    if published is None:
        return True  # nothing to compare with; the stated date stands alone
    return mention.date.compatible(FuzzyDate.from_date(published), NEWS_DAYS)


def _publication_mention(article: Article, sentence: Sentence, context: str) -> list[Mention]:
    """The undated lead's event, dated by a publication date the article states."""
    published = anchor_date(article)
    if published is None or (_is_future(sentence.text)
                              and not _ANNOUNCEMENT.search(sentence.text)):
        return []
    date = FuzzyDate.from_date(published)
    timex = Timex(0, 0, "", "DATE", date.iso())
    return [Mention(article.id, sentence.index, sentence.text, date, timex,
                    context=context, basis="publication")]


def _carried(timex: Timex) -> Timex:
    """The anchor's date for a sentence that does not say it: the value without a span."""
    return Timex(0, 0, "", timex.type, timex.value, timex.mod)


def _has_date(sentence: Sentence) -> bool:
    """Durations ("for three years") and "now" leave the story's time where it was."""
    return any(t.type in ("DATE", "TIME") and "REF" not in t.value for t in sentence.timexes)


def _starts_paragraph(text: str, sentence: Sentence) -> bool:
    return "\n\n" in text[max(0, sentence.start - 3):sentence.start]


def _explicit_mentions(article: Article, sentence: Sentence, context: str,
                       undated: list[UndatedItem], quoted: list[tuple[int, int]]
                       ) -> list[Mention]:
    found: list[Mention] = []
    in_range = False
    for timex in sentence.timexes:
        # The cue patterns end at the expression; a bounded look-back keeps a line of
        # thousands of dates linear.
        before = sentence.text[max(0, timex.start - _LOOK_BACK): timex.start]
        at = sentence.start + timex.start
        if (_SPEAKERS_DAY.fullmatch(timex.text)
                and any(start < at < end for start, end in quoted)):
            continue  # "Today is a great day," he said: the speaker's day, not a dated event
        closes_range = in_range and bool(_RANGE_END.search(before))
        in_range = bool(re.search(r"\b(?:between|from)\s*$", before, re.IGNORECASE))
        if timex.type not in ("DATE", "TIME") or closes_range:
            continue
        if _BOUNDING_WORDS.search(before):
            continue
        if not timex.anchored:
            undated.append(UndatedItem(
                article.id, sentence.text, timex.text,
                "relative date, and the publication date is unknown or only loosely inferred"))
            continue
        date = to_fuzzy_date(timex)
        if (date is None or any(m.date == date for m in found)
                or _BARE_SEASON.fullmatch(timex.text)):
            continue
        found.append(Mention(article.id, sentence.index, sentence.text, date, timex,
                             future=_scheduled(sentence, timex, date, article), context=context,
                             bounding=_bounds_state(sentence, timex, date)))
    return found


_TEMPORAL_HEADS = frozenset({"npadvmod", "tmod", "advmod"})


def _date_attachment(doc, start: int, end: int) -> tuple[int, int]:
    """Whether a date describes a thing the sentence names, and the verb it dates.

    Returns (1 when the date modifies a noun rather than a verb -- "ahead of June's
    referendum", "under the 1987 treaty" -- else 0, the index of the nearest verb above
    it). A clause of its own with its own date ("a draft text, which the assembly
    approved on May 8") reports a happening of its own, so depth alone decides nothing.
    """
    inside = [t for t in doc if t.idx < end and t.idx + len(t) > start]
    if not inside:
        return 1, -1
    head = next((t for t in inside if not (start <= t.head.idx < end) or t.head.i == t.i),
                inside[0])
    parent = head.head
    if parent.tag_ in ("IN", "TO") and parent.head.i != parent.i:
        parent = parent.head
    noun = int(parent.tag_.startswith("NN") and head.dep_ not in _TEMPORAL_HEADS
               and parent.i != head.i)
    token = head
    while token.head.i != token.i and not (token.i != head.i and token.tag_.startswith("VB")):
        token = token.head
    return noun, token.i


def _main_clause_date(mentions: list[Mention], parse: Callable[[str], Any]
                      ) -> Mention | None:
    """The day-dated mention whose date attaches to the sentence's main verb ("The GAO
    on June 18 called for ..."), not to a noun or a clause below it ("a replacement,
    begun two years ago, ..."); None when there is none."""
    candidates = [m for m in mentions if m.date.precision is Precision.DAY
                  and not m.future and not m.supporting]
    if not candidates:
        return None
    doc = parse(candidates[0].sentence)
    for mention in candidates:
        noun, verb = _date_attachment(doc, mention.timex.start, mention.timex.end)
        if verb < 0 or doc[verb].dep_ != "ROOT":
            continue
        if not noun or _between_subject_and_verb(doc, mention.timex.start, doc[verb]):
            return mention
    return None


def _between_subject_and_verb(doc, start: int, verb) -> bool:
    """"The audit office on June 18 called ...": a date between the subject and its verb
    dates the verb, whatever noun the parser hung it on."""
    subject = next((t for t in verb.children if t.dep_ in ("nsubj", "nsubjpass")), None)
    return (subject is not None and subject.idx < start < verb.idx
            and not any(t.tag_.startswith("VB") for t in doc
                        if subject.idx < t.idx < verb.idx))


# Past forms: the model runs without its lemmatizer.
_REPORTING = reporting_forms("say", "tell", "announce", "confirm", "state", "report", "warn",
                             "insist", "pledge", "promise", "vow", "add", "explain",
                             forms=("past",))


def _reported_future(mentions: list[Mention], parse: Callable[[str], Any]) -> bool:
    """Every date lies in what a past reporting verb reports ("said he would ...")."""
    doc = parse(mentions[0].sentence)
    for mention in mentions:
        inside = [t for t in doc if t.idx < mention.timex.end
                  and t.idx + len(t) > mention.timex.start]
        if not inside:
            return False
        token, reported = inside[0], False
        while token.head.i != token.i:
            if token.dep_ == "ccomp" and token.head.tag_ in ("VBD", "VBN") and (
                    token.head.text.lower() in _REPORTING):
                reported = True
            token = token.head
        if not reported:
            return False
    return True


def main_clause_dates(mentions: list[Mention], parse: Callable[[str], Any]
                      ) -> list[Mention]:
    """The dates by which a sentence reports its happenings: one per verb.

    One verb reports one happening and keeps its first date ("arrives on November 11,
    three days later than planned" is one arrival), unless that date is one a plan no
    longer holds ("originally due later this year"); coordinated or relative clauses with
    dates of their own ("fell on Monday and on Tuesday recovered") keep theirs. A date
    that only describes a thing the sentence names ("said on Tuesday, ahead of June's
    referendum") becomes a supporting mention: it can add this sentence to the
    referendum's event that other reports make, but never makes an event alone.
    Parsing only sentences with several dates keeps it cheap. ``parse``: a sentence's
    tagger and parser reading (``SentenceParses``).
    """
    text = mentions[0].sentence
    doc = parse(text)
    ranked = [(*_date_attachment(doc, m.timex.start, m.timex.end), k)
              for k, m in enumerate(mentions)]
    describes_only = min(noun for noun, _, _ in ranked) == 0
    kept, verbs = [], set()
    superseded = {k: bool(_SUPERSEDED.search(m.sentence[max(0, m.timex.start - 40):
                                                         m.timex.start]))
                  for k, m in enumerate(mentions)}
    for noun, verb, k in sorted(ranked, key=lambda r: (r[0], superseded[r[2]],
                                                       mentions[r[2]].timex.start)):
        if noun and describes_only:
            mentions[k].bounding = True
            kept.append(k)
        elif verb not in verbs:
            verbs.add(verb)
            kept.append(k)
    return [mentions[k] for k in sorted(kept)]


# A date a plan no longer holds: "the delivery, originally due later this year, will be
# delayed until October 2007" is delayed until October; the verb keeps its other date.
_SUPERSEDED = re.compile(
    r"\b(?:originally|previously|initially|once)\s+(?:been\s+)?(?:due|scheduled|planned|"
    r"expected|set|slated|meant)\b(?:\s+[\w'-]+){0,2}?\s*$", re.IGNORECASE)


def entities_of(doc) -> list[Entity]:
    """The entities of a processed sentence that ``Mention.entities`` keeps."""
    return [Entity(ent.text, ent.label_) for ent in doc.ents if ent.label_ in _ENTITY_LABELS]


def attach_entities(mentions: list[Mention], nlp, batch_size: int = 64,
                    docs: dict[str, object] | None = None) -> None:
    """Fill ``Mention.entities`` with spaCy entities, running the model once per sentence;
    sentences already parsed (``docs``: text -> doc) are not run again."""
    docs = docs or {}
    unique: dict[str, list[Mention]] = {}
    for mention in mentions:
        unique.setdefault(mention.sentence, []).append(mention)
    texts = [text for text in unique if text not in docs]
    with entities_only(nlp):
        found = dict(zip(texts, nlp.pipe(texts, batch_size=batch_size), strict=True))
    for text, group in unique.items():
        entities = entities_of(docs.get(text) or found[text])
        for mention in group:
            mention.entities = entities


RETELL_SHARED = 2  # words of what happened a dateless sentence shares with the report it retells
RETELL_COMMON = 50  # a word in more dated sentences of the article tells none of them apart
# Reporting words ("statement", "said") tell that someone spoke, not what happened.
_REPORTING_STEMS = frozenset(content_words(" ".join(reporting_forms()))) | frozenset(
    content_words("statement announcement comment report claim"))


_TOKEN = re.compile(r"[\w'’-]+")
_DEFINITE_REACH = 4  # words between a determiner or possessive and the word it refers by


def _refers_back(text: str, stems: set[str]) -> bool:
    """Whether one of ``stems`` is named as something known: after a determiner or a
    possessive within a few words ("Jobs' third period of medical leave", "the award"),
    not introduced as new ("a number of passenger aircraft")."""
    tokens = _TOKEN.findall(text)
    for k, token in enumerate(tokens):
        if not stems & set(content_words(token)):
            continue
        for before in tokens[max(0, k - _DEFINITE_REACH):k]:
            if before.lower() in DEFINITE_WORDS or before.endswith(("'s", "’s", "'", "’")):
                return True
    return False


def name_keys(text: str) -> set[str]:
    """A sentence's names and the words they are shortened to: "Steve Jobs" is also
    "Jobs", "Halvik Motors" also "Halvik"."""
    keys = set()
    for name in name_phrases(text):
        lowered = name.lower()
        keys.add(lowered)
        keys.update(word for word in lowered.split() if len(word) > 2)
    return keys


def what_happened(text: str, names: set[str]) -> set[str]:
    """A sentence's content words beyond its names and its reporting words."""
    in_names = {w for name in names for w in content_words(name)}
    return set(content_words(text)) - in_names - _REPORTING_STEMS


def retellings(article: Article, mentions: list[Mention], context: str) -> list[Mention]:
    """Report sentences without a date that retell what one dated sentence of their
    article reports: they continue its event.

    "This was Jobs' third period of medical leave." gives no date, but its article dates
    the leave ("has been on medical leave since January"). Such a sentence continues the
    dated sentence's event when it shares with it a participant (a name, or a word of
    one: "Halvik" for "Halvik Motors") and at least ``RETELL_SHARED`` words of what
    happened (names and reporting words aside), names one of them as something known
    ("the", "his", a possessive: ``_refers_back``), and when no dated sentence of
    another date shares as many. Only what has happened is retold: an announced date
    ("will be available on July 1") is not a report's anchor. Of a sentence's several
    dates it takes the one whose neighbouring words it shares most. It never makes an
    event alone; decided within the article, it follows the dated sentence wherever
    grouping takes it, in a build and in the store alike.
    """
    stated = [m for m in mentions if not m.inherited and not m.bounding and not m.future
              and m.sentence_index != HEADLINE]
    placed = {m.sentence_index for m in mentions}
    loose = [s for s in article.sentences if s.index not in placed
             and _reads_as_report(s.text) and not _has_date(s)]
    if not stated or not loose:
        return []
    anchors: dict[int, list[Mention]] = {}
    for mention in stated:
        anchors.setdefault(mention.sentence_index, []).append(mention)
    names = {i: name_keys(group[0].sentence) for i, group in anchors.items()}
    dates = {i: {m.date for m in group} for i, group in anchors.items()}
    # Which dated sentences use each word: a retelling is scored against the sentences
    # it shares words with, never against the whole article (linear in a long page).
    postings: dict[str, list[int]] = defaultdict(list)
    for i, group in anchors.items():
        for word in what_happened(group[0].sentence, names[i]):
            postings[word].append(i)
    added = []
    for sentence in loose:
        my_names = name_keys(sentence.text)
        mine = what_happened(sentence.text, my_names)
        shared: Counter[int] = Counter()
        for word in mine:
            if len(postings.get(word, ())) <= RETELL_COMMON:
                shared.update(postings.get(word, ()))
        if not shared:
            continue
        best = max(shared, key=lambda i: (shared[i], -i))
        words = {w for w in mine if best in postings.get(w, ())}
        if (shared[best] < RETELL_SHARED or not my_names & names[best]
                or not _refers_back(sentence.text, words)):
            continue
        if any(count >= shared[best] and dates[i] != dates[best]
               for i, count in shared.items() if i != best):
            continue
        anchor = max(anchors[best], key=lambda m: len(mine & set(near_date_words(m))))
        added.append(Mention(article.id, sentence.index, sentence.text, anchor.date,
                             _carried(anchor.timex), future=anchor.future, context=context,
                             continues=anchor.sentence_index))
    return added
