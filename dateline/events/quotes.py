"""Direct quotes and who said them, from the sentences of an article.

A quote is text between quotation marks (curly “…” or straight "…", possibly over several
sentences) that reads as speech: four words or more, or a complete utterance ending in
punctuation. Short scare quotes ("theatre") are not quotes. The speaker is taken only
from what the text says, in one of the attribution forms news copy uses::

    "…," said Angela Merkel.          "…," Angela Merkel said.
    Angela Merkel said: "…"           "…," he said.   (he/she: see dateline.events.speakers)
    Merkel said in a statement "…"    "…," said the Chancellor of Germany, Angela Merkel.
    Chancellor Angela Merkel: "…"     ..., Merkel told reporters, saying "…"

A quote with none of these keeps ``speaker`` None. Names are normalized with the
collection's :class:`~dateline.events.names.NameIndex` when one is given. A quote in a
sentence that belongs to no event reacts to the article's news and is attached to the
event the article leads with (the one its headline joined).
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from dateline.events.names import NameIndex, clean_name
from dateline.events.speakers import Candidate, candidates, default_ranker
from dateline.lexicon import alternation, reporting_forms
from dateline.model import HEADLINE, Quote

if TYPE_CHECKING:
    from dateline.model import Article, Event


@dataclass
class FoundQuote:
    """A quote and the indexes of the article sentences it (and its attribution) covers."""

    quote: Quote
    sentences: tuple[int, ...]


# Inflected forms only (and "say"): a base form such as "note" or "state" reads as a noun.
_VERBS = alternation(reporting_forms(forms=("present", "past")) | {"say", "saying"})
# "…," said X  /  "…," X said  (X: up to about eight words, no sentence break)
_SAID_X = re.compile(rf"^\s*(?:,\s*)?(?:{_VERBS})\s+([^.!?;:\"“”]{{1,80}}?)(?=\s*(?:[.,;!?]|$))")
# any past tense after a name closes the quote's sentence ("…," Cruz quipped)
_X_SAID = re.compile(
    rf"^\s*(?:,\s*)?([^.!?;:\"“”]{{1,90}}?)\s+(?:{_VERBS}|[a-z]{{3,}}ed)\b")
# X said: "…"  /  X told reporters, "…"
_X_SAID_BEFORE = re.compile(
    rf"([^.!?;\"“”]{{1,90}}?)\s+(?:{_VERBS})(?:(?:\s+[\w’'-]+){{0,5}}?\s*[:,]?)?\s*$")
# Secretary of the Air Force James Roche: "…"
_NAME_COLON = re.compile(r"([^.!?;\"“”:]{1,90}?)\s*:\s*$")
_APPOSED_NAME = re.compile(r"\s*,\s+([A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){1,3})(?=\s*[.,;!?]|$)")
_ABBREVIATION = re.compile(r"\b(Mr|Mrs|Ms|Dr|Prof|Gen|Sen|Rep|Del|Col|Capt|Lt|St|Gov|Sgt|Adm)\.")
# "R-Ky.," "Gainesville, Fla.,": a state's abbreviation inside an attribution
_STATE = re.compile(r"\b([A-Z](?:-[A-Z])?[a-z]{0,3})\.(?=,)")
_HONORIFIC_NAME = re.compile(
    r"\b(?:Mr|Mrs|Ms|Dr|Prof)\.?\s+((?:[A-Z][\w’'-]+\s+)?[A-Z][\w’'-]+)")
_TRAILING_NAME = re.compile(r"(?:\b[A-Z][\w’'.-]*\s+){0,3}\b[A-Z][\w’'-]*$")
_CONNECTIVE = re.compile(r"^(?:(?:as|and|but|so|then|while|when|yet)\s+)+")
_ADVERB = re.compile(r"[A-Z][a-z]*(?:ever|ly)|Meanwhile|Still|Instead|Later|Yet|Also|Indeed|"
                     r"Now|Then|Earlier|Separately|Today|Yesterday|Again")
_CAPITAL_NEXT = re.compile(r"\s+[A-Z][a-z]")
_PRONOUNS = frozenset({"he", "she"})
_UNNAMED = frozenset({"it", "they", "we", "i", "you", "one"})
_MIN_WORDS = 4
_MAX_QUOTE_CHARS = 1500
_ATTRIBUTABLE_END = (",", "?", "!", "—", "–", "-", "…")


_QUOTE_MARK = re.compile('[“”"]')


def _marks(text: str) -> list[tuple[int, str]]:
    """Positions of opening ("open") and closing ("close") quotation marks (a regex finds
    the marks: a Python loop over every character costs seconds on a long text)."""
    found = []
    for match in _QUOTE_MARK.finditer(text):
        i, char = match.start(), match.group()
        if char == "“":
            found.append((i, "open"))
        elif char == "”":
            found.append((i, "close"))
        elif char == '"':
            before = text[i - 1] if i else " "
            after = text[i + 1] if i + 1 < len(text) else " "
            opens = (before.isspace() or before in "([{—–-/") and not after.isspace()
            closes = not before.isspace() and (after.isspace() or after in ".,;:!?)]}—–-…'’")
            if opens and not closes:
                found.append((i, "open"))
            elif closes and not opens:
                found.append((i, "close"))
            elif opens and closes:
                found.append((i, "either"))
    return found


def quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each quotation in ``text``, marks included.

    A quote still open at a line break runs to the end of its paragraph: news copy
    leaves the closing mark off when the quote goes on in the next paragraph.
    """
    spans = []
    start: int | None = None
    breaks = [(m.start(), "break") for m in re.finditer(r"\n", text)]
    for position, kind in sorted(_marks(text) + breaks):
        if kind == "break":
            if start is not None and text[start + 1:position].strip():
                spans.append((start, position))
            start = None
            continue
        if start is None:
            if kind in ("open", "either"):
                start = position
        elif kind in ("close", "either"):
            if position - start <= _MAX_QUOTE_CHARS:
                spans.append((start, position + 1))
            start = None
        else:  # a new opening mark before any closing one: the first was never closed
            start = position
    return spans


