"""Short titles for events, cut from the source sentence around its date.

A sentence often reports several things; the date tells which one the event is. With a
dependency parse, the title is the phrase the date modifies: the clause of the verb it
attaches to (subject, verb, object, first complements) or, when the date qualifies a
noun ("the 1987 treaty", "talks on Tuesday"), that noun phrase. Without a parser, the
sentence is trimmed by patterns instead.
"""

from __future__ import annotations

import re

from dateline.lexicon import (
    DATELINE_PREFIX_RE,
    ENTRY_STAMP_RE,
    alternation,
    reporting_forms,
)
from dateline.model import Mention, Quote

MAX_TITLE_WORDS = 16

_ATTRIBUTION_FORMS = alternation(reporting_forms("say", "report", "announce", "confirm",
                                                 forms=("present", "past")))
_ATTRIBUTION = re.compile(
    r",?\s*(?:according to [^,.]+|(?:an? |the )?[\w\s.'\-]{0,50}?\b(?:told [\w\s]+|"
    + _ATTRIBUTION_FORMS + r"))\s*[.!]?\s*$",
    re.IGNORECASE,
)
# Every match of _ATTRIBUTION holds one of these, with the same flags: a sentence with
# none is left as it is without trying the pattern's lazy run of up to 50 characters at
# each of its characters (0.37 ms a news sentence; about 1 in 7 has a cue).
_ATTRIBUTION_CUE = re.compile(
    r"according to |told |(?:" + _ATTRIBUTION_FORMS + r")\s*[.!]?\s*$", re.IGNORECASE)
_DATE_PREPOSITION = re.compile(r"\b(?:on|in|at|during|earlier|late|early)\s*$", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r",|;|\s[—–-]\s|\bwhich\b|\bwhere\b|\bafter\b|\bbecause\b")

# Dependents that carry the core of a clause; everything else is left out of a title.
_CLAUSE_KEEP = frozenset({"nsubj", "nsubjpass", "csubj", "aux", "auxpass", "neg", "dobj", "advmod",
                          "prt", "acomp", "attr", "xcomp", "agent", "dative", "oprd",
                          "ccomp", "prep"})
_PHRASE_DROP = frozenset({"relcl", "appos", "acl", "advcl", "punct", "cc", "conj",
                          "parataxis", "mark", "npadvmod"})
_REPORTING = reporting_forms("say", "tell", "announce", "confirm", "report", "add",
                             forms=("base", "present", "past"))


_LEADING_LINKS = re.compile(r"^(?:which|who|that|when|where|while|as|because|after|before|"
                            r"if|and|but|so)\s+", re.IGNORECASE)


def _tidy(text: str) -> str:
    text = re.sub(r"\s+", " ", text)
    text = _LEADING_LINKS.sub("", text.strip())
    text = re.sub(r"\s+([,.;:!?’”)])", r"\1", text)
    text = re.sub(r"([(“‘])\s+", r"\1", text)
    text = re.sub(r"(?:,\s*){2,}", ", ", text)
    text = text.strip(" ,;:.—–-")
    if text.count('"') % 2:
        text = text.replace('"', "")
    for opening, closing in (("“", "”"), ("(", ")")):
        if text.count(opening) != text.count(closing):
            text = text.replace(opening, "").replace(closing, "")
    return text[:1].upper() + text[1:]


def _shorten(text: str) -> str:
    words = text.split()
    if len(words) <= MAX_TITLE_WORDS:
        return text
    cut = None
    for match in _CLAUSE_BREAK.finditer(text):
        words_before = len(text[: match.start()].split())
        if words_before > MAX_TITLE_WORDS:
            break  # later breaks only come after more words
        if words_before >= 5:
            cut = match.start()
    return text[:cut].rstrip(" ,;") if cut else " ".join(words[:MAX_TITLE_WORDS]) + "…"


