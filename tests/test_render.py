"""The action plan's Markdown (templates/plan.md.j2 + the phrases in the catalogues).

Every example renders in its own language and in the other one, with every section,
its municipality and its computed figures; Latvian amounts and dates are written the
Latvian way; typed answers stay literal text however hostile; every plan passes
markdownlint-cli2; two plans are compared with golden files in tests/snapshots/
(``UPDATE_SNAPSHOTS=1 pytest tests/test_render.py`` rewrites them).
"""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
from pathlib import Path
from typing import Any

import plan_invariants
import pytest
from markdown_it import MarkdownIt

from koprade_wizard.cli.wiring import load_pack as load_tree
from koprade_wizard.guidance.funding_texts import PREFIXES
from koprade_wizard.i18n import catalog, formatting
from koprade_wizard.i18n.messages import t
from koprade_wizard.interview import answers_file as answers
from koprade_wizard.pack.tree import DecisionTree
from koprade_wizard.plan import checklist, typography
from koprade_wizard.plan.data import PlanData, build_plan
from koprade_wizard.plan.markdown import render_markdown

ROOT = Path(__file__).resolve().parent.parent
STEPS = ROOT / "steps"
TEMPLATES = ROOT / "templates"
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
SNAPSHOTS = Path(__file__).parent / "snapshots"
LINTER = ROOT / "node_modules" / ".bin" / "markdownlint-cli2"
LINT_CONFIG = ROOT / ".markdownlint-cli2.jsonc"
TODAY = dt.date(2026, 11, 27)
LANGS = ("lv", "en")
SECTIONS = ("h_onepager", "h_profile", "h_demand", "h_premises", "h_resources",
            "h_funding", "h_budget", "h_timeline", "h_checklist", "h_community", "h_risks",
            "h_contacts", "h_routes_table", "h_actions_why", "h_answers", "h_sources")
# The two plans kept as golden files: (example, language).
SNAPSHOT_CASES = (("freelancers-no-premises", "lv"), ("newcomer-english", "en"))

# A complete founder of our own, so that the checks below do not hang on how the
# bundled examples happen to be written.
FULL: dict[str, Any] = {
    "initiative_name": "Baložu koprades telpa",
    "founder_type": "informal-group",
    "municipality": "olaines-novads",
    "settlement": "Baloži",
    "stage": "premises",
    "target_opening": dt.date(2027, 9, 1),
    "purpose": "community",
    "core_team_size": 3,
    "contact_name": "Anna Bērziņa",
    "contact_email": "anna@example.lv",
    "target_groups": ["remote-employees", "freelancers", "commuters"],
    "survey_done": True,
    "survey_respondents": 64,
    "survey_interested": 31,
    "founding_members": 9,
    "letters_of_intent": 4,
    "pre_bookings": 0,
    "days_per_week": 2.5,
    "accepted_monthly_price": 45,
    "employers_pay": "some",
    "travel_distance": "5-10-km",
    "help_build": "many",
    "premises_found": True,
    "building_type": "former-school",
    "area_m2": 180,
    "tenure": "leased",
    "monthly_rent": 400,
    "condition": "cosmetic",
    "access": ["public-transport", "parking"],
    "heating": "district",
    "space_type": "office-only",
    "layout": "mixed",
    "opening_hours": "extended",
    "internet_available": True,
    "internet_down": 100,
    "internet_up": 20,
    "equipment": ["printer", "kitchen", "meeting-room", "quiet-zone"],
    "furniture": "second-hand",
    "host_hours": 15,
    "host_paid": "volunteer-first",
    "volunteer_count": 4,
    "partners": ["library", "municipality"],
    "legal_form": "association",
    "legal_registered": False,
    "council_contact": True,
    "own_money": 3000,
    "funding_routes": ["leader", "council"],
    "leader_lag_contacted": False,
    "price_hot_desk": 50,
    "price_day_pass": 6,
    "learning": ["visits-latvia", "manager-training"],
    "visit_spaces": ["skola6", "the-mill"],
    "events": ["open-days", "talks"],
    "first_open_day": dt.date(2027, 1, 16),
    "council_arguments": ["commutes", "empty-buildings", "less-isolation"],
    "member_activities": ["chat", "weekly-lunch"],
    "join_network": True,
    "measures": ["members", "occupancy"],
    "notes": "Skolas otrajā stāvā ir vēl divas klases.",
}

IMG = "<img src=x onerror=alert(1)>"
LINK = "[x](file:///etc/passwd)"
NOTE = "**bold** {{ 7*7 }} & | pipe"
HEADING = "# heading"
HOSTILE: dict[str, Any] = {
    **FULL,
    "initiative_name": IMG,
    "settlement": LINK,
    "contact_name": HEADING,
    "contact_email": "x@evil.example",
    "notes": f"{NOTE}\n{HEADING}\n\nhttps://evil.example/x and www.evil.example",
}