def _is_speech(content: str) -> bool:
    """Speech, not a scare-quoted word ("called the walkout "theatre""): four words or
    more (a reported fragment, "vowed to "take these steps to make us safer"", is still
    someone's words), or a capitalized utterance that ends like speech."""
    if len(content.split()) >= _MIN_WORDS:
        return True
    return (content[:1].isupper() or content[:1].isdigit()) and content.rstrip().endswith(
        (".", "?", "!", ",", "…"))


@lru_cache(maxsize=16)
def _form_pattern(forms: frozenset[str]) -> re.Pattern | None:
    """Any of ``forms`` as a whole word, the longest that fits at each place."""
    ordered = sorted(forms, key=lambda form: (-len(form), form))
    return (re.compile(r"\b(?:" + "|".join(map(re.escape, ordered)) + r")\b")
            if ordered else None)


class _FormPattern:
    """Two form patterns read as one alternation of all their forms: the leftmost match,
    the longer at one place (two forms of one length cannot both fit there)."""

    def __init__(self, *patterns: re.Pattern | None):
        self.patterns = [p for p in patterns if p is not None]

    def search(self, text: str, position: int = 0) -> re.Match | None:
        found = [m for p in self.patterns if (m := p.search(text, position)) is not None]
        return min(found, key=lambda m: (m.start(), -m.end()), default=None)

    def finditer(self, text: str) -> Iterator[re.Match]:
        """The matches of ``search`` one after the other, each pattern scanning the text
        once: a pattern's next match is kept while it lies ahead (searching again from
        a later position finds the same one), instead of scanning the rest of the text
        again after every match of the other pattern (a long alternation scans slowly)."""
        ahead = [p.search(text) for p in self.patterns]
        position = 0
        while True:
            ahead = [p.search(text, position) if m is not None and m.start() < position
                     else m for p, m in zip(self.patterns, ahead, strict=True)]
            match = min((m for m in ahead if m is not None),
                        key=lambda m: (m.start(), -m.end()), default=None)
            if match is None:
                return
            yield match
            position = match.end()