# An aside set off by commas after a sentence's first words and before its verb ("Alan
# Greenspan, once viewed as the architect of the boom, was called ..."), or by dashes
# inside a sentence ("more mass layoffs -- instances in which ... -- than in any month";
# a dateline's dash follows capitals): a long title loses it before it is cut, so the cut
# never ends inside it.
_COMMA_ASIDE = re.compile(
    r"^([A-Z][^,]{2,60}?),\s+[^,]{3,120}?,\s+(?!(?:who|whose|which|this)\b)"
    r"(?=(?:[a-z]+(?:ed|es|s)|was|were|is|are|has|have|had|will|would|can|could|may|must|"
    r"did|does|told|said|met|led|won|lost|left|took|made|became|began|fell|rose|went|came|"
    r"gave|sent|held|ran|spoke|wrote|stood|fled|hit|cut|paid|sold|bought)\b)")
_DASH_ASIDE = re.compile(r"(?<=[a-z0-9])\s+(?:--|—|–)\s+[^—–,]{3,120}?\s+(?:--|—|–)\s+")


def _without_asides(text: str) -> str:
    if len(text.split()) <= MAX_TITLE_WORDS:
        return text
    text = _DASH_ASIDE.sub(" ", text)
    return _COMMA_ASIDE.sub(r"\1 ", text, count=1)


def title_by_patterns(mention: Mention) -> str:
    """A title without a parser: the sentence minus dateline, date phrase and attribution."""
    text = mention.sentence
    start, end = mention.timex.start, mention.timex.end
    stamp = ENTRY_STAMP_RE.match(text)
    if stamp and stamp.end() < len(text):
        text, start, end = text[stamp.end():], start - stamp.end(), end - stamp.end()
    if 0 <= start < end <= len(text) and text[start:end] == mention.timex.text:
        after = text[end:]
        possessive = re.match(r"['’]s\b", after)
        if possessive:  # "in Tuesday's vote" -> "in the vote", "today's crisis" -> "the crisis"
            text = text[:start] + "the" + after[possessive.end():]
        else:
            before = _DATE_PREPOSITION.sub("", text[:start]).rstrip(" ,")
            text = before + " " + after.lstrip(" ,")
    text = DATELINE_PREFIX_RE.sub("", text).strip().strip('"“”')
    shortened = _ATTRIBUTION.sub("", text) if _ATTRIBUTION_CUE.search(text) else text
    if len(shortened.split()) >= 4:
        text = shortened
    return _tidy(_shorten(_without_asides(_tidy(text)))) or mention.sentence[:80]


def _climb(anchor, dropped: set[int]):
    """From the word a date attaches to, up to the head of the phrase it dates."""
    first = True
    # spaCy makes a new Token object on every access: the root is the token whose head
    # has its own index (an identity test never ends on a root tagged ADV or ADP).
    while anchor.head.i != anchor.i:
        if anchor.pos_ in ("ADP", "ADV", "PART", "SCONJ"):
            if anchor.pos_ == "ADP" and first:  # "on Tuesday": the preposition goes too
                dropped.add(anchor.i)
            anchor = anchor.head
        elif (anchor.pos_ in ("NOUN", "PROPN") and anchor.dep_ == "pobj"
              and anchor.head.lower_ == "of" and anchor.head.head.pos_ in ("NOUN", "PROPN")):
            anchor = anchor.head.head  # "talks" in "the first round of talks"
        elif (anchor.pos_ in ("VERB", "AUX", "ADJ")
              and anchor.dep_ in ("xcomp", "conj", "relcl", "acl", "advcl", "amod", "acomp")
              and not any(c.dep_.startswith("nsubj") for c in anchor.children)):
            # "began filling in 2023", "talks, due in Geneva on Thursday": the subject
            # belongs to the head.
            anchor = anchor.head
        else:
            break
        first = False
    return anchor


_SUBJECTS = ("nsubj", "nsubjpass", "csubj", "csubjpass", "expl")
_RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})


def _subject(verb):
    return next((c for c in verb.children if c.dep_ in _SUBJECTS), None)


