"""Loading step folders: every defect is reported with its file, its line and a message.

Each broken pack is the mini pack with ONE textual edit. Messages are compared with
the catalogue: the expected text is the catalogue entry with the known parameters
filled in; parameters worded by a library (YAML, regular expressions) match anything.
"""

from __future__ import annotations

import re
import string
import subprocess
import sys
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

import pytest

from koprade_wizard.cli.wiring import load_pack as load_tree
from koprade_wizard.common.errors import Problem, StepFileError
from koprade_wizard.guidance.funding_texts import PREFIXES
from koprade_wizard.i18n import catalog
from koprade_wizard.i18n.messages import LANGS, raw, t, word
from koprade_wizard.pack.loader import cache_dir
from koprade_wizard.pack.model import KINDS

ANY = object()  # a parameter whose wording comes from a library, not from us


class T:
    """A catalogue message used as a parameter of another one (resolved per language)."""

    def __init__(self, key: str, **params: Any) -> None:
        self.key = key
        self.params = params


def hint(name: str) -> T:
    return T("did_you_mean", name=name)


def _resolve(value: Any, lang: str) -> Any:
    if isinstance(value, T):
        return t(value.key, lang, **{k: _resolve(v, lang) for k, v in value.params.items()})
    return value


def message_pattern(key: str, lang: str, params: dict[str, Any]) -> re.Pattern[str]:
    """The catalogue text of ``key`` as a regex: given parameters literally, ANY as '.+'."""
    parts: list[str] = []
    for literal, field, _, _ in string.Formatter().parse(raw(key, lang)):
        parts.append(re.escape(literal))
        if field is not None:
            value = params[field]  # every placeholder must be named by the test
            parts.append(".+?" if value is ANY else re.escape(str(_resolve(value, lang))))
    return re.compile("".join(parts), re.S)


class Case(NamedTuple):
    name: str
    file: str
    old: str | None  # None: the whole file becomes ``new``
    new: str
    where: str  # the file the problem must name
    line: int
    key: str
    params: dict[str, Any]
    count: int = 1  # how many problems the defect causes in all
    contains: tuple[str, ...] = ()


FOUNDER_LABEL = '    label: {lv: "Kas dibina telpu?", en: "Who founds the space?"}'
MEMBERS_WHEN = "when: founder == 'association'"
NOTES_LABEL = "label: {lv: Piezīmes, en: Notes}"
WHAT_COND = T("what_condition")

