"""The per-line speed-ups give the same answers as the straightforward code they replace.

The tense reader skips words that cannot be cues before reading them with their
neighbours, and caches per-word cue tests; the date-line test checks the line length
before scanning for dates; sentence bounds test the candidate breaks from the end; date
inference looks for a future cue before reading the tense, and hands the expressions it
tagged to the sentence stage. These tests pin that the shortcuts change no answer.
"""

from __future__ import annotations

import itertools
import re

import pytest

from dateline.config import Config
from dateline.dating.pubdate import find_dates, is_date_line
from dateline.dating.timex import context
from dateline.dating.timex.context import _group_cue, _may_cue, tense_near

SENTENCES = [
    "The talks, due in Geneva on Thursday, failed after the delegations walked out.",
    "Officials said on Friday it would reopen the border crossing next week.",
    "The ministers will meet on Wednesday to discuss the planned merger.",
    "The deal had been scheduled to expire Friday, but negotiators extended it.",
    "Shares were expected to rise on Monday as markets untouched by the crisis opened.",
    "She is to testify on March 4 before the committee, her lawyer has said.",
    "Ferry crews in Kestwick walked out on March 3, 2022 over pay, the union said.",
    "Gen. Powell arrived on Tuesday. He was set to meet the president at 4 a.m. EDT Thursday.",
    "The company plans to cut 300 jobs by June, and the union has promised a fight.",
    "A still unspecified date in May was chosen; the troubled region voted in April.",
    "The court adjourned until 9 a.m. Tuesday after the witnesses were questioned.",
    "Since March the city's budget has been frozen, officials who'll vote said.",
]


def _reference_nearest_cue(text: str, start: int, end: int, left: int, right: int,
                           strong_only: bool = False) -> str | None:
    """``_nearest_cue`` as it read before the pre-filter: every word goes through
    ``_group_cue`` (written out here so the test does not share the shortcut)."""
    matches = [m for m in context._WORD.finditer(text, left, right)
               if not start <= m.start() < end]
    words = [m.group() for m in matches]
    best = weak = None
    for index, match in enumerate(matches):
        group = _group_cue(words, index)
        if group is None:
            continue
        if match.group() in ("next", "set") and context._FALSE_FRIENDS.match(
                text, match.start()):
            follow = text[match.end():match.end() + 4].lower()
            if not (match.group() == "set" and follow.startswith(" to")):
                continue
        distance = start - match.end() if match.end() <= start else match.start() - end
        if match.end() <= start:
            distance = distance * 2 // 3
        direction, strong, weight = group
        distance = distance * weight // 3
        if strong and (best is None or distance < best[0]):
            best = (distance, direction)
        elif not strong and distance <= context._WEAK_REACH and (
                weak is None or distance < weak[0]):
            weak = (distance, direction)
    if best is not None:
        return best[1]
    return weak[1] if weak and not strong_only else None


@pytest.mark.parametrize("sentence", SENTENCES)
def test_nearest_cue_matches_the_unfiltered_reading(sentence: str) -> None:
    text = "Background paragraph first. " + sentence + " A closing sentence follows here."
    spans = [m.span() for m in re.finditer(r"[A-Za-z0-9]+", text)]
    for start, end in spans:
        for strong_only in (False, True):
            assert context._nearest_cue(text, start, end, 0, len(text), strong_only) == \
                _reference_nearest_cue(text, start, end, 0, len(text), strong_only)


def test_tense_of_news_sentences_is_read_as_before() -> None:
    """Whole-function check on the patterns the module docstring names."""
    cases = {
        "The ministers met on Wednesday in Vienna.": "past",
        "The ministers will meet on Wednesday in Vienna.": "future",
        "The deal had been scheduled to expire Friday.": "past",
        "She is to testify on Thursday.": "future",
    }
    for text, expected in cases.items():
        match = re.search(r"Wednesday|Friday|Thursday", text)
        assert match is not None
        assert tense_near(text, match.start(), match.end()) == expected


def test_words_the_filter_skips_never_give_a_cue() -> None:
    """A word ``_may_cue`` rejects gives no cue whatever its neighbours are."""
    vocabulary = sorted({w for s in SENTENCES for w in context._WORD.findall(s)}
                        | {"had", "been", "was", "were", "is", "to", "plans", "said",
                           "would", "the", "a", "be", "has"})
    skipped = [w for w in vocabulary if not _may_cue(w)]
    assert skipped and len(skipped) < len(vocabulary)
    neighbours = ["", "had", "been", "to", "the", "said", "was", "is", "be"]
    for word in skipped:
        for before2, before, after in itertools.product(neighbours, repeat=3):
            words = [w for w in (before2, before) if w] + [word] + ([after] if after else [])
            index = len([w for w in (before2, before) if w])
            assert _group_cue(words, index) is None, (words, index)