class _People:
    """Finds written forms of people's names in text and says whose they are."""

    def __init__(self, forms: Mapping[str, str], names: NameIndex | None, article: str):
        self.forms = dict(forms)
        self.names = names
        self.recent: str | None = None  # the speaker of a quote in this or the last paragraph
        self.spoken: list[str] = []  # the speakers of the article's quotes so far
        self.current = ""  # the quote being attributed (read by training scripts)
        self.article = article
        # picks who "he"/"she" is among the candidates (the learned ranker by default)
        self.choose: Callable[[Sequence[Candidate]], str | None] = default_ranker().choose
        # The collection's forms are one pattern, made once (a long alternation takes
        # longer to compile than an article takes to read); the article's own are another.
        shared = (frozenset(names.people_forms().keys() & self.forms.keys())
                  if names is not None else frozenset())
        own = frozenset(self.forms.keys() - shared)
        self.pattern = (_FormPattern(_form_pattern(shared), _form_pattern(own))
                        if self.forms else None)
        self._found: dict[str, list[tuple[int, int, str]]] = {}  # ``find``'s, by text

    def last_named(self, text: str) -> str | None:
        """The person named last in ``text``: a known name, or one after an honorific
        ("Dr Lina Haugen") that the entity recognizer never saw."""
        best: tuple[int, str] | None = None
        if self.pattern is not None:
            for match in self.pattern.finditer(text):
                best = (match.start(), self.forms[match.group(0)])
        for match in _HONORIFIC_NAME.finditer(text):
            if best is None or match.start() > best[0]:
                name = match.group(1)
                best = (match.start(), self.forms.get(name, name))
        return best[1] if best else None

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, person) of each person named in ``text``: each distinct text
        searched once per article (``speakers.candidates`` reads the same sentences of
        the text before each he/she quote again)."""
        if text not in self._found:
            self._found[text] = self._find(text)
        return list(self._found[text])

    def _find(self, text: str) -> list[tuple[int, int, str]]:
        found = []
        if self.pattern is not None:
            found = [(m.start(), m.end(), self.forms[m.group(0)])
                     for m in self.pattern.finditer(text)]
        for match in _HONORIFIC_NAME.finditer(text):
            if not any(s <= match.start(1) < e for s, e, _ in found):
                name = match.group(1)
                found.append((match.start(1), match.end(1), self.forms.get(name, name)))
        return sorted(found)

    def pronoun(self, pronoun: str, before: str) -> str | None:
        """Who "he"/"she" stands for, among the people named just before (see
        :mod:`dateline.events.speakers`)."""
        return self.choose(candidates(before, pronoun, self.find, self.recent, self.spoken))

    def first_named(self, text: str) -> str | None:
        match = self.pattern.search(text) if self.pattern is not None else None
        return self.forms[match.group(0)] if match else None

    def speaker(self, phrase: str, before: str) -> str | None:
        """Who an attribution phrase ("UN envoy Helena Barros", "he", "the chancellor")
        names; ``before`` is the article's text before the quote, for pronouns."""
        phrase = " ".join(phrase.split()).strip(" ,")
        if not phrase:
            return None
        lower = phrase.lower()
        if lower in _PRONOUNS:
            # the last person named by the reporter: names inside earlier quotes are
            # what a speaker talked about, not who "he" is
            return self.pronoun(lower, before)
        if lower in _UNNAMED:
            return None
        # "Trump lawyer Marc Kasowitz": the head of the phrase, its last name, speaks;
        # "Fiorina, speaking to Iowans": what follows the comma describes the head;
        # "the party's nominee, Donald Trump": a description, then the name
        parts = [part for part in re.split(r"\s*,\s*", phrase) if part]
        if self.pattern is not None:
            for part in parts[:2]:
                # a known word followed by another capitalized one is a first name or a
                # title ("Gary Casteel", "Trump lawyer"), not the speaker's surname
                named = [m.group(0) for m in self.pattern.finditer(part)
                         if not _CAPITAL_NEXT.match(part, m.end())]
                if named:
                    return self.forms[named[-1]]
        if self.names is not None and lower.startswith("the "):
            holder = self.names.role_holder(phrase, self.article)
            if holder:
                return holder
        # Not a known name: the run of capitalized words that ends the phrase ("UBS
        # analyst David Strauss" -> "David Strauss"); a phrase ending otherwise ("releasing
        # a statement", "as") names nobody.
        run = _TRAILING_NAME.search(phrase) if len(phrase.split()) <= 8 else None
        if run is None:
            return None
        return _person_in(clean_name(run.group(0), "PERSON"), self.forms) or None


def _person_in(run: str, forms: Mapping[str, str]) -> str:
    """The person's name at the end of a capitalized run ("the Washington Post's Ishaan
    Tharoor", "Archbishop Aris Shirvanian", "Auto Workers Secretary-Treasurer Gary
    Casteel"): after a possessive; the longest known name ending it; else its last two
    words (three with an initial: "Mary J. Blige")."""
    run = re.split(r"['’]s\s+", run)[-1]
    words = run.split()
    for k in range(len(words)):
        if " ".join(words[k:]) in forms and k < len(words) - 1:
            return forms[" ".join(words[k:])]
    if len(words) <= 2:
        return run
    keep = 3 if len(words[-2].rstrip(".")) == 1 else 2
    return " ".join(words[-keep:])