def _governing_clause(anchor):
    """The nearest clause with a subject above a subject-less verb ("is due to hold",
    "agreed a framework on sharing ..."): a headline names who did it."""
    verb = anchor
    while _subject(verb) is None and verb.head.i != verb.i:
        if verb.dep_ in ("relcl", "ccomp", "advcl", "parataxis", "acl"):
            return anchor  # its own clause: the subject is elsewhere by design
        if verb.pos_ in ("NOUN", "PROPN") and verb.dep_ != "dobj":
            return anchor  # "for the first time since defecting": an aside, not the clause's act
        verb = verb.head
        if verb.pos_ in ("VERB", "AUX") and _subject(verb) is not None:
            return verb
    return anchor


def _dateline_tokens(doc) -> set[int]:
    """A wire dateline ("SARN — ") or a live blog's entry stamp ("1:49 a.m. local:") at the
    start, which the parser may take as the subject."""
    stamp = ENTRY_STAMP_RE.match(doc.text) or DATELINE_PREFIX_RE.match(doc.text)
    if stamp:
        return {t.i for t in doc if t.idx < stamp.end()}
    for token in doc[:6]:
        if token.text in ("—", "–", "-", ":") and token.i > 0:
            if all(t.is_upper or t.is_punct for t in doc[:token.i]):
                return set(range(token.i + 1))
            return set()
    return set()


def _phrase(head, dropped: set[int], clause: bool, skip: frozenset[int] = frozenset()) -> list:
    """The kept tokens of ``head``'s phrase, in sentence order; ``skip`` tokens go alone,
    without the words that hang on them."""
    dropped = set(dropped)
    if clause:
        keep = set(_CLAUSE_KEEP)
        if head.lower_ not in _REPORTING:
            keep.discard("ccomp")
        for child in head.children:
            if child.dep_ not in keep:
                dropped.update(t.i for t in child.subtree)
    else:
        for child in head.children:
            if child.dep_ in _PHRASE_DROP:
                dropped.update(t.i for t in child.subtree)
    tokens = [t for t in head.subtree if t.i not in dropped and t.i not in skip
              and not any(a.i in dropped for a in t.ancestors if head.is_ancestor(a))]
    # Relative clauses and appositions inside the kept arguments make titles ramble
    # (an apposition to a dropped wire dateline is the real subject: "SARN — the Assembly").
    trimmed = [t for t in tokens
               if not any(a.dep_ in ("relcl", "appos", "acl") and head.is_ancestor(a)
                          and not (a.dep_ == "appos" and a.head.i in skip
                                   and a.left_edge.i == max(skip) + 1)
                          for a in [t, *t.ancestors])]
    tokens = trimmed if len(trimmed) >= 3 else tokens
    # Long titles lose their last prepositional phrases first, then are cut.
    while len(tokens) > MAX_TITLE_WORDS + 2:
        preps = [c for c in head.children if c.dep_ == "prep"
                 and any(t.i == c.i for t in tokens)]
        if not preps:
            break
        last = preps[-1]
        tokens = [t for t in tokens if not (t.i == last.i or last.is_ancestor(t))]
        if len(preps) == 1:
            break
    return tokens