def test_date_line_length_check_before_the_scan() -> None:
    stamp = "Posted on March 3, 2019 | 2 pm"
    assert is_date_line(stamp)
    long_line = stamp + " " + "and the council met again to discuss the bridge" * 3
    assert len(long_line) > 140 and find_dates(long_line)
    assert not is_date_line(long_line)
    assert not is_date_line("No date at all in this short line")


def _reference_tense(text: str, start: int, end: int) -> str | None:
    """``tense_near`` as it read before the clause and the sentence shared one word
    scan: each reading scans its own range."""
    if context._SOON_BEFORE.search(text, max(0, start - 16), start):
        return context.FUTURE
    if context._SINCE_BEFORE.search(text, max(0, start - 20), start):
        return context.PAST
    if context._EFFECTIVE_BEFORE.search(text, max(0, start - 24), start):
        return context.FUTURE
    if context._AHEAD_BEFORE.search(text, max(0, start - 40), start):
        return context.FUTURE
    if context._POSTPONED_BEFORE.search(text, max(0, start - 90), start):
        return context.FUTURE
    left, right = context.sentence_bounds(text, start, end)
    clause_left = max(left, *(text.rfind(p, left, start) + 1 for p in ",;—"))
    clause_right = min([right] + [i for i in (text.find(p, end, right) for p in ",;—")
                                  if i != -1])
    inside = _reference_nearest_cue(text, start, end, clause_left, clause_right, True)
    if inside is not None:
        return inside
    return _reference_nearest_cue(text, start, end, left, right)


def test_tense_near_matches_separate_scans() -> None:
    extra = ["Talks—due Thursday—were held;the envoys met,then left on Friday.",
             "He said:don't expect a deal,officials'll meet Tuesday,and talked Monday."]
    text = " ".join(SENTENCES + extra)
    for match in re.finditer(r"[A-Za-z0-9]+(?: [0-9]+)?", text):
        assert tense_near(text, *match.span()) == _reference_tense(text, *match.span())


def _reference_sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """``sentence_bounds`` as it read before it tested the breaks from the end: every
    candidate break before the span is tested, the last true one wins."""
    lo = max(0, start - context._WINDOW)
    hi = min(len(text), end + context._WINDOW)
    left = lo
    for match in context._SENT_END.finditer(text, lo, start):
        if context._is_break(text, match):
            left = match.end()
    right = hi
    for match in context._SENT_END.finditer(text, end, hi):
        if context._is_break(text, match):
            right = match.start() + 1
            break
    return left, right


def test_sentence_bounds_match_the_forward_scan() -> None:
    extra = ["Gen. Lee met Sen. Roe at 4 a.m. EDT Thursday. U.S. Trust fell.",
             "The vote is at 9 a.m. Friday. Mr. Vance said no.\n\nA new paragraph starts."]
    text = " ".join(SENTENCES + extra)
    for match in re.finditer(r"[A-Za-z0-9]+", text):
        assert context.sentence_bounds(text, *match.span()) == \
            _reference_sentence_bounds(text, *match.span())


def test_announced_dates_read_as_the_tense_then_cue_test() -> None:
    """Inference looks for a future cue in the sentence before reading the tense."""
    from dateline.dating import inference

    text = " ".join(SENTENCES + ["The summit will open on May 4, the host said.",
                                 "Workers are due back on Monday, 12 days after the strike."])
    for match in re.finditer(r"[A-Za-z0-9]+", text):
        start, end = match.span()
        expected = (tense_near(text, start, end) == context.FUTURE and bool(
            inference._FUTURE_CUE_RE.search(inference._sentence(text, start, end))))
        assert inference._announced(text, start, end) == expected


UNDATED_RECORDS = [
    {"id": "harbour", "title": "Ferry crews strike in Kestwick",
     "text": "Ferry crews in Kestwick walked out on March 3, 2022 over pay, the union said.\n\n"
             "The harbour office was shut on Thursday as the crews went on strike. Talks are "
             "due to resume on March 10, 2022, a spokeswoman said."},
    {"id": "bridge", "title": "Marlow bridge to close",
     "text": "Marlow council voted on March 3, 2022 to close the old bridge for repairs.\n\n"
             "The work will start in April and should last until September, officials said. "
             "The bridge first opened on June 14, 1931."},
    {"id": "budget", "title": "City budget frozen",
     "text": "The city froze its budget on Tuesday, two days after the vote of February 27, "
             "2022. Councillors will meet again next week."},
]