# A plan half-way through the interview: the rest is "(not answered)".
PARTIAL: dict[str, Any] = {
    "initiative_name": "Ikšķiles koprade",
    "founder_type": "association",
    "municipality": "ogres-novads",
    "settlement": "Ikšķile",
    "stage": "idea",
}


# --------------------------------------------------------------------- helpers


@pytest.fixture(scope="module")
def tree() -> DecisionTree:
    return load_tree(STEPS, use_cache=False)


def typed(tree: DecisionTree, data: dict[str, Any], lang: str) -> dict[str, Any]:
    """Answers checked exactly as an answers file is."""
    af = answers.AnswersFile(pack=tree.id, pack_version=tree.version, language=lang,
                             answers=data)
    return answers.validate(tree, af)


def example_answers(tree: DecisionTree, path: Path, lang: str) -> dict[str, Any]:
    return answers.validate(tree, answers.load(path, lang), str(path))


def make_plan(tree: DecisionTree, values: dict[str, Any], lang: str) -> PlanData:
    return build_plan(tree, values, lang, TODAY, yes_no=(t("yes", lang), t("no", lang)))


def render(tree: DecisionTree, values: dict[str, Any], lang: str) -> tuple[PlanData, str]:
    plan = make_plan(tree, values, lang)
    return plan, render_markdown(plan, TEMPLATES)


def phrase(key: str, lang: str, **params: Any) -> str:
    return t(key, lang, **params)


def html_of(markdown: str) -> str:
    return MarkdownIt("commonmark", {"html": False}).enable("table").render(markdown)


def headings(markdown: str, level: int) -> list[str]:
    """Heading lines outside fenced code blocks."""
    found, fenced = [], False
    for line in markdown.splitlines():
        if line.startswith("```"):
            fenced = not fenced
        elif not fenced and line.startswith("#" * level + " "):
            found.append(line[level + 1:])
    return found


def all_plans(tree: DecisionTree) -> dict[str, str]:
    """Every plan the lint check covers: examples, ours, hostile and partial, both languages."""
    plans = {}
    for lang in LANGS:
        for path in EXAMPLES:
            plans[f"{path.stem}.{lang}.md"] = render(
                tree, example_answers(tree, path, lang), lang)[1]
        for name, data in (("full", FULL), ("hostile", HOSTILE), ("partial", PARTIAL)):
            plans[f"{name}.{lang}.md"] = render(tree, typed(tree, data, lang), lang)[1]
    return plans


def example_ids() -> list[Any]:
    return [pytest.param(p, lang, id=f"{p.stem}-{lang}") for p in EXAMPLES for lang in LANGS]


# ---------------------------------------------------------- every plan, every section


def test_the_examples_are_there() -> None:
    assert len(EXAMPLES) >= 2, "examples/*.yaml feed the render and snapshot tests"


@pytest.mark.parametrize(("path", "lang"), example_ids())
def test_every_example_renders_with_every_section(tree: DecisionTree, path: Path,
                                                  lang: str) -> None:
    plan, md = render(tree, example_answers(tree, path, lang), lang)

    assert md.startswith("# ") and md.endswith("\n")
    assert len(headings(md, 1)) == 1
    items = checklist.checklist(plan.actions, plan.timeline)
    explained = any(item.number for item in items)
    expected = [phrase(key, lang) for key in SECTIONS if key != "h_actions_why" or explained]
    assert [h for h in headings(md, 2)] == expected  # all present, once, in order
    # The checklist: one table row per kept action, no more than the limit.
    rows = [line for line in md.split("\n## " + phrase("h_checklist", lang))[1]
            .split("\n## ")[0].splitlines() if line.startswith("| ☐ |")]
    assert len(rows) == len(items) <= checklist.MAX_ITEMS

    # The municipality and the computed figures, formatted for the language.
    assert plan.municipality is not None
    name = plan.municipality.official_lv if lang == "lv" else plan.municipality.name_en
    assert name in md
    assert formatting.date(TODAY, lang) in md
    assert formatting.money(plan.calc.setup.total, lang) in md
    assert formatting.money(plan.calc.monthly.total, lang) in md
    desks = phrase("sum_desks", lang, n=formatting.number(plan.calc.capacity.desks, lang))
    assert desks in md
    for task in plan.timeline:
        assert task.start.isoformat() in md  # in the gantt chart

    # Nothing leaked from the template machinery.
    for leak in ("None", "Undefined", "{{", "{%", "{n}", "{c}"):
        assert leak not in md, leak