CASES = [
    # --- YAML itself --------------------------------------------------------------
    Case("yaml-bad-indentation", "about.yaml", "    kind: text\n", "      kind: text\n",
         "about.yaml", 5, "yaml_syntax", {"reason": ANY}),
    Case("yaml-unclosed-quote-in-flow", "about.yaml", 'label: {lv: "Kas dibina telpu?"',
         'label: {lv: "Kas dibina telpu?', "about.yaml", 13, "yaml_syntax", {"reason": ANY}),
    Case("yaml-unclosed-quote-to-the-end", "pack.yaml", 'version: "1"', 'version: "1',
         "pack.yaml", 2, "yaml_syntax", {"reason": ANY}),
    Case("yaml-duplicate-key", "about.yaml", "    kind: text\n",
         "    kind: text\n    kind: long_text\n", "about.yaml", 6, "yaml_syntax",
         {"reason": ANY}, contains=("'kind'",)),
    Case("unsafe-python-name", "about.yaml", "    default: false",
         "    default: !!python/name:os.system", "about.yaml", 29, "unsafe_tag",
         {"tag": ANY}, contains=("python/name:os.system",)),
    Case("list-at-top-of-step", "about.yaml", None, "- id: about\n- title: x\n",
         "about.yaml", 1, "not_mapping", {"found": T("type_list")}),
    Case("list-at-top-of-pack", "pack.yaml", None, "- id: mini\n- steps: [about]\n",
         "pack.yaml", 1, "not_mapping", {"found": T("type_list")}),
    Case("empty-step-file", "place.yaml", None, "", "place.yaml", 1, "empty_file",
         {"keys": "id, title, questions"}),
    Case("empty-pack-file", "pack.yaml", None, "\n", "pack.yaml", 1, "empty_file",
         {"keys": "id, version, title, languages, steps"}),
    # --- the format -----------------------------------------------------------------
    Case("step-without-questions", "place.yaml", None,
         "id: place\ntitle: {lv: Telpas, en: Premises}\n", "place.yaml", 1, "empty_step",
         {"step": "place"}),
    Case("label-is-text", "about.yaml", FOUNDER_LABEL, '    label: "Who founds the space?"',
         "about.yaml", 13, "wrong_type",
         {"key": "label", "expected": T("type_mapping"), "found": T("type_text")}),
    Case("required-maybe", "place.yaml", "    required: false\n    choices:",
         '    required: "maybe"\n    choices:', "place.yaml", 14, "wrong_type",
         {"key": "required", "expected": T("type_yes_no"), "found": T("type_text")}),
    Case("min-is-text", "about.yaml", "      min: 2", '      min: "ten"', "about.yaml", 24,
         "wrong_type", {"key": "min", "expected": T("type_number"), "found": T("type_text")}),
    Case("pack-without-version", "pack.yaml", 'version: "1"\n', "", "pack.yaml", 1,
         "missing_key", {"key": "version"}),
    Case("typo-requird", "place.yaml", "    required: false\n    choices:",
         "    requird: false\n    choices:", "place.yaml", 14, "unknown_key",
         {"key": "requird", "hint": hint("required")}),
    Case("typo-hlep", "about.yaml", "    help: {lv: Nosaukums", "    hlep: {lv: Nosaukums",
         "about.yaml", 7, "unknown_key", {"key": "hlep", "hint": hint("help")}),
    # A misspelt required key is also a missing one: two problems, both true.
    Case("typo-lable", "place.yaml", "    label: {lv: Piezīmes", "    lable: {lv: Piezīmes",
         "place.yaml", 26, "unknown_key", {"key": "lable", "hint": hint("label")}, count=2),
    Case("typo-choises", "about.yaml", "    choices:\n      - value: person",
         "    choises:\n      - value: person", "about.yaml", 14, "unknown_key",
         {"key": "choises", "hint": hint("choices")}, count=2),
    # A key of another kind is unknown here, and no near miss of itself.
    Case("unit-on-a-choice", "about.yaml", "    choices:\n      - value: person",
         "    unit: {lv: cilvēki, en: people}\n    choices:\n      - value: person",
         "about.yaml", 14, "unknown_key", {"key": "unit", "hint": ""}),
    Case("unknown-kind", "place.yaml", "kind: date", "kind: datum", "place.yaml", 20,
         "bad_kind", {"kind": "datum", "kinds": ", ".join(KINDS)}),
    Case("missing-kind", "place.yaml", "    kind: date\n", "", "place.yaml", 20, "missing_kind",
         {"kinds": ", ".join(KINDS)}),
    Case("bad-identifier", "place.yaml", "  - id: opening", "  - id: Bad-Id", "place.yaml", 20,
         "bad_identifier", {"key": "id", "value": "Bad-Id"}),
    Case("bad-phase", "place.yaml", "phase: concept", "phase: planning", "place.yaml", 32,
         "bad_literal", {"key": "phase", "expected": ANY, "value": "planning"},
         contains=("awareness", "development")),
    # --- ids ------------------------------------------------------------------------
    Case("duplicate-question-across-files", "place.yaml", "  - id: opening", "  - id: name",
         "place.yaml", 20, "duplicate_id",
         {"what": T("what_question"), "id": "name", "other": "pack/about.yaml:4"}),
    Case("duplicate-choice-value", "place.yaml",
         "        label: {lv: Darbnīcu, en: A workshop}\n",
         "        label: {lv: Darbnīcu, en: A workshop}\n"
         "      - value: kitchen\n        label: {lv: Virtuve, en: Kitchen}\n",
         "place.yaml", 20, "duplicate_choice", {"value": "kitchen", "question": "wishes"}),
    Case("duplicate-action-id", "place.yaml", "  - id: find-premises", "  - id: start-survey",
         "place.yaml", 30, "duplicate_id",
         {"what": T("what_action"), "id": "start-survey", "other": "pack/about.yaml:31"}),
    Case("duplicate-source-id", "pack.yaml", "    year: 2016\n",
         "    year: 2016\n  - id: deskmag-2016\n    title: Again\n", "pack.yaml", 11,
         "duplicate_id",
         {"what": T("what_source"), "id": "deskmag-2016", "other": "pack/pack.yaml:7"}),
    # --- conditions and expressions -------------------------------------------------
    Case("condition-unknown-question", "about.yaml", MEMBERS_WHEN, "when: fonder == 'association'",
         "about.yaml", 22, "expr_unknown_name",
         {"what": WHAT_COND, "name": "fonder", "hint": hint("founder")}),
    Case("condition-later-question", "about.yaml", MEMBERS_WHEN, "when: has_premises",
         "about.yaml", 22, "expr_later_name",
         {"what": WHAT_COND, "name": "has_premises", "other": "pack/about.yaml:26"}),
    Case("condition-on-itself", "about.yaml", MEMBERS_WHEN, "when: members > 2", "about.yaml",
         22, "expr_self", {"what": WHAT_COND, "name": "members"}),
    Case("condition-does-not-compile", "about.yaml", MEMBERS_WHEN,
         "when: founder == = 'association'", "about.yaml", 22, "expr_syntax",
         {"what": WHAT_COND, "expr": "founder == = 'association'", "reason": ANY}),
    Case("condition-unknown-choice", "about.yaml", MEMBERS_WHEN, "when: founder == 'company'",
         "about.yaml", 22, "expr_bad_choice",
         {"what": WHAT_COND, "name": "founder", "value": "company",
          "choices": "person, association"}),
    Case("condition-in-multi-unknown-choice", "place.yaml", "when: \"'workshop' in wishes\"",
         "when: \"'sauna' in wishes\"", "place.yaml", 28, "expr_bad_choice",
         {"what": WHAT_COND, "name": "wishes", "value": "sauna", "choices": "kitchen, workshop"}),
    Case("action-condition-unknown-question", "place.yaml", "when: not has_premises",
         "when: not has_premise", "place.yaml", 31, "expr_unknown_name",
         {"what": WHAT_COND, "name": "has_premise", "hint": hint("has_premises")}),
    Case("default-expr-later-question", "about.yaml", "    default: false",
         "    default_expr: area > 10", "about.yaml", 29, "expr_later_name",
         {"what": T("what_default"), "name": "area", "other": "pack/place.yaml:4"}),
    # Jinja errors of every class, and expressions tried on sample answers.
    Case("condition-unknown-filter", "about.yaml", MEMBERS_WHEN,
         "when: founder|nosuchfilter == 'association'", "about.yaml", 22, "expr_syntax",
         {"what": WHAT_COND, "expr": "founder|nosuchfilter == 'association'", "reason": ANY},
         contains=("nosuchfilter",)),
    Case("condition-unknown-test", "about.yaml", MEMBERS_WHEN, "when: founder is nosuchtest",
         "about.yaml", 22, "expr_syntax",
         {"what": WHAT_COND, "expr": "founder is nosuchtest", "reason": ANY},
         contains=("nosuchtest",)),
    Case("condition-nested-too-deeply", "about.yaml", MEMBERS_WHEN,
         "when: " + "(" * 400 + "founder" + ")" * 400, "about.yaml", 22, "expr_syntax",
         {"what": WHAT_COND, "expr": "(" * 400 + "founder" + ")" * 400,
          "reason": T("expr_too_deep")}),
    Case("action-condition-too-large", "place.yaml", "when: not has_premises",
         "when: \"'a' * 10**9\"", "place.yaml", 31, "expr_fails",
         {"what": WHAT_COND, "expr": "'a' * 10**9", "sample": "", "reason": T("expr_too_large")}),
    Case("action-condition-power-too-large", "place.yaml", "when: not has_premises",
         "when: \"(10 ** 100000) ** 100000 > 0\"", "place.yaml", 31, "expr_fails",
         {"what": WHAT_COND, "expr": "(10 ** 100000) ** 100000 > 0", "sample": "",
          "reason": T("expr_too_large")}),
    Case("default-expr-too-large", "place.yaml", 'default_expr: "members * 10 if members else 100"',
         "default_expr: \"'a' * 10**9\"", "place.yaml", 9, "expr_fails",
         {"what": T("what_default"), "expr": "'a' * 10**9", "sample": "",
          "reason": T("expr_too_large")}),
    Case("default-expr-filter-too-large", "place.yaml",
         'default_expr: "members * 10 if members else 100"',
         "default_expr: \"'x'|center(10**9)\"", "place.yaml", 9, "expr_fails",
         {"what": T("what_default"), "expr": "'x'|center(10**9)", "sample": "",
          "reason": T("expr_too_large")}),
    Case("action-condition-divides-by-zero", "place.yaml", "when: not has_premises",
         'when: "1 / ((name|length) - (name|length)) > 0"', "place.yaml", 31, "expr_fails",
         {"what": WHAT_COND, "expr": "1 / ((name|length) - (name|length)) > 0",
          "sample": ANY, "reason": ANY}, contains=("ZeroDivisionError", "name = '")),
    Case("action-condition-compares-text-with-number", "place.yaml", "when: not has_premises",
         'when: "name > 5"', "place.yaml", 31, "expr_fails",
         {"what": WHAT_COND, "expr": "name > 5",
          "sample": ANY, "reason": ANY}, contains=("TypeError", "name = '")),
    Case("action-condition-refused-by-the-sandbox", "place.yaml", "when: not has_premises",
         'when: "name.__class__"', "place.yaml", 31, "expr_fails",
         {"what": WHAT_COND, "expr": "name.__class__", "sample": ANY, "reason": ANY},
         contains=("__class__",)),
    # members applies to associations only; for everyone else it is none.
    Case("condition-fails-for-an-unanswered-question", "place.yaml", "when: not has_premises",
         'when: "members > 2"', "place.yaml", 31, "expr_fails",
         {"what": WHAT_COND, "expr": "members > 2",
          "sample": T("expr_sample", answers="members = none"), "reason": ANY}),
    Case("validation-expression-fails", "about.yaml", "      min: 2\n",
         "      min: 2\n      expr: 100 / (value - 2) > 1\n", "about.yaml", 23, "expr_fails",
         {"what": T("what_validation"), "expr": "100 / (value - 2) > 1",
          "sample": T("expr_sample", answers="value = 2"), "reason": ANY},
         contains=("ZeroDivisionError",)),
    Case("pattern-re2-cannot-run", "about.yaml", "      max_length: 80",
         "      pattern: '(a)\\1'", "about.yaml", 8, "bad_pattern",
         {"pattern": "(a)\\1", "reason": ANY}),
    Case("yaml-nul-byte", "place.yaml", NOTES_LABEL, "label: {lv: Pie\0zīmes, en: Notes}",
         "place.yaml", 26, "yaml_syntax", {"reason": ANY}, contains=("U+0000",)),
    Case("yaml-nested-too-deeply", "about.yaml", "    default: false",
         "    default: " + "[" * 70 + "]" * 70, "about.yaml", 29, "yaml_syntax",
         {"reason": ANY}),
    # --- defaults -------------------------------------------------------------------
    Case("default-and-default-expr", "place.yaml", '    default_expr: "members',
         '    default: 50\n    default_expr: "members', "place.yaml", 9, "default_and_expr", {}),
    Case("default-not-a-choice", "about.yaml", "    choices:\n      - value: person",
         "    default: company\n    choices:\n      - value: person", "about.yaml", 14,
         "bad_default",
         {"reason": T("answer_unknown_choice", value="company", choices="person, association")}),
    Case("default-of-wrong-type", "about.yaml", "    default: false", "    default: 12",
         "about.yaml", 29, "bad_default", {"reason": T("answer_not_yes_no")}),
    # --- validation -----------------------------------------------------------------
    Case("min-above-max", "place.yaml", "validate: {min: 10, max: 5000}",
         "validate: {min: 5000, max: 10}", "place.yaml", 10, "min_above_max",
         {"min": ANY, "max": ANY}, contains=("5000", "10")),
    Case("min-on-text", "about.yaml", "      min_length: 2", "      min: 2", "about.yaml", 8,
         "validation_not_for_kind", {"key": "min", "kind": "text"}),
    Case("invalid-regex", "about.yaml", "      max_length: 80", "      pattern: '[a-z'",
         "about.yaml", 8, "bad_pattern", {"pattern": "[a-z", "reason": ANY}),
    # --- languages ------------------------------------------------------------------
    Case("missing-translation", "place.yaml", NOTES_LABEL, "label: {lv: Piezīmes}",
         "place.yaml", 26, "missing_translation",
         {"key": "label", "lang": "en", "langs": "lv, en"}),
    Case("unknown-language", "place.yaml", NOTES_LABEL,
         "label: {lv: Piezīmes, en: Notes, de: Notizen}", "place.yaml", 26, "unknown_language",
         {"key": "label", "lang": "de", "langs": "lv, en"}),
    # --- the pack -------------------------------------------------------------------
    Case("step-file-missing", "pack.yaml", "steps: [about, place]", "steps: [about, places]",
         "pack.yaml", 5, "missing_step_file",
         {"step": "places", "file": "pack/places.yaml", "hint": hint("place")}),
    Case("step-id-differs-from-file", "place.yaml", "id: place\n", "id: premises\n",
         "place.yaml", 1, "step_id_mismatch", {"id": "premises", "file": "place"}),
    Case("step-listed-twice", "pack.yaml", "steps: [about, place]",
         "steps: [about, place, about]", "pack.yaml", 5, "duplicate_step", {"step": "about"}),
    Case("action-source-unknown", "about.yaml", "sources: [deskmag-2016]",
         "sources: [deskmag-2016x]", "about.yaml", 35, "unknown_source",
         {"source": "deskmag-2016x", "hint": hint("deskmag-2016")}),
]