def _extracted(tagged_reuse: bool) -> tuple[list, list]:
    from dateline.ingest import read_records
    from dateline.pipeline import extract_all, prepare_articles

    config = Config(use_ner=False, progress=False)
    articles, warnings = read_records(UNDATED_RECORDS, config)
    tagged = prepare_articles(articles, config)
    assert set(tagged) == {a.id for a in articles}  # none states a publication date
    mentions, undated = extract_all(articles, warnings, tagged=tagged if tagged_reuse else None)
    return [a.sentences for a in articles], [(m.article_id, m.sentence_index, m.date, m.timex,
                                              m.future) for m in mentions] + undated


def test_inference_tags_reused_by_the_sentence_stage_change_nothing() -> None:
    """Undated articles are tagged once, by date inference; the sentence stage takes those
    expressions instead of tagging the same text with the same (absent) anchor again."""
    assert _extracted(tagged_reuse=True) == _extracted(tagged_reuse=False)


def _reference_lead_stamp_end(text: str) -> int:
    """``_lead_stamp_end`` as it read before the clock and separator pre-checks."""
    from dateline.clean import noise

    wire = noise._WIRE_HEADER_RE.search(text[:400])
    if wire:
        return wire.end()
    head = text[:140]
    clock = noise._CLOCK_ZONE_RE.search(head)
    if clock:
        cut = clock.end()
        following = find_dates(text[cut:cut + 40])
        if following and not text[cut:cut + following[0].start].strip(" ,;|-–—"):
            cut += following[0].end
        if len(text[:clock.start()].split()) <= 2:
            return cut
    else:
        dates = [d for d in find_dates(head[:90]) if d.start <= 45]
        if not dates:
            return 0
        after = head[dates[0].end:].lstrip()
        if not after[:1] or after[0] not in "|;–—-:":
            return 0
        cut = len(head) - len(after) + 1
    prefix = text[:cut]
    words = [w for w in noise._WORD_RE.findall(prefix) if not w[:1].isdigit()]
    if any(w.islower() and w.lower() not in noise._STAMP_WORDS for w in words) or len(words) > 14:
        return 0
    return cut


STAMPED_LINES = [
    "TOKYO | Tue Mar 15, 2011 11:40 pm GMT TOKYO (Reuters) - Power was cut on Tuesday.",
    "By Jane Roe | February 2, 2009; 1:40 PM ET We met the minister in her office.",
    "March 3, 2022 | The council voted to close the old bridge for repairs.",
    "March 3, 2022 - Ferry crews walked out over pay, the union said.",
    "Updated 7:01 pm ET February 11, 2013 The talks resumed after a short break.",
    "@kestwicknews 10:15 a.m. EST The harbour office was shut on Thursday.",
    "On March 3, 2022 the Kestwick ferry service stopped when its crews walked out.",
    "Ferry crews in Kestwick walked out on March 3, 2022 over pay, the union said.",
    "The vote, held on 4 May 2021: a narrow win for the mayor's party.",
    "Mon Feb 21, 2011 5:07am EST",
    "Shares rose 2.5% to 10.40 euros by 11.30 GMT; the index gained 0.3%.",
]


def test_lead_stamp_pre_checks_change_no_cut() -> None:
    from dateline.clean.noise import _lead_stamp_end

    cuts = [_lead_stamp_end(line) for line in STAMPED_LINES]
    assert cuts == [_reference_lead_stamp_end(line) for line in STAMPED_LINES]
    assert sum(1 for cut in cuts if cut) >= 4  # the stamps are found, not just skipped


def _reference_marks(text: str) -> list[tuple[int, str]]:
    """``quotes._marks`` as it read before the regex found the marks: every character."""
    found = []
    for i, char in enumerate(text):
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


def test_quote_marks_found_by_regex_as_by_the_character_loop() -> None:
    from dateline.events.quotes import _marks

    text = ('"We will not go back," the union leader said. “The crews deserve better,” '
            'she added.\n"It is over" -- a "scare" quote, and a stray " mark, then "a quote '
            'left open\nat a break. (“Bracketed”) and "end"')
    assert _marks(text) == _reference_marks(text)
    assert len(_marks(text)) >= 10
    assert _marks('"') == _reference_marks('"') and _marks("") == []


def test_minhash_of_distinct_shingles_equals_that_of_every_shingle() -> None:
    """Duplicate marking hashes each distinct shingle once: repeats change no sketch."""
    from datasketch import MinHash

    from dateline.clean import duplicates

    text = " ".join(f"Ferry crews walked out over pay, the union said. Update {n}."
                    for n in range(40))
    _, sketch = duplicates._fingerprint(text)
    reference = MinHash(num_perm=duplicates.NUM_PERM, seed=1)
    for run in duplicates._shingle_runs(text):
        reference.update_batch([s.encode("utf-8") for s in run])
    assert sketch is not None and sketch == reference