@pytest.mark.parametrize(("path", "lang"), example_ids())
def test_no_range_of_one_value_and_no_not_answered(tree: DecisionTree, path: Path,
                                                   lang: str) -> None:
    """A range whose two ends are the same amount is written as one amount, and a
    question left without an answer is never printed as "(not answered)"."""
    _, md = render(tree, example_answers(tree, path, lang), lang)
    for low, high in re.findall(r"((?:€\s?)?[\d\s,.]+\d(?:\s?€)?)–((?:€\s?)?[\d\s,.]+\d(?:\s?€)?)",
                                md):
        assert low.strip() != high.strip() or "€" not in low, (low, high)
    same_ends = re.findall(r"no ([\d\s]+ €) līdz \1(?!\d)", md)
    assert same_ends == []
    for wording in ("(not answered)", "(nav atbildēts)"):
        assert wording not in md


@pytest.mark.parametrize(("path", "lang"), example_ids())
def test_citations_and_sources_match(tree: DecisionTree, path: Path, lang: str) -> None:
    _, md = render(tree, example_answers(tree, path, lang), lang)
    body, sources = md.split("\n## " + phrase("h_sources", lang) + "\n")
    cited = {int(n) for group in re.findall(r"\\\[([\d, ]+)\\\]", body)
             for n in group.split(", ")}
    listed = [int(m) for m in re.findall(r"^(\d+)\. ", sources, re.MULTILINE)]
    assert listed == list(range(1, len(listed) + 1))
    assert cited == set(listed)  # every number points at an entry, every entry is cited
    assert "<https://" in sources


def test_the_chart_blocks_follow_the_calculation(tree: DecisionTree) -> None:
    plan, md = render(tree, typed(tree, FULL, "en"), "en")
    xy = re.search(r"```mermaid\nxychart-beta\n(.*?)```", md, re.S)
    assert xy is not None
    line = re.search(r"line \[(.*)\]", xy.group(1))
    assert line is not None
    values = [int(v) for v in line.group(1).split(", ")]
    expected = [round(p.cumulative) for p in plan.calc.cash_flow[::3]]
    assert values == expected
    gantt = re.search(r"```mermaid\ngantt\n(.*?)```", md, re.S)
    assert gantt is not None
    for task in plan.timeline:
        tail = "0d" if task.milestone else f"{task.days}d"
        assert f":{'milestone, ' if task.milestone else ''}{task.id}, " \
               f"{task.start.isoformat()}, {tail}" in gantt.group(1)


# ------------------------------------------------------------------ language forms


def test_latvian_amounts_and_dates(tree: DecisionTree) -> None:
    _, md = render(tree, typed(tree, FULL, "lv"), "lv")
    assert "2026. gada 27. novembris" in md
    # The set-up total: 180 m² × €280 (cosmetic) + 12 desks × €465 × 50 % (second-hand)
    # + 12 × €100 + €1,500 + €400 + 2 rooms × €2,500 + 1 booth × €2,500 + €3,000 + €1,000
    # = 50,400 + 2,790 + 1,200 + 1,500 + 400 + 5,000 + 2,500 + 3,000 + 1,000 = €67,790.
    assert "67\u00a0790\u00a0€" in md
    assert re.search(r"\d\u00a0€", md)
    assert not re.search(r"\d €", md), "an amount with an ordinary space before €"
    assert not re.search(r"€\s?\d", md), "an English-style amount in a Latvian plan"
    assert not re.search(r"\d \d{3}\b", md.split("```")[0]), "an ordinary space in a number"
    assert phrase("title_named", "lv", name="Baložu koprades telpa") in md


def test_english_amounts_and_dates(tree: DecisionTree) -> None:
    _, md = render(tree, typed(tree, FULL, "en"), "en")
    assert "27 November 2026" in md
    assert "€67,790" in md  # the set-up total (see the Latvian test for its sum)
    assert not re.search(r"\d\u00a0?€", md)


def test_every_phrase_has_both_languages() -> None:
    table = {lang: catalog.entries(lang) for lang in LANGS}
    for key in table["lv"]:
        texts = {lang: table[lang][key] for lang in LANGS if key in table[lang]}
        assert set(texts) == set(LANGS), key
        forms = {lang: v if isinstance(v, tuple) else (v,) for lang, v in texts.items()}
        assert all(f.strip() for v in forms.values() for f in v), key
        if key.startswith(PREFIXES):
            continue  # a funding text may leave out a parameter (test_funding checks them)
        # The same {placeholders} on both sides.
        lv, en = (set(re.findall(r"{(\w+)}", " ".join(forms[lang]))) for lang in LANGS)
        assert lv == en, key


# ---------------------------------------------------------------- typed answers