MakePack = Callable[..., Path]


def _problems(folder: Path, lang: str) -> list[Problem]:
    """The problems found, worded in ``lang`` as the command line shows them."""
    with pytest.raises(StepFileError) as caught:
        load_tree(folder, use_cache=False)
    return [Problem(p.location, word(p.message, lang)) for p in caught.value.problems]


def _where(p: Problem) -> tuple[str, int]:
    assert p.location is not None, p
    return p.location.path, p.location.line


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Work in tmp_path, so that problems name the files as pack/<file>."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_one_defect_is_reported_with_file_line_and_message(
    case: Case, lang: str, in_tmp: Path, make_pack: MakePack
) -> None:
    folder = make_pack((case.file, case.old, case.new))

    problems = _problems(folder, lang)

    pattern = message_pattern(case.key, lang, case.params)
    matching = [p for p in problems if pattern.fullmatch(p.message)]
    assert matching, f"no problem reads like {case.key}: {[str(p) for p in problems]}"
    assert [_where(p) for p in matching] == [(f"pack/{case.where}", case.line)]
    for fragment in case.contains:
        assert fragment in matching[0].message
    assert len(problems) == case.count, [str(p) for p in problems]


def test_unsafe_tag_is_refused_and_nothing_runs(in_tmp: Path, make_pack: MakePack) -> None:
    marker = Path("/tmp") / f"PWNED_{uuid.uuid4().hex}"
    folder = make_pack((
        "place.yaml", "    required: false\n    when:",
        f'    required: !!python/object/apply:os.system ["touch {marker}"]\n    when:',
    ))

    problems = _problems(folder, "en")

    assert not marker.exists(), "a tag in a step file ran a command"
    assert [_where(p) for p in problems] == [("pack/place.yaml", 27)]
    assert message_pattern("unsafe_tag", "en", {"tag": ANY}).fullmatch(problems[0].message)
    assert "python/object/apply:os.system" in problems[0].message