def test_shingle_runs_read_as_they_go_give_every_shingle_once_in_order() -> None:
    """The runs a long text's words are read in (no list of all its words) join into its
    shingles, repeats and order kept, whatever the run length."""
    from dateline.clean import duplicates

    text = " ".join(f"Ferry crews walked out over pay, the union said. Update {n}."
                    for n in range(30))
    words = re.findall(r"\w+", text.lower())
    every = [" ".join(words[i:i + 5]) for i in range(len(words) - 4)]
    for run in (1, 7, 50, len(every), 20000):
        runs = list(duplicates._shingle_runs(text, run=run))
        assert [s for part in runs for s in part] == every
        assert max(len(part) for part in runs) <= run + 1
    assert list(duplicates._shingle_runs("Ferry strike ends")) == [["ferry strike ends"]]
    assert list(duplicates._shingle_runs("  ,. ")) == []


def test_a_fingerprint_sketched_run_by_run_equals_one_sketch_of_every_shingle() -> None:
    """A long text's sketch takes its shingles a run at a time (bounded memory): the
    same set members and MinHash values as hashing every distinct shingle in one go."""
    from hashlib import sha1

    from datasketch import MinHash

    from dateline.clean import duplicates

    text = "\n".join(f"Ferry crews walked out over pay on March {n % 28 + 1}, the union "
                     f"said. Update {n}." for n in range(5000))
    members, values = duplicates.fingerprint(text)
    distinct = sorted(duplicates.shingles(text))
    assert len(distinct) > 20000  # more than one run
    digests = [sha1(s.encode("utf-8")).digest() for s in distinct]
    reference = MinHash(num_perm=duplicates.NUM_PERM, seed=1,
                        hashfunc=lambda value: value)
    reference.update_batch([int.from_bytes(d[:4], "little") for d in digests])
    assert values is not None and (values == reference.hashvalues).all()
    expected = sorted({int.from_bytes(d[:8], "little", signed=True) for d in digests})
    assert members.tolist() == expected


def test_reads_future_agrees_with_the_full_tense_reading() -> None:
    """``reads_future`` skips the word-by-word reading of sentences without a word that
    can give a future cue; on every span it answers as ``tense_near(...) == FUTURE``."""
    extra = ["Officials'll meet on Tuesday.", "The vote is to take place on June 4.",
             "Talks resume as soon as Monday.", "The pact, effective June 1, was signed.",
             "He said on Friday the deal would close next week."]
    text = " ".join(SENTENCES + extra)
    readings = []
    for match in re.finditer(r"[A-Za-z0-9]+(?: [0-9]+)?", text):
        expected = tense_near(text, *match.span()) == context.FUTURE
        assert context.reads_future(text, *match.span()) == expected
        readings.append(expected)
    assert any(readings) and not all(readings)


def _reference_strong_reason(text: str, line_words: tuple[str, ...]) -> str | None:
    """``_strong_reason_of`` as it read before the keys were scanned once per line."""
    from dateline.clean import noise

    words = len(line_words)
    reported = words > 20 and (noise._QUOTE_RE.search(text) or noise._REPORTED_RE.search(text))
    if words <= 40 and not reported:
        lowered_text = text.lower()
        for reason, pattern in noise._STRONG:
            keys = noise._STRONG_KEYS.get(reason)
            if keys and not any(k in lowered_text for k in keys):
                continue
            if pattern.search(text):
                return reason
    if 0 < words <= 12 and all(w.lower() in noise._SOCIAL_WORDS for w in line_words):
        return "social widget"
    return None


FURNITURE_AND_BODY = [
    "We use cookies to improve your experience. Read our privacy policy.",
    "Sign up for our free daily newsletter",
    "Already a subscriber? Log in to continue reading.",
    "Please consider supporting independent journalism today.",
    "Follow us on Twitter and like us on Facebook",
    "Advertisement", "Skip to main content", "Read more:", "© 2022 Kestwick Courier",
    "Share this article", "Leave a comment", "12 comments", "Tags: ferry, strike, Kestwick",
    "This article was updated to correct the date of the vote.",
    "Share Tweet Email Print",
    "Ferry crews in Kestwick walked out on March 3, 2022 over pay, the union said.",
    "Marlow council voted on Tuesday to close the old bridge for repairs, officials said.",
    "The union said it would sign the deal if the company agreed to share the savings.",
]