def test_hostile_answers_stay_literal_text(tree: DecisionTree) -> None:
    for lang in LANGS:
        plan, md = render(tree, typed(tree, HOSTILE, lang), lang)
        html = html_of(md)
        assert "&lt;img" in html and "<img" not in html
        assert 'href="file:' not in html and "file:///etc/passwd" in html
        assert "{{ 7*7 }}" in html
        assert "**bold**" in html and "<strong>bold</strong>" not in html
        assert "&amp; | pipe" in html  # the pipe did not split the table cell
        # No heading, link or e-mail link came out of an answer.
        assert html.count("<h1>") == 1
        assert "heading" not in " ".join(re.findall(r"<h\d>(.*?)</h\d>", html))
        assert "evil.example" in html and 'href="https://evil' not in html
        assert "mailto:" not in html
        # Every table row still has its cells (a step's title row in the answers
        # appendix has only its first).
        for row in re.findall(r"^\|.*\|$", md, re.MULTILINE):
            cells = re.split(r"(?<!\\)\|", row)[1:-1]
            step_title = len(cells) == 2 and cells[0].strip().startswith("**") \
                and not cells[1].strip()
            assert cells and (step_title or all(c.strip() for c in cells)), row
        assert plan.answers["initiative_name"] == IMG


def test_a_partial_plan_says_what_is_missing(tree: DecisionTree) -> None:
    for lang in LANGS:
        plan, md = render(tree, typed(tree, PARTIAL, lang), lang)
        assert plan.missing
        # the note opens the plan on one page, the first section
        top = md.split("\n## ")[1]
        assert phrase("partial_title", lang) in top
        for label in plan.missing:
            assert typography.tidy(label, lang) in top
        assert phrase("not_answered", lang) in md
        explained = any(item.number for item in checklist.checklist(plan.actions, plan.timeline))
        assert [h for h in headings(md, 2)] == [phrase(k, lang) for k in SECTIONS
                                                if k != "h_actions_why" or explained]


def test_a_complete_plan_has_no_partial_note(tree: DecisionTree) -> None:
    plan, md = render(tree, typed(tree, FULL, "en"), "en")
    assert not plan.missing
    assert phrase("partial_title", "en") not in md


# --------------------------------------------------------------------- markdownlint


def test_every_plan_passes_markdownlint(tree: DecisionTree, tmp_path: Path) -> None:
    if not LINTER.exists():
        pytest.fail(f"{LINTER} is missing: run `npm install` (make test does it)")
    for name, md in all_plans(tree).items():
        (tmp_path / name).write_text(md, encoding="utf-8")
    result = subprocess.run(
        [str(LINTER), "--config", str(LINT_CONFIG), f"{tmp_path}/*.md"],
        capture_output=True, text=True, cwd=ROOT, timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Linting: " in result.stdout + result.stderr  # the files were really found


# ------------------------------------------------------------------------ snapshots


@pytest.mark.parametrize(("stem", "lang"), SNAPSHOT_CASES)
def test_snapshot(tree: DecisionTree, stem: str, lang: str) -> None:
    path = ROOT / "examples" / f"{stem}.yaml"
    _, md = render(tree, example_answers(tree, path, lang), lang)
    golden = SNAPSHOTS / f"{stem}.{lang}.md"
    if os.environ.get("UPDATE_SNAPSHOTS") == "1":
        SNAPSHOTS.mkdir(exist_ok=True)
        golden.write_text(md, encoding="utf-8")
    assert golden.exists(), f"no golden file: run UPDATE_SNAPSHOTS=1 pytest {__file__}"
    assert md == golden.read_text(encoding="utf-8"), (
        f"{golden.name} changed; if intended, run UPDATE_SNAPSHOTS=1 pytest tests/test_render.py"
        " and review the diff"
    )


@pytest.mark.parametrize(("path", "lang"), example_ids())
def test_every_example_says_each_paragraph_once(tree: DecisionTree, path: Path,
                                                lang: str) -> None:
    """Each fact once: no paragraph, list item or table row of 100+ characters twice."""
    _, md = render(tree, example_answers(tree, path, lang), lang)
    plan_invariants.check_said_once(md)


@pytest.mark.parametrize(("path", "lang"), example_ids())
def test_every_example_has_something_under_each_heading(tree: DecisionTree, path: Path,
                                                        lang: str) -> None:
    _, md = render(tree, example_answers(tree, path, lang), lang)
    plan_invariants.check_no_empty_section(md)


def test_the_readmes_pass_markdownlint() -> None:
    """The project's own documents read as cleanly as the plans it writes."""
    if not LINTER.exists():
        pytest.fail(f"{LINTER} is missing: run `npm install` (make test does it)")
    result = subprocess.run([str(LINTER), "README.md", "steps/README.md"],
                            capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Linting: 2 file" in result.stdout + result.stderr