_RECENT = 0  # paragraphs back in which a quote's speaker is who "he" is
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"])|\n")
_QUOTED = re.compile(r"“[^”]*”|\"[^\"\n]*\"")


def _unquoted(text: str) -> str:
    """``text`` with its quotations blanked out."""
    return _QUOTED.sub(" ", text)


def find_quotes(sentences: Iterable[tuple[int, str]], article: str,
                names: NameIndex | None = None, before: str = "",
                paragraphs: Iterable[int] = ()) -> list[FoundQuote]:
    """The quotes of an article given as (index, text) sentences in order.

    Sentences with consecutive indexes are read as running text, so a quote can span
    them; ``before`` is text that comes earlier in the article (used to resolve he/she);
    ``paragraphs`` are the indexes of sentences that open a paragraph.
    """
    paragraphs = set(paragraphs)
    forms = names.people_forms(article) if names is not None else {}
    people = _People(forms, names, article)
    found: list[FoundQuote] = []
    earlier = before
    for segment in _segments(sorted(set(sentences))):
        text, starts = _join(segment, paragraphs)
        # (paragraph, quote, ran on unclosed) of this run of text
        found_here: list[tuple[int, FoundQuote, bool]] = []
        for start, end in quote_spans(text):
            closed = text[end - 1] in "”\""
            content = text[start + 1:end - 1 if closed else end].strip()
            if not _is_speech(content):
                continue
            sentence_start = starts[_at(starts, start)][0]
            paragraph = text.count("\n", 0, start)
            previous = found_here[-1] if found_here else None
            people.recent = (previous[1].quote.speaker if paragraphs and previous is not None
                             and paragraph - previous[0] <= _RECENT else None)
            people.current = content
            speaker, tail = _attribute(text, start, end, content, sentence_start, people,
                                       earlier + " " + text[:start])
            # The sentences from the quote's first to the last one its attribution reaches
            # (offsets ascend: bisection keeps long articles linear, not cubic).
            covered = tuple(index for _, index in starts[
                _at(starts, start):bisect.bisect_left(starts, (tail, -1))])
            alone = start == sentence_start and not text[end:_next_start(
                starts, end - 1, len(text))].strip()
            if speaker is None and previous is not None and previous[1].quote.speaker:
                same = bool(paragraphs) and previous[0] == paragraph
                # the next paragraph opens where a quote ran on without closing
                ran_on = previous[2] and paragraph == previous[0] + 1 and alone
                near = alone and covered[0] - previous[1].sentences[-1] in (0, 1)
                if same or ran_on or near:
                    # the quote goes on, or a second quote from the speaker of the first
                    speaker = previous[1].quote.speaker
            item = FoundQuote(Quote(speaker, content.rstrip(", "), article), covered)
            if speaker:
                people.spoken.append(speaker)
            found.append(item)
            found_here.append((paragraph, item, not closed))
        earlier += " " + text
    return found