def test_missing_pack_file_is_named(in_tmp: Path, make_pack: MakePack) -> None:
    folder = make_pack()
    (folder / "pack.yaml").unlink()

    problems = _problems(folder, "en")

    assert [str(p) for p in problems] == [
        f"pack/pack.yaml: {t('missing_pack', 'en', file='pack/pack.yaml')}"
    ]


def test_missing_folder_is_reported(tmp_path: Path) -> None:
    problems = _problems(tmp_path / "nowhere", "en")

    assert [p.message for p in problems] == [
        t("folder_not_found", "en", path=tmp_path / "nowhere")
    ]


def test_several_defects_in_several_files_are_reported_together_in_order(
    in_tmp: Path, make_pack: MakePack
) -> None:
    folder = make_pack(
        ("place.yaml", NOTES_LABEL, "label: {lv: Piezīmes, en: Notes, de: Notizen}"),
        ("about.yaml", MEMBERS_WHEN, "when: members > 2"),
        ("pack.yaml", "title: {lv: Mazā pārbaudes paka, en: Small test pack}",
         "title: {lv: Mazā pārbaudes paka}"),
        ("about.yaml", "      max_length: 80", "      pattern: '[a-z'"),
        ("place.yaml", "validate: {min: 10, max: 5000}", "validate: {min: 5000, max: 10}"),
    )

    with pytest.raises(StepFileError) as caught:
        load_tree(folder, use_cache=False)
    problems = [Problem(p.location, word(p.message, "en")) for p in caught.value.problems]

    expected = [
        ("pack/about.yaml", 8, "bad_pattern", {"pattern": "[a-z", "reason": ANY}),
        ("pack/about.yaml", 22, "expr_self", {"what": WHAT_COND, "name": "members"}),
        ("pack/pack.yaml", 3, "missing_translation",
         {"key": "title", "lang": "en", "langs": "lv, en"}),
        ("pack/place.yaml", 10, "min_above_max", {"min": ANY, "max": ANY}),
        ("pack/place.yaml", 26, "unknown_language",
         {"key": "label", "lang": "de", "langs": "lv, en"}),
    ]
    assert len(problems) == len(expected) == 5
    for problem, (path, line, key, params) in zip(problems, expected, strict=True):
        assert _where(problem) == (path, line)
        assert message_pattern(key, "en", params).fullmatch(problem.message), problem
    # The error as a whole lists them all, one per line.
    assert str(caught.value).splitlines() == [str(p) for p in caught.value.problems]