def test_strong_reasons_with_one_key_scan_match_the_per_reason_scan() -> None:
    from dateline.clean.noise import _WORD_RE, _strong_reason_of

    reasons = []
    for line in FURNITURE_AND_BODY:
        words = tuple(_WORD_RE.findall(line))
        reasons.append(_strong_reason_of.__wrapped__(line, words))
        assert reasons[-1] == _reference_strong_reason(line, words), line
    assert sum(r is not None for r in reasons) >= 10 and reasons[-1] is None


def test_a_strong_pattern_never_matches_without_one_of_its_keys() -> None:
    """What the key scan rests on, for the cleaner's lines and the normalised lines
    ``copy_words`` reads: every strong pattern that matches finds one of its keys."""
    from dateline.clean import noise

    matched = 0
    for line in FURNITURE_AND_BODY:
        for text in (line, noise.normalise(line)):
            for reason, pattern in noise._STRONG:
                keys = noise._STRONG_KEYS.get(reason)
                if keys and pattern.search(text):
                    matched += 1
                    assert any(key in text.lower() for key in keys), (reason, text)
    assert matched >= 10


def test_copy_words_with_the_key_scan_matches_a_search_of_every_pattern() -> None:
    from dateline.clean import noise

    shared = [noise.normalise(line + " " + body) for line in FURNITURE_AND_BODY
              for body in FURNITURE_AND_BODY[-3:]]
    counts = [noise.copy_words.__wrapped__(norm) for norm in shared]
    for norm, words in zip(shared, counts, strict=True):
        plain = any(pattern.search(norm) for _, pattern in noise._STRONG)
        assert words == (0 if len(norm.split()) >= 12 and plain else len(norm.split()))
    assert 0 in counts and any(counts)


def _reference_is_date_line(line: str) -> bool:
    """``is_date_line`` as it read before the count of words no filler removal touches."""
    from dateline.dating import pubdate

    if len(line) > 140:
        return False
    dates = find_dates(line)
    if not dates:
        return False
    rest = line
    for d in reversed(dates):
        rest = rest[: d.start] + " " + rest[d.end :]
    if pubdate._BYLINE_RE.match(line):
        return len(rest.split()) <= 12
    rest = pubdate._DATE_LINE_FILLER.sub(" ", pubdate._READ_TIME_RE.sub(" ", rest))
    words = pubdate._WORD_RE.findall(rest)
    if len(words) <= 2:
        return True
    return (len(words) <= 4 and pubdate._NAME_SEPARATOR_RE.search(line) is not None
            and all(w[:1].isupper() for w in words))


DATED_LINES = [
    "Posted on March 3, 2019 | 2 pm", "Published: 03/04/2019 10:15 a.m. EST",
    "Updated March 4, 2019 at 9:02 p.m. ET | 5 min read", "Jane Roe • March 3, 2019",
    "By Jane Roe | March 3, 2019", "First published on Tue 3 Mar 2019 10.15 GMT",
    "March 3, 2019 Last modified on March 4, 2019", "Café Kestwick | 3 March 2019",
    "on's the at_on March 3, 2019", "2019-03-03T10:15:00Z posted by the desk and others",
    "Ferry crews in Kestwick walked out on March 3, 2022 over pay, the union said.",
    "On March 3, 2022 the Kestwick ferry service stopped when its crews walked out.",
    "Minutes read on March 3, 2019 by the editors of the paper",
    "Mon., March 4, 2019, 10:15 am ET • Jane Roe", "The 3 March 2019 vote",
]


def test_date_line_word_count_check_changes_no_answer() -> None:
    answers = [is_date_line(line) for line in DATED_LINES]
    assert answers == [_reference_is_date_line(line) for line in DATED_LINES]
    assert any(answers) and not all(answers)


CAPTION_LINES = [
    "Crews leave the ferry terminal in Kestwick. REUTERS/Jane Roe",
    "The old bridge in Marlow. Photograph: John Doe/Marlow Courier",
    "Workers at the harbour on Thursday. Photo: Alpine Record / Beat Walser",
    "A striking crew member (AP Photo/Jane Roe)", "Photo: Jane Roe", "FILE - The bridge in 2019",
    "In this March 3, 2022 photo, crews walk out.", "The bridge at dusk. Getty Images",
    "Ferry crews in Kestwick walked out on March 3, 2022 over pay, the union said.",
    "The council's 3/4 majority voted: the bridge closes on Friday.",
]


def test_caption_character_checks_change_no_answer() -> None:
    from dateline.clean.noise import _CAPTION_RES, is_caption

    answers = [is_caption(line) for line in CAPTION_LINES]
    assert answers == [any(p.search(line) for p in _CAPTION_RES) for line in CAPTION_LINES]
    assert sum(answers) >= 7 and not answers[-1] and not answers[-2]