def _attribute(text: str, start: int, end: int, content: str, sentence_start: int,
               people: _People, before: str) -> tuple[str | None, int]:
    """The speaker of the quote at text[start:end] and where its attribution ends."""
    after = _plain(text[end:end + 200])
    ends_open = (content.rstrip("'’ ").endswith(_ATTRIBUTABLE_END)
                 or after.lstrip().startswith(","))
    for pattern in (_SAID_X, _X_SAID):
        match = pattern.match(after)
        if not match:
            continue
        phrase, phrase_end = match.group(1), match.end()
        # without a comma or the like closing the quote, only a person's name makes the
        # words after it an attribution ("…" the Post's editor Steven Ginsberg responded)
        if ends_open or (not content.rstrip("'’ ").endswith((".", "!", "?"))
                         and people.pattern is not None and people.pattern.search(phrase)):
            # "…," said Airbus President and Chief Executive Officer, Tom Enders.
            if pattern is _SAID_X and (named := _APPOSED_NAME.match(after, phrase_end)):
                phrase, phrase_end = named.group(1), named.end(1)
            if speaker := people.speaker(phrase, before):
                return speaker, end + phrase_end
    lead = _plain(text[sentence_start:start])
    if not lead.strip():
        # 'Reporter Jomana Karadsheh says:' closing the paragraph before the quote
        opening = text[:start].rstrip()
        if opening.endswith(":"):
            lead = _plain(opening[_sentence_start(opening):]) + " "
    earlier = before[:len(before) - len(lead)]
    match = _X_SAID_BEFORE.search(lead) or _NAME_COLON.search(lead)
    if match:
        pieces = re.split(r",\s+|\s+(?:and|but|while|as)\s+", match.group(1))
        # "Fiorina, speaking to Iowans, said": a piece opening in lower case describes
        # the one before it; the speaker is in the last piece that opens with a name
        # ("However, as Archbishop X told the AP": past connectives and sentence adverbs)
        pieces = [_CONNECTIVE.sub("", p) for p in pieces]
        pieces = [p for p in pieces if (p[:1].isupper() and not _ADVERB.fullmatch(p))
                  or p.split(maxsplit=1)[:1] in (["he"], ["she"])] or pieces
        speaker = people.speaker(pieces[-1], earlier) or people.last_named(match.group(1))
        if speaker:
            return speaker, end
    # A quote worked into the reporter's sentence ("Clinton compared the president to a
    # duck, "smoothly sailing..."") is the words of the sentence's subject: the first
    # person it names, or the person "He"/"She" opening it stands for.
    lead = _unquoted(lead)
    opening = lead.split(maxsplit=1)[0].lower() if lead.strip() else ""
    if opening in _PRONOUNS:
        return people.pronoun(opening, earlier), end
    if lead.strip():
        # "After Jerry Brown criticized Bill Clinton, Hillary shot back, "…"": the subject
        # of the main clause, after a leading subordinate clause
        if opening in _SUBORDINATORS and "," in lead:
            main = lead.split(",", 1)[1]
            if main_named := people.first_named(main):
                return main_named, end
        return people.first_named(lead), end
    return None, end


_SUBORDINATORS = frozenset(
    "after when as while before although though if since because once until unless "
    "despite following whereas".split())


def _sentence_start(text: str) -> int:
    """Where the last sentence of ``text`` starts."""
    breaks = list(_SENTENCE_BREAK.finditer(text))
    return breaks[-1].end() if breaks else 0


def _plain(text: str) -> str:
    """``text`` with the same length but no dots inside names and no parentheses
    ("Rep. Elijah Cummings (D-Md.)", "Raleigh, N.C."), which would end a phrase."""
    text = _ABBREVIATION.sub(lambda m: m.group(1) + " ", text)
    text = _INITIALS.sub(lambda m: m.group(0).replace(".", " "), text)
    text = _STATE.sub(lambda m: m.group(1) + " ", text)
    return _BRACKETS.sub(lambda m: " " * len(m.group(0)), text)


_INITIALS = re.compile(r"\b(?:[A-Z]\.){2,}|\b[A-Z]\.(?=\s+[A-Z])")
_BRACKETS = re.compile(r"\([^()\"“”]{0,40}\)")


def _segments(sentences: list[tuple[int, str]]) -> list[list[tuple[int, str]]]:
    runs: list[list[tuple[int, str]]] = []
    for index, text in sentences:
        if runs and runs[-1][-1][0] in (index, index - 1):
            if runs[-1][-1][0] != index:
                runs[-1].append((index, text))
        else:
            runs.append([(index, text)])
    return runs


def _join(segment: list[tuple[int, str]], paragraphs: set[int] = frozenset()
          ) -> tuple[str, list[tuple[int, int]]]:
    """The sentences as one text (a line break between paragraphs) and where each starts."""
    starts, parts, offset = [], [], 0
    for index, text in segment:
        if parts:
            parts.append("\n" if index in paragraphs else " ")
            offset += 1
        starts.append((offset, index))
        parts.append(text)
        offset += len(text)
    return "".join(parts), starts


def _at(starts: list[tuple[int, int]], position: int) -> int:
    """The sentence holding ``position`` (offsets ascend, so by bisection)."""
    return max(0, bisect.bisect_right(starts, (position, math.inf)) - 1)


def _next_start(starts: list[tuple[int, int]], offset: int, total: int) -> int:
    k = bisect.bisect_right(starts, (offset, math.inf))
    return starts[k][0] if k < len(starts) else total + 1