def test_a_broken_step_file_does_not_make_later_references_look_unknown(
    in_tmp: Path, make_pack: MakePack
) -> None:
    # place.yaml uses has_premises and members from about.yaml; while about.yaml cannot
    # be read, those names must not be reported as unknown questions.
    folder = make_pack(("about.yaml", "    kind: text\n", "      kind: text\n"))

    problems = _problems(folder, "en")

    assert [_where(p) for p in problems] == [("pack/about.yaml", 5)]


def test_an_unknown_name_is_still_reported_when_every_step_was_read(
    in_tmp: Path, make_pack: MakePack
) -> None:
    folder = make_pack(("place.yaml", "when: has_premises\n", "when: has_premisses\n"))

    problems = _problems(folder, "en")

    assert [_where(p) for p in problems] == [("pack/place.yaml", 8)]
    assert "'has_premisses'" in problems[0].message


def test_the_mini_pack_loads_with_its_questions_in_order(mini: Path) -> None:
    tree = load_tree(mini, use_cache=False)

    assert tree.id == "mini"
    assert tree.languages == ("lv", "en")
    assert [s.id for s in tree.steps] == ["about", "place"]
    assert [(q.id, q.kind) for q in tree.questions()] == [
        ("name", "text"),
        ("founder", "choice"),
        ("members", "integer"),
        ("has_premises", "yes_no"),
        ("area", "decimal"),
        ("wishes", "multi_choice"),
        ("opening", "date"),
        ("notes", "long_text"),
    ]
    assert tree.question("founder").choice_values == ("person", "association")
    assert tree.question("members").when == "founder == 'association'"
    assert tree.question("area").default_expr == "members * 10 if members else 100"
    assert tree.question("has_premises").default is False
    assert [q.required for q in tree.questions()] == [True] * 5 + [False] * 3
    assert tree.step_of("area").id == "place"
    assert [a.id for _, a in tree.actions()] == ["start-survey", "find-premises"]
    assert tree.question_lines["wishes"].line == 11
    assert Path(tree.question_lines["wishes"].path).name == "place.yaml"