def _reference_ends_with_abbreviation(chunk: str) -> bool:
    """``_ends_with_abbreviation`` as it read before it matched the reversed chunk."""
    from dateline.clean.sentences import _ABBREVIATIONS

    match = re.search(r"([\w.\-'’]+)$", chunk)
    if not match:
        return False
    word = match.group(1).lower().rstrip(".")
    if word in _ABBREVIATIONS:
        return True
    return len(word) == 1 and word.isalpha() or bool(re.fullmatch(r"(?:[a-z]\.)+[a-z]", word))


def test_word_before_a_period_read_from_the_end_as_before() -> None:
    from dateline.clean.sentences import _ends_with_abbreviation

    chunks = ["He met Mr.", "in the U.S.", "John F.", "the A380's.", "at 4 p.m.", "the end.",
              "Gen.", "co-op.", "Kestwick, Jan.", "“quoted.", "e.g.", "x.y.z.", "(Mr.", "—St."]
    answers = [_ends_with_abbreviation(chunk) for chunk in chunks]
    assert answers == [_reference_ends_with_abbreviation(chunk) for chunk in chunks]
    assert any(answers) and not all(answers)


def test_word_before_from_the_reversed_text_as_by_the_anchored_search() -> None:
    from dateline.dating.timex.tagger import word_before

    reference = re.compile(r"([A-Za-z]+)[\s,]*\Z")
    text = ("Ferry crews walked out on  March 3, 2022;\tin\u00a0May, 2021 the\u2009council "
            "voted,\n 1999 an extraordinarilylongwordbeforethisyear 2020 (1987) café 1990")
    for start in range(len(text) + 1):
        match = reference.search(text, max(0, start - 30), start)
        assert word_before(text, start) == (match.group(1).lower() if match else ""), start
    assert word_before(text, text.index("1999")) == "voted"


def test_expressions_tagged_for_another_text_are_not_taken() -> None:
    """A handed-on tagging is used only for the very text it was made from."""
    from dateline.dating.timex import tag
    from dateline.model import Article
    from dateline.pipeline import annotate_article

    text = UNDATED_RECORDS[0]["text"]
    other = UNDATED_RECORDS[1]["text"]
    article = Article(id="harbour", path="harbour", raw_text=text, text=text)
    annotate_article(article, (other, tag(other)))
    found = [t.text for s in article.sentences for t in s.timexes]
    assert "March 10, 2022" in found and "June 14, 1931" not in found


def _page_lines(count: int) -> list[str]:
    """A long pasted page: a menu, many numbered reports, teasers and a footer."""
    head = ["Home", "News", "Sport", "Kestwick Gazette", "Ferry strike goes on"]
    body = [f"{sentence} Update {n}." if n % 3 else sentence
            for n, sentence in zip(range(count), itertools.cycle(SENTENCES))]
    teasers = ["Read more:", "Council approves budget", "Bridge closure: what we know"]
    return head + body + teasers + ["© 2022 Kestwick Gazette. All rights reserved."]


def _reference_own_rows(lines: list[str]) -> list[list[float]]:
    """The per-page own features as ``_feature_rows`` set them before they went into one
    array: a list of floats per line."""
    from collections import Counter

    from dateline.clean import linemodel as lm

    n = len(lines)
    rows = [list(lm._own(text)) for text in lines]
    counts = Counter(text.strip().lower() for text in lines)
    prose_chars = [len(t) if r[lm._I_PROSE] else 0 for t, r in zip(lines, rows, strict=True)]
    any_prose = sum(prose_chars) > 0
    total = sum(prose_chars) or 1
    seen = 0
    for i, row in enumerate(rows):
        row[lm._I_POS] = i / n
        row[lm._I_BEFORE] = seen / total
        seen += prose_chars[i]
        row[lm._I_AFTER] = (total - seen) / total if any_prose else 0.0
        row[lm._I_REP] = 1.0 if counts[lines[i].strip().lower()] > 1 else 0.0
    return rows


def test_line_features_in_one_array_are_the_same_floats():
    from dateline.clean.linemodel import _OWN, line_features

    lines = _page_lines(600)
    own = [row[:len(_OWN)] for row in line_features(lines)]
    assert own == _reference_own_rows(lines)


def test_line_model_scores_by_blocks_as_row_by_row():
    """Scoring a block at a time (a page longer than one block) gives every line the
    bits ``_Stage.score`` gives it alone."""
    from dateline.clean import linemodel

    model = linemodel.load()
    assert model is not None
    lines = _page_lines(linemodel._BLOCK + 700)
    rows = linemodel.line_features(lines)
    first = [model.first.score(row) for row in rows]
    contexts = linemodel.stage2_contexts(first)
    expected = [model.second.score(row + context)
                for row, context in zip(rows, contexts, strict=True)]
    assert model.probabilities(lines) == expected


