"""The sources list: one data file, every row complete, titles in the plan's language."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
import yaml

from koprade_wizard.cli.wiring import load_pack
from koprade_wizard.guidance import sources
from koprade_wizard.guidance.sources import SOURCES, SourceDataError, lookup_source
from koprade_wizard.plan.data import build_plan
from koprade_wizard.plan.markdown import render_markdown

ROOT = Path(__file__).resolve().parent.parent
ROWS = yaml.safe_load(sources.DATA.read_text(encoding="utf-8"))


@pytest.mark.parametrize("row", ROWS, ids=[r["id"] for r in ROWS])
def test_every_source_row_has_a_url_and_an_as_of(row: dict[str, object]) -> None:
    assert row["as_of"], row["id"]
    as_of = str(row["as_of"])
    assert as_of == sources.UNDATED or re.fullmatch(r"\d{4}(-Q[1-4]|-\d{2}(-\d{2})?)?", as_of)
    # Only a collective entry (many pages of one kind) may go without one address.
    assert row["url"] or row.get("collective") is True, row["id"]
    assert row["language"] in row["title"], row["id"]  # type: ignore[operator]


def test_the_sources_are_data_not_python() -> None:
    code = Path(sources.__file__).read_text(encoding="utf-8")
    assert '"lv":' not in code and '"en":' not in code
    assert "Source(\n" not in code.split("def _territory_source")[0]
    assert len(SOURCES) == len(ROWS)


def test_a_bad_row_is_reported_with_where_and_what(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    bad = tmp_path / "sources.yaml"
    bad.write_text("- {id: x, title: {en: X}, language: lv, publisher: P, year: null,"
                   " url: null, as_of: undated, reliability: LV}\n", encoding="utf-8")
    monkeypatch.setattr(sources, "DATA", bad)
    sources._load.cache_clear()
    try:
        with pytest.raises(SourceDataError, match=r"sources.yaml, entry 1 \(x\): title"):
            sources._load()
    finally:
        monkeypatch.undo()
        sources._load.cache_clear()


def test_a_title_in_the_plan_language_or_marked_with_its_language() -> None:
    altum = SOURCES["altum_start"]  # a Latvian page with only a Latvian title
    assert altum.title_for("lv") == ("Starta aizdevums", None)
    assert altum.title_for("en") == ("Starta aizdevums", "lv")
    acf = SOURCES["active_citizens_fund"]  # the fund has an English name
    assert acf.title_for("en") == ("Active Citizens Fund (EEA and Norway Grants)", None)
    assert SOURCES["deskmag_2011"].title_for("lv")[1] == "en"
    page = lookup_source("lag-page:ogres-novads:0")
    assert page is not None and page.title_for("en")[1] is None  # descriptive, neutral


def test_the_english_plan_says_which_titles_are_in_latvian() -> None:
    tree = load_pack(ROOT / "steps", use_cache=False)
    raw = yaml.safe_load((ROOT / "examples" / "company-town-centre.yaml").read_text("utf-8"))
    answers = dict(raw["answers"], funding_routes=["altum", "active-citizens"])
    md = render_markdown(build_plan(tree, answers, "en", dt.date(2026, 11, 27)))
    listing = md[md.index("\n## Sources"):]
    assert "*Starta aizdevums* (in Latvian)." in listing
    assert "*Active Citizens Fund (EEA and Norway Grants)*." in listing
    lv = render_markdown(build_plan(tree, answers, "lv", dt.date(2026, 11, 27)))
    assert "*Starta aizdevums*." in lv
    assert "(angļu valodā)" in lv[lv.index("\n## Avoti"):]


def test_a_collective_entry_is_described_in_both_languages() -> None:
    for row in ROWS:
        if row.get("collective"):
            assert {"lv", "en"} <= set(row["title"]), row["id"]
            assert {"lv", "en"} <= set(row["publisher"]), row["id"]
    bizplan = SOURCES["bizplan_sites"]
    assert bizplan.publisher_for("lv") == "komerciālas biznesa plānu vietnes"
    assert bizplan.publisher_for("en") == "commercial business-plan websites"
    assert SOURCES["deskmag_2011"].publisher_for("lv") == "Deskmag"  # a name is a name


@pytest.mark.parametrize(("lang", "month"), [("lv", "2017. gada marts"), ("en", "March 2017")])
def test_a_month_as_of_reads_as_the_language_writes_it(tmp_path: Path, lang: str,
                                                       month: str) -> None:
    from koprade_wizard.cli import run

    assert SOURCES["forwardspace"].as_of == "2017-03"
    example = Path(__file__).resolve().parent.parent / "examples" / "association-workshop.yaml"
    assert run(["render", str(example), "--out", str(tmp_path), "--format", "md",
                "--lang", lang]) == 0
    plan = (tmp_path / "association-workshop-plan.md").read_text(encoding="utf-8")
    line = next(x for x in plan.splitlines() if "Pärnusse" in x)
    assert month in line
    assert "2017-03" not in plan
