"""The paper worksheet: every question of the chosen language, with its branch hints."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pdfcheck
import pytest
from pypdf import PdfReader

from koprade_wizard.cli.wiring import load_pack
from koprade_wizard.i18n.messages import t
from koprade_wizard.pack.display import text
from koprade_wizard.plan.pdf import html_to_pdf
from koprade_wizard.plan.worksheet import build_worksheet, worksheet_html, worksheet_markdown

ROOT = Path(__file__).resolve().parent.parent
MAX_PAGES = 12


def _flat(value: str) -> str:
    return re.sub(r"\s+", "", value)


@pytest.mark.parametrize("lang", ["lv", "en"])
def test_the_pdf_holds_every_question_label_on_few_pages(lang: str, tmp_path: Path) -> None:
    tree = load_pack(ROOT / "steps")
    pdf = tmp_path / "sheet.pdf"
    pdf.write_bytes(html_to_pdf(worksheet_html(build_worksheet(tree, lang))))
    reader = PdfReader(pdf)
    assert len(reader.pages) <= MAX_PAGES
    # Line breaks fall anywhere, so compare without white space.
    body = _flat("".join(pdfcheck.page_texts(pdf)))
    missing = [q.id for q in tree.questions() if _flat(text(q.label, lang)) not in body]
    assert missing == []
    other = "en" if lang == "lv" else "lv"
    assert _flat(text(tree.question("survey_done").label, other)) not in body


def test_questions_are_numbered_in_the_wizard_order_with_hints_from_conditions() -> None:
    tree = load_pack(ROOT / "steps")
    sheet = build_worksheet(tree, "en")
    questions = [q for step in sheet.steps for q in step.questions]
    assert [q.id for q in questions] == [q.id for q in tree.questions()]
    assert [q.number for q in questions] == list(range(1, len(questions) + 1))
    number = {q.id: q.number for q in questions}
    by_id = {q.id: q for q in questions}
    def s(key: str, **params: object) -> str:
        return t(key, "en", **params)

    # when: "survey_done" → yes at the survey question
    assert by_id["survey_respondents"].hint == s(
        "ws_only_if", conditions=s("ws_if_yes", n=number["survey_done"]))
    # when: "space_type == 'office-and-workshop'" → that choice's label
    workshop = text(tree.question("space_type").choice("office-and-workshop").label, "en")
    assert f"“{workshop}”" in by_id["workshop_kinds"].hint
    assert str(number["space_type"]) in by_id["workshop_kinds"].hint
    # when: "contact_name" (a text) → written, not "yes"
    assert by_id["contact_email"].hint == s(
        "ws_only_if", conditions=s("ws_if_filled", n=number["contact_name"]))
    # An "or" condition names both questions
    coop = by_id["coop_share"].hint
    assert str(number["legal_form"]) in coop and str(number["funding_routes"]) in coop
    assert s("ws_or") in coop
    assert all(q.hint == "" for q in questions if not tree.question(q.id).when)
    # when: "(host_hours or 0) > 0" → the number and the bound, not a generic hint
    assert by_id["host_paid"].hint == s(
        "ws_only_if", conditions=s("ws_if_num_gt", n=number["host_hours"], k="0"))
    # No question of the bundled pack gets the generic "given your answer" hint.
    generic = s("ws_if_other", n=0).split("0")[0]
    assert [q.id for q in questions if generic in q.hint] == []


@pytest.mark.parametrize(("old", "when", "asked", "subject", "key", "k"), [
    ("when: has_premises", "when: (members or 0) > 12", "area", "members", "ws_if_num_gt", "12"),
    ("when: has_premises", "when: \"2 <= (members or 0)\"", "area", "members", "ws_if_num_ge", "2"),
    ("when: has_premises", "when: members != 5", "area", "members", "ws_if_num_ne", "5"),
    ("when: \"'workshop' in wishes\"", "when: \"(wishes or []) | length > 0\"", "notes", "wishes",
     "ws_if_any", None),
    ("when: \"'workshop' in wishes\"", "when: \"(wishes or []) | length >= 2\"", "notes",
     "wishes", "ws_if_count_ge", "2"),
    ("when: \"'workshop' in wishes\"", "when: \"3 > (wishes or []) | length\"", "notes",
     "wishes", "ws_if_count_lt", "3"),
])
def test_numbers_and_counts_are_worded_with_their_bound(
        old: str, when: str, asked: str, subject: str, key: str, k: str | None,
        make_pack: Callable[..., Path]) -> None:
    tree = load_pack(make_pack(("place.yaml", old, when)), use_cache=False)
    sheet = build_worksheet(tree, "lv")
    by_id = {q.id: q for step in sheet.steps for q in step.questions}
    params: dict[str, object] = {"n": by_id[subject].number} | ({"k": k} if k else {})
    assert by_id[asked].hint == t("ws_only_if", "lv", conditions=t(key, "lv", **params))


def test_the_markdown_has_tick_boxes_for_every_choice() -> None:
    tree = load_pack(ROOT / "steps")
    markdown = worksheet_markdown(build_worksheet(tree, "lv"))
    municipality = tree.question("municipality")
    assert markdown.count("- [ ] ") >= sum(len(q.choices) for q in tree.questions())
    for choice in municipality.choices:
        assert f"- [ ] {text(choice.label, 'lv')}" in markdown
    assert "\n## " in markdown and markdown.startswith("# ")


def test_the_worksheet_and_the_group_report_pass_markdownlint(tmp_path: Path) -> None:
    import subprocess

    from test_group import _held_out
    from test_render import LINT_CONFIG, LINTER

    from koprade_wizard.plan.group import build_group, read_documents
    from koprade_wizard.plan.group_report import render_group_markdown

    if not LINTER.exists():
        pytest.fail(f"{LINTER} is missing: run `npm install` (make test does it)")
    for lang in ("lv", "en"):
        tree = load_pack(ROOT / "steps")
        (tmp_path / f"sheet-{lang}.md").write_text(
            worksheet_markdown(build_worksheet(tree, lang)), encoding="utf-8")
    data = tmp_path / "data"
    data.mkdir()
    _held_out(data, 4, seed=5)
    group = build_group(read_documents(data)[0])
    (tmp_path / "group.md").write_text(
        render_group_markdown(group, load_pack(ROOT / "steps"), "lv", tmp_path),
        encoding="utf-8")
    result = subprocess.run([str(LINTER), "--config", str(LINT_CONFIG), f"{tmp_path}/*.md"],
                            capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Linting: 3 file" in result.stdout + result.stderr