def test_cleaning_leaves_no_lines_cached_and_cleans_alike_again():
    """The text-keyed line caches are emptied when a collection is cleaned (they would
    keep its lines alive), and a second cleaning, with cold caches, is the same."""
    from dateline.clean import clean_articles, linemodel, noise
    from dateline.model import Article

    def collection() -> list[Article]:
        return [Article(id=f"a{k}", path=f"page{k}.txt", raw_text="\n".join(_page_lines(40)))
                for k in range(3)]

    from dateline.pipeline import prepare_articles

    def nothing_cached() -> bool:
        return all(cached.cache_info().currsize == 0
                   for cached in (noise._normalise_cached, noise._strong_reason_of,
                                  noise._is_date_line_cached, linemodel._own_cached))

    first, second, third = collection(), collection(), collection()
    clean_articles(first)
    assert nothing_cached()
    clean_articles(second)
    assert [(a.title, a.text, a.removed) for a in first] == \
        [(a.title, a.text, a.removed) for a in second]
    prepare_articles(third, Config())  # the build's path: cleaning mapped over articles
    assert nothing_cached()
    assert [(a.title, a.text, a.removed) for a in third] == \
        [(a.title, a.text, a.removed) for a in first]


def test_coarse_mentions_attach_alike_with_the_period_scores_kept(monkeypatch) -> None:
    """``_finer_match`` reads a period's pair scores from one product per period: the
    clusters are the same as when every coarse cluster multiplies its own block."""
    import datetime as dt

    from dateline.events import grouping
    from dateline.model import FuzzyDate, Mention, Precision, Timex

    subjects = ["The ferry crews of Kestwick walked out over pay",
                "Marlow council voted to close the old bridge for repairs",
                "The harbour board agreed a new pay deal with the ferry crews",
                "Engineers found cracks in two piers of the Marlow bridge",
                "Voters in Kestwick elected a new mayor after a close race"]
    mentions = []
    for n in range(60):
        subject = subjects[n % len(subjects)]
        day = dt.date(2031, 1 + n % 3, 1 + (n * 7) % 27)
        if n % 4 == 3:
            date = FuzzyDate(day.year, day.month, 1, Precision.MONTH)
            text = f"{subject} in {day:%B}, officials said."
        elif n % 9 == 8:
            date = FuzzyDate(day.year, 1, 1, Precision.YEAR)
            text = f"{subject} earlier this year, the report said."
        else:
            date = FuzzyDate(day.year, day.month, day.day, Precision.DAY)
            text = f"{subject} on {day:%A}, the spokeswoman said."
        mentions.append(Mention(f"a{n % 23}", n, text, date,
                                Timex(0, 1, "x", "DATE", date.iso()),
                                context=f"{subject}\n{text}"))

    def shape(clusters):
        return [[(m.article_id, m.sentence_index) for m in c] for c in clusters]

    kept = grouping.group_mentions(mentions)
    calls = []
    original = grouping._PeriodScores.of
    monkeypatch.setattr(grouping._PeriodScores, "of",
                        staticmethod(lambda *args: calls.append(original(*args))))
    direct = grouping.group_mentions(mentions)
    assert shape(kept) == shape(direct)
    assert any(calls)  # the periods' scores were built (and not used the second time)
    assert any(len({m.date.precision for m in c}) > 1 for c in kept)  # some attached


def test_terms_computed_with_the_mentions_group_them_alike() -> None:
    """Extraction can return each mention's grouping terms (so a worker runs the
    analyzer); grouping with them gives the clusters it gives computing them itself."""
    import datetime as dt

    from dateline.events.grouping import group_mentions
    from dateline.events.similarity import joined_terms, mention_terms, split_terms
    from dateline.model import Article
    from dateline.pipeline import extract_chunk

    bodies = [
        "Ferry crews in Kestwick walked out on Tuesday over pay. The harbour board said "
        "on Wednesday that no boats would sail until the dispute was settled. Talks "
        "resumed in March, the union said.",
        "The Kestwick ferry strike began on Tuesday, the union said. Marlow council voted "
        "on Thursday to close the old bridge after engineers found cracks in two piers.",
        "Engineers found cracks in the Marlow bridge on Thursday. The council expects "
        "repairs to start in June and the bridge to reopen next year.",
    ]
    articles = [Article(id=f"a{n}", path=f"a{n}.txt", raw_text=body, text=body,
                        title="Kestwick and Marlow news", published=dt.date(2031, 5, 8 + n),
                        published_source="text", published_confidence=1.0)
                for n, body in enumerate(bodies)]
    results = extract_chunk(articles, with_terms=True)
    mentions = [m for result in results for m in result[1]]
    terms = [t for result in results for t in result[4]]
    assert len(mentions) >= 6 and terms == [joined_terms(m) for m in mentions]
    assert [split_terms(t) for t in terms] == [mention_terms(m) for m in mentions]
    assert all(result[4] == [] for result in extract_chunk(articles))

    def shape(clusters):
        return [[(m.article_id, m.sentence_index, m.date.iso()) for m in c] for c in clusters]

    assert shape(group_mentions(mentions, terms=terms)) == shape(group_mentions(mentions))


