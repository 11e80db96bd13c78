"""Issue 14: the collection-wide steps cost what each article brings, not the collection
squared, and give the same answers as the direct computation."""

from __future__ import annotations

from dateline.clean.duplicates import _fingerprint, _fingerprint_copy, is_copy, shingles
from dateline.model import FuzzyDate, Mention, Precision, Timex


def test_fingerprints_decide_copies_like_the_shingle_sets():
    base = ("The ferry crews of Kestwick walked out on Thursday over pay and the harbour "
            "office said no boats would sail until the dispute was settled by the board.")
    texts = [base, base + " Updated at noon.", base[:90], "Marlow council voted to close "
             "the old bridge for repairs after engineers found cracks in two of its piers.",
             base.replace("Thursday", "Friday"), ""]
    for a in texts:
        for b in texts:
            for threshold in (0.5, 0.8):
                assert _fingerprint_copy(_fingerprint(a)[0], _fingerprint(b)[0], threshold) \
                    == is_copy(shingles(a), shingles(b), threshold)
    assert len(_fingerprint(base * 50)[0]) == len(shingles(base * 50))


def test_a_fingerprint_is_the_same_in_every_process():
    """Workers compute the duplicate fingerprints: another process (another string-hash
    seed) must give the very same shingle hashes and sketch."""
    import os
    import subprocess
    import sys

    code = ("from dateline.clean.duplicates import _fingerprint; "
            "m, s = _fingerprint('The ferry crews of Kestwick walked out on Thursday over "
            "pay and the harbour office said no boats would sail.'); "
            "print(m.tolist(), s.hashvalues.tolist())")
    outputs = set()
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                              text=True, check=True)
        outputs.add(done.stdout)
    assert len(outputs) == 1


def test_undated_weekday_reports_join_once_per_article_and_only_clear_matches():
    import datetime as dt

    from dateline.events.grouping import place_undated
    from dateline.events.mentions import UndatedItem
    from dateline.model import Article, Sentence

    tuesday = FuzzyDate(2024, 4, 9, Precision.DAY)
    wednesday = FuzzyDate(2024, 4, 10, Precision.DAY)
    strike = "Ferry crews in Kestwick walked out over pay on April 9, the union said."
    bridge = "Marlow council voted on April 10 to close the old bridge for repairs."
    clusters = [[Mention("w1", 0, strike, tuesday, Timex(58, 66, "April 9", "DATE", "x"))],
                [Mention("w2", 0, bridge, wednesday, Timex(23, 31, "April 10", "DATE", "x"))]]
    retold = ["Ferry crews in Kestwick walked out over pay on Tuesday, the union said.",
              "The Kestwick ferry crews walked out over pay on Tuesday, said the union."]
    late = Article("u", "u.txt", "", text=" ".join(retold + [bridge]),
                   sentences=[Sentence(i, 0, 0, t) for i, t in enumerate(retold)])
    items = [UndatedItem("u", retold[0], "on Tuesday", "no publication date"),
             UndatedItem("u", retold[1], "on Tuesday", "no publication date"),
             UndatedItem("u", "Marlow council voted to close the bridge on Tuesday.",
                         "on Tuesday", "no publication date")]
    added, still = place_undated(clusters, items, [late])
    # The first retelling joins Tuesday's strike; the second is the same article again
    # (one article reports an event once); the bridge vote was a Wednesday.
    assert [(m.article_id, m.sentence_index, m.basis) for m in clusters[0]] == [
        ("w1", 0, "text"), ("u", 0, "collection")]
    assert added == clusters[0][1:] and still == items[1:]
    assert late.published == dt.date(2024, 4, 9)


def test_a_date_under_an_adverb_root_gets_a_title_without_hanging():
    """Issue 14's "superlinear at 2,000 articles" was this loop: spaCy gives a new Token
    on each access, so the climb never saw the root when the root was an adverb."""
    import threading

    from dateline.nlp import load_pipeline
    from dateline.timeline.titles import title_from_parse

    doc = load_pipeline()("Then on Tuesday, again.")
    assert doc[len(doc) - 2].dep_ == "ROOT" and doc[len(doc) - 2].pos_ == "ADV"
    start = doc.text.index("Tuesday")
    result: list = []
    worker = threading.Thread(target=lambda: result.append(
        title_from_parse(doc, start, start + len("Tuesday"))), daemon=True)
    worker.start()
    worker.join(30)
    assert not worker.is_alive() and len(result) == 1
