"""One home for shared word lists: the lexicon, and the modules that must use it."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from dateline import lexicon
from dateline.clean import linemodel, noise
from dateline.dating.pubdate import date_from_text, find_dates
from dateline.dating.timex import lexicon as timex_lexicon
from dateline.lexicon import (
    MONTHS,
    ORDINALS,
    WEEKDAY_NAMES,
    alternation,
    is_furniture_heading,
    reporting_forms,
)

PACKAGE = Path(lexicon.__file__).parent


def test_alternation_prefers_the_longest_word():
    pattern = re.compile(rf"\b(?:{alternation(['Sep', 'Sept', 'September', 'a.m'])})")
    assert pattern.match("September 4").group(0) == "September"
    assert pattern.match("Sept. 4").group(0) == "Sept"
    assert pattern.match("a.m").group(0) == "a.m"
    assert not pattern.match("axm")  # the dot is escaped


def test_calendar_tables():
    assert MONTHS["sept"] == MONTHS["september"] == 9
    assert MONTHS["may"] == 5 and len({MONTHS[m] for m in MONTHS}) == 12
    assert WEEKDAY_NAMES.index("sunday") == 6
    assert ORDINALS["twenty-first"] == ORDINALS["21st"] == 21
    assert ORDINALS["hundredth"] == 100 and ORDINALS["12th"] == 12 and ORDINALS["3rd"] == 3


def test_reporting_forms_by_verb_and_form():
    assert reporting_forms("say", "tell", forms=("past",)) == {"said", "told"}
    assert reporting_forms("say", forms=("base", "present")) == {"say", "says"}
    every = reporting_forms(forms=("present", "past"))
    assert {"warned", "insists", "wrote", "replies", "disclosed"} <= every
    assert "note" not in every  # base forms read as nouns: only on request


def test_every_module_uses_the_shared_tables():
    assert timex_lexicon.MONTHS is MONTHS and timex_lexicon.ORDINALS is ORDINALS
    assert noise.STOP_WORDS is linemodel.STOP_WORDS is lexicon.STOP_WORDS


def _own_constants(path: Path) -> list[ast.Constant]:
    """String constants of a module, docstrings left out."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docs = {id(node.body[0].value) for node in ast.walk(tree)
            if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef))
            and node.body and isinstance(node.body[0], ast.Expr)}
    return [node for node in ast.walk(tree) if isinstance(node, ast.Constant)
            and isinstance(node.value, str) and id(node) not in docs]


def _package_files() -> list[Path]:
    return [p for p in sorted(PACKAGE.rglob("*.py")) if p != PACKAGE / "lexicon.py"]


def test_no_module_keeps_its_own_stop_word_list():
    """A string of 25 or more words, most of them stop words, is a copy (a rule's own short
    word list, such as the words that end a name, is not)."""
    copies = []
    for path in _package_files():
        for node in _own_constants(path):
            words = node.value.lower().split()
            if len(words) >= 25 and sum(w in lexicon.STOP_WORDS for w in words) > 0.6 * len(words):
                copies.append(f"{path.relative_to(PACKAGE)}:{node.lineno}")
    assert copies == []


def _string_constants(tree: ast.AST) -> list[str]:
    return [node.value.lower() for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str)]


def test_no_module_spells_out_the_calendar_again():
    """A string naming four or more months or weekdays is a copy of the lexicon."""
    words = re.compile(r"\b(?:" + alternation([*lexicon.MONTH_NAMES, *WEEKDAY_NAMES]) + r")\b")
    copies = [f"{path.relative_to(PACKAGE)}:{node.lineno}" for path in _package_files()
              for node in _own_constants(path)
              if len(set(words.findall(node.value.lower()))) >= 4]
    assert copies == []


def test_no_module_lists_reporting_verbs_again():
    """A string naming six or more inflected reporting verbs is a copy of the lexicon's."""
    forms = reporting_forms(forms=("present", "past"))
    word = re.compile(r"[a-z]+")
    copies = [f"{path.relative_to(PACKAGE)}:{node.lineno}" for path in _package_files()
              for node in _own_constants(path)
              if len(forms.intersection(word.findall(node.value.lower()))) >= 6]
    assert copies == []


def test_furniture_headings_are_shared_by_cleaner_and_dater():
    for heading in ("Join the debate", "More on this story", "Related Coverage",
                    "12 thoughts on “Harbour ferry to resume”", "Comments (4)", "Latest"):
        assert is_furniture_heading(heading), heading
    for line in ("The debate continues in parliament next week.", "More than 40 people came."):
        assert not is_furniture_heading(line), line


def test_dater_stops_at_a_comment_heading():
    """A commenter's date below "Join the debate" is not the story's publication date."""
    title = "Harbour ferry service to resume after pier repairs"
    raw = (f"{title}\n"
           "The ferry between the two islands will run again once the pier repairs are "
           "finished, officials told residents at a meeting on the quay.\n"
           "Join the debate\n"
           "Marta Kolar | June 3, 2019\n"
           "Great news for commuters.\n")
    assert date_from_text(raw, title) is None
    dated = raw.replace("Join the debate\n", "")
    assert date_from_text(dated, title) is not None  # the same date line, not under a heading


def test_month_and_weekday_forms_in_date_lines():
    assert [m.date.month for m in find_dates("Tues., Sept. 4, 2018")] == [9]
    assert [m.date.month for m in find_dates("Thursday 3 May 2018")] == [5]