def paragraph_openings(article: Article) -> set[int]:
    """Indexes of the sentences that open a paragraph (a line break before them)."""
    openings = set()
    previous_end = 0
    for sentence in article.sentences:
        if not openings or "\n" in article.text[previous_end:sentence.start]:
            openings.add(sentence.index)
        previous_end = sentence.end
    return openings


QuoteSource = tuple[str, list[tuple[int, str]], str, set[int]]
"""What ``find_quotes`` reads of one article: id, (index, text) sentences, lead, openings."""


def quote_sources(events: list[Event], articles: Iterable[Article] | None = None
                  ) -> list[QuoteSource]:
    """The articles whose quotes ``events`` can carry, with what is read of each: the
    whole article when ``articles`` is given, else the sentences the events know of and
    the article's lead (see ``attach_quotes``)."""
    by_article: dict[str, list[tuple[int, str]]] = {}
    leads: dict[str, str] = {}
    openings: dict[str, set[int]] = {}
    wanted = {m.article_id for event in events for m in event.mentions}
    if articles is not None:
        # Only the events' articles: every article's sentences, gathered and then
        # dropped, were a transient copy of the collection's sentence list.
        for article in articles:
            if article.id in wanted:
                by_article[article.id] = [(s.index, s.text) for s in article.sentences]
                openings[article.id] = paragraph_openings(article)
    for event in events:
        for mention in event.mentions:
            if articles is None:
                by_article.setdefault(mention.article_id, []).append(
                    (mention.sentence_index, mention.sentence))
                leads.setdefault(mention.article_id, mention.context)
    return [(article, sentences, leads.get(article, ""), openings.get(article, set()))
            for article, sentences in by_article.items() if article in wanted]


def find_quotes_of(sources: list[QuoteSource], names: NameIndex | None = None
                   ) -> list[list[FoundQuote]]:
    """``find_quotes`` of each article: the map task of quote finding (articles are
    independent once the collection's ``names`` are known)."""
    return [find_quotes(sentences, article, names, lead, openings)
            for article, sentences, lead, openings in sources]


def attach_quotes(events: list[Event], names: NameIndex | None = None,
                  articles: Iterable[Article] | None = None,
                  taken: Collection[tuple[str, int]] = ()) -> None:
    """Fill ``Event.quotes`` with the quotes of each event's source sentences.

    With ``articles`` the quotes are read in the whole article (a quote can open in a
    sentence before the event's and "he" can name someone from any earlier sentence);
    without, in the sentences the events know of and each article's lead. ``taken``:
    (article, sentence index) of sentences that report other events, not described now
    (a store describes a few at a time): their quotes are theirs, not the lead event's.
    """
    sources = quote_sources(events, articles)
    found = find_quotes_of(sources, names)
    place_quotes(events, {source[0]: quotes for source, quotes in zip(sources, found,
                                                                      strict=True)}, taken)


def place_quotes(events: list[Event], quotes: Mapping[str, list[FoundQuote]],
                 taken: Collection[tuple[str, int]] = ()) -> None:
    """Give each event the quotes found in its sentences (``quotes``: article -> found),
    the rest of an article's quotes to the event it leads with (see ``attach_quotes``)."""
    placed: set[tuple[str, str]] = {
        (found.quote.article, found.quote.text)
        for article, found_quotes in quotes.items() for found in found_quotes
        if any((article, index) in taken for index in found.sentences)}
    for event in events:
        attached: list = []
        for mention in sorted(event.mentions, key=lambda m: (m.article_id, m.sentence_index)):
            for found in quotes.get(mention.article_id, []):
                key = (found.quote.article, found.quote.text)
                if mention.sentence_index in found.sentences and found.quote not in attached:
                    placed.add(key)
                    attached.append(found.quote)
        event.quotes = attached
    # A quote in no dated sentence reacts to the article's news: it goes to the event
    # the article leads with (the one its headline joined), when there is one.
    leads_with = _lead_events(events)
    for article, found_quotes in quotes.items():
        lead = leads_with.get(article)
        if lead is not None:
            lead.quotes.extend(found.quote for found in found_quotes
                               if (article, found.quote.text) not in placed)


def _lead_events(events: list[Event]) -> dict[str, Event]:
    """Article -> the first event its headline joined, in one pass over the events'
    mentions (asking every event about every article was quadratic in a large build)."""
    leads: dict[str, Event] = {}
    for event in events:
        for mention in event.mentions:
            if mention.sentence_index == HEADLINE:
                leads.setdefault(mention.article_id, event)
    return leads