@pytest.mark.cold_cache
def test_a_cached_pack_is_the_same_and_an_edit_is_checked_again(make_pack: MakePack) -> None:
    folder = make_pack()
    first = load_tree(folder)
    assert list(cache_dir().glob("tree-*")), "a checked pack is cached"
    assert load_tree(folder) == first

    about = folder / "about.yaml"
    about.write_text(about.read_text(encoding="utf-8").replace(
        MEMBERS_WHEN, "when: founder == 'company'"), encoding="utf-8")
    with pytest.raises(StepFileError) as caught:
        load_tree(folder)
    assert [p.location.line for p in caught.value.problems if p.location] == [22]


@pytest.mark.cold_cache
def test_a_broken_pack_is_never_cached(make_pack: MakePack) -> None:
    folder = make_pack(("about.yaml", MEMBERS_WHEN, "when: members"))
    with pytest.raises(StepFileError):
        load_tree(folder)
    assert not list(cache_dir().glob("tree-*"))


RUNTIME_MODULES = ("pack.loader", "interview.engine", "pack.model", "pack.kinds",
                   "interview.answers_file", "pack.conditions", "interview.session",
                   "interview.prompts", "pack.tree", "pack.applicability", "plan.data",
                   "guidance.calc", "guidance.funding", "cli.wiring")