def title_from_parse(doc, start: int, end: int) -> str | None:
    """The phrase that the date at characters ``start:end`` of ``doc`` modifies."""
    date_tokens = [t for t in doc if t.idx < end and t.idx + len(t) > start]
    if not date_tokens:
        return None
    date_ids = {t.i for t in date_tokens}
    # A possessive date ("Tuesday's talks") takes its "'s" along.
    date_ids.update(t.i for t in doc if t.dep_ == "case" and t.head.i in date_ids)
    root = next((t for t in date_tokens if t.head.i not in date_ids), None)
    if root is None or root.head.i == root.i:
        return None
    dropped = set(date_ids)
    skip = frozenset(_dateline_tokens(doc))
    if date_ids <= skip and ENTRY_STAMP_RE.match(doc.text):
        return None  # the entry stamp's day: the title comes from what follows it
    if date_ids <= skip:  # the wire dateline's day ("LONDON, Feb. 10 -- ") dates the story
        anchor = next(t for t in doc if t.head.i == t.i)
    else:
        anchor = _climb(root.head, dropped)
    clause = anchor.pos_ in ("VERB", "AUX")
    governing = _governing_clause(anchor) if clause else anchor
    if (anchor.dep_ == "pcomp" and governing.i != anchor.i
            and anchor.head.head.pos_ in ("VERB", "AUX")):
        # "since peaking at 10.1% in 2009, the deficit has fallen": the date is the
        # gerund's; its doer is the clause's subject ("The deficit peaking at 10.1%").
        subject = _subject(governing)
        doer = [] if subject.pos_ == "PRON" else _phrase(subject, dropped, False, skip)
        tokens = doer + _phrase(anchor, dropped, clause, skip)
    else:
        anchor = governing
        tokens = _phrase(anchor, dropped, clause, skip)
    if not clause and len(tokens) < 4 and anchor.dep_ in ("nsubj", "nsubjpass", "dobj"):
        tokens = _phrase(anchor.head, dropped, True, skip)  # "Tuesday's talks produced ..."
    subject = _subject(anchor) if clause else None
    if (subject is not None and subject.lower_ in _RELATIVE_PRONOUNS
            and anchor.dep_ == "relcl"):
        # "talks that began in Geneva" -> "Talks began in Geneva": the antecedent is the subject.
        noun = _phrase(anchor.head, dropped | {anchor.i}, False, skip)
        punct = {c.i for c in anchor.head.children if c.dep_ == "punct"}
        rewritten = sorted([*noun, *(t for t in tokens if t.i != subject.i)],
                           key=lambda t: t.i)
        rewritten = [t for t in rewritten if t.i not in punct]
        if len(rewritten) >= 4:  # "the government began": too little to be a headline
            tokens = rewritten
    if not tokens:  # every word of the phrase was the date or a dateline's
        return None
    if not _headline_worthy(tokens, clause):
        return None
    tokens = _without_stray_commas(tokens)
    text = "".join(t.text + (t.whitespace_ if nxt.i == t.i + 1 else " ")
                   for t, nxt in zip(tokens, [*tokens[1:], tokens[-1]], strict=True))
    if len(text.split()) < 3:
        return None
    return _tidy(_shorten(_tidy(DATELINE_PREFIX_RE.sub("", text))))


_CONTENT_POS = frozenset({"NOUN", "PROPN", "NUM", "ADJ", "VERB"})


def _headline_worthy(tokens: list, clause: bool) -> bool:
    """Whether the kept words can stand as a headline: two different content words at
    least, and a clause names who acts.

    A date inside an aside leaves the aside's bare clause: "as we have seen last Monday"
    gives "We have seen", "the day it met on Tuesday" gives "It met". A clause whose
    subject the parse could not reach starts with its verb ("Was called on the carpet",
    "Agreed to by the G-20"). Neither is a headline; the sentence's own words are better.
    """
    content = {t.lower_ for t in tokens
               if t.pos_ in _CONTENT_POS and not t.is_stop and t.dep_ not in ("aux", "auxpass")}
    if len(content) < 2:
        return False
    if clause and not any(t.dep_ in _SUBJECTS for t in tokens):
        first = tokens[0]
        if first.pos_ in ("VERB", "AUX") or first.tag_ == "TO":
            return False
    return True


_ASIDE_MARKS = frozenset({",", "--", "—", "–"})


def _without_stray_commas(tokens: list) -> list:
    """Commas that set off a left-out aside go with it: "President Bush, who has made aid
    a cornerstone of his policy, warned" is "President Bush warned", not "President Bush,
    warned"."""
    kept = {t.i for t in tokens}
    return [t for t in tokens
            if not (t.text in _ASIDE_MARKS and (t.i + 1 not in kept or t.i - 1 not in kept))]


def attribute_quoted(title: str, quotes: list[Quote]) -> str:
    """A title cut from inside a direct quote names its speaker: 'Brandt: “What we had”'.

    Without the speaker a quote's words read as the timeline's own claim."""
    folded = title.casefold()
    for quote in quotes:
        if quote.speaker and folded in quote.text.casefold():
            return f"{quote.speaker}: “{title}”"
    return title