def test_day_blocks_clustered_apart_give_the_same_clusters() -> None:
    """On a cluster each day block travels to a worker with its mentions and its rows of
    the fitted vectors; the clusters are those of the blocks clustered in place."""
    import datetime as dt
    import pickle

    from dateline.events.grouping import group_mentions
    from dateline.model import FuzzyDate, Mention, Precision, Timex

    class Shipping:
        """A mapper that pickles every chunk and its result, as a cluster does."""

        distributed = True
        calls = 0

        def map_chunks(self, function, items, on_chunk=None, per_item=1.0, **shared):
            Shipping.calls += 1
            results = []
            for start in range(0, len(items), 4):
                chunk = pickle.loads(pickle.dumps(items[start:start + 4]))
                results.extend(pickle.loads(pickle.dumps(function(chunk, **shared))))
            return results

    subjects = ["Ferry crews in Kestwick walked out over pay",
                "Marlow council voted to close the old bridge",
                "The harbour board offered the ferry crews a new pay deal",
                "Engineers found cracks in the piers of the Marlow bridge"]
    mentions = []
    for n in range(80):
        subject = subjects[n % len(subjects)]
        day = dt.date(2031, 3, 1 + (n * 5) % 9)
        date = FuzzyDate(day.year, day.month, day.day, Precision.DAY)
        text = f"{subject} on {day:%A}, a spokesman for the {n % 3 + 1}rd district said."
        mentions.append(Mention(f"a{n % 31}", n, text, date,
                                Timex(0, 1, "x", "DATE", date.iso()),
                                context=f"{subject}\n{text}"))

    def shape(clusters):
        return [[(m.article_id, m.sentence_index) for m in c] for c in clusters]

    apart = group_mentions(mentions, mapper=Shipping())
    assert Shipping.calls == 1
    assert shape(apart) == shape(group_mentions(mentions))
    assert any(len(c) > 1 for c in apart) and len(apart) > 9


def test_people_found_once_per_text_are_the_same_as_searched_again():
    """``_People.find`` keeps what it found per text for the article: the same list as a
    fresh search, every time, and a caller changing its copy changes nothing kept."""
    from dateline.events.quotes import _People

    forms = {"Lina Haugen": "Lina Haugen", "Haugen": "Lina Haugen", "Brandt": "Karl Brandt"}
    people = _People(forms, None, "a1")
    texts = ["Haugen met Brandt on Tuesday.", "Dr Mira Olsen said so.", "Nobody spoke.",
             "Haugen met Brandt on Tuesday."]
    for text in texts:
        first = people.find(text)
        assert first == people._find(text)
        first.append((0, 0, "someone"))
        assert people.find(text) == people._find(text)


@pytest.mark.parametrize("text", [
    *SENTENCES,
    "The talks collapsed on Tuesday, according to two diplomats",
    "The talks collapsed on Tuesday, ACCORDING TO two diplomats.",
    "The ministers met in Geneva, an aide told reporters late on Friday.",
    "The ministers met in Geneva, the agency reported .  ",
    "The deal was signed, a spokesman SAID!\n",
    "The deal was signed, a spokesman said, and the markets rose.",
    "Said the minister: the border stays shut.",
    "The ministers met in Geneva, the agency reports",
    "The strike ended, officials confirmed  .",
    "The strike ended, the union announces",
    "He ſaid the strike ended, the union ſays",  # long s: the same under IGNORECASE
    "",
])
def test_attribution_cue_skips_only_sentences_the_pattern_leaves(text):
    """``title_by_patterns`` tries ``_ATTRIBUTION`` only where ``_ATTRIBUTION_CUE``
    finds a cue; without one the pattern has nothing to remove."""
    from dateline.timeline.titles import _ATTRIBUTION, _ATTRIBUTION_CUE

    removed = _ATTRIBUTION.sub("", text)
    if _ATTRIBUTION_CUE.search(text) is None:
        assert removed == text
    for variant in (text, text + " he said", text + ", according to aides"):
        if _ATTRIBUTION.search(variant):
            assert _ATTRIBUTION_CUE.search(variant)