TERMINAL_LIBRARIES = {"questionary", "prompt_toolkit", "rich", "weasyprint"}


def _modules_after(code: str) -> list[str]:
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=30, check=True)
    return out.stdout.split()


def test_the_core_imports_no_terminal_library() -> None:
    code = (
        "import sys\n"
        + "".join(f"import koprade_wizard.{m}\n" for m in RUNTIME_MODULES)
        + f"print(*sorted(m for m in sys.modules if m.split('.')[0] in {TERMINAL_LIBRARIES!r}))"
    )
    assert _modules_after(code) == []


def test_loading_a_cached_pack_needs_no_pydantic(mini: Path) -> None:
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from koprade_wizard.cli.wiring import load_pack as load_tree\n"
        f"load_tree(Path({str(mini)!r}))\n"
        "print(*sorted(m for m in sys.modules if m.split('.')[0] == 'pydantic'))"
    )
    _modules_after(code)  # the first run checks the pack and fills the cache
    assert _modules_after(code) == []


def _placeholders(text: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(text) if field is not None}


CATALOGUES = {lang: catalog.entries(lang) for lang in LANGS}


def _forms(text: str | tuple[str, ...]) -> tuple[str, ...]:
    return text if isinstance(text, tuple) else (text,)


@pytest.mark.parametrize("key", sorted(CATALOGUES["lv"]))
def test_every_message_exists_in_both_languages_with_the_same_placeholders(key: str) -> None:
    entry = {lang: CATALOGUES[lang][key] for lang in LANGS if key in CATALOGUES[lang]}
    assert set(entry) == set(LANGS)
    assert all(form.strip() for lang in LANGS for form in _forms(entry[lang]))
    used = {lang: set().union(*(_placeholders(f) for f in _forms(entry[lang]))) for lang in LANGS}
    if key.startswith(PREFIXES):
        # A funding text may leave out a parameter its language does not need (Latvian
        # uses the genitive of a city, English the nominative): test_funding checks them.
        return
    assert used["lv"] == used["en"]
    # a plural message has every form its language's rules ask for
    assert all(len(_forms(entry[lang])) == catalog.plural_count(lang)
               for lang in LANGS if isinstance(entry[lang], tuple))


def test_messages_take_parameters_named_key_and_lang() -> None:
    # Step-file messages name the offending key and language as parameters.
    assert t("missing_key", "en", key="id") == raw("missing_key", "en").format(key="id")
    assert "'lv'" in t("missing_translation", "en", key="label", lang="lv", langs="lv")
