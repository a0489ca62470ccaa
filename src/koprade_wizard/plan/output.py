"""Write a plan's files: Markdown, HTML and PDF, atomically, never over an existing plan
unless asked to."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from koprade_wizard.common.errors import Location, Problem, RenderError, msg
from koprade_wizard.common.fsutil import atomic_write_all
from koprade_wizard.common.record import record
from koprade_wizard.i18n.messages import t
from koprade_wizard.pack import applicability
from koprade_wizard.pack.tree import DecisionTree

FORMATS = ("md", "html", "pdf")
_H1 = re.compile(r"^# (.+)$", re.MULTILINE)
_ESCAPE = re.compile(r"\\(.)")


@record
class PlanRequest:
    tree: DecisionTree
    answers: Mapping[str, Any]
    lang: str
    base: Path  # the files are base + ".md", ".html", ".pdf"
    formats: Sequence[str] = FORMATS
    force: bool = False
    partial: bool = False
    today: dt.date | None = None


def plan_base(answers_path: Path, out_dir: Path) -> Path:
    """``koprade-answers.yaml`` → ``OUT/koprade-plan``; ``school.yaml`` → ``OUT/school-plan``."""
    stem = answers_path.stem.removesuffix("-answers")
    return out_dir / f"{stem}-plan"


def targets(base: Path, formats: Sequence[str]) -> dict[str, Path]:
    return {fmt: base.with_name(f"{base.name}.{fmt}") for fmt in formats}


def write_plan(request: PlanRequest) -> list[Path]:
    """Render and write the requested formats; return the files written.

    Everything is rendered before anything is written, so a failure leaves no
    partial set of files, and each file is replaced atomically.
    """
    from koprade_wizard.plan import data as plan_data
    from koprade_wizard.plan.markdown import render_markdown

    lang = request.lang
    answers = applicability.kept(request.tree, request.answers)
    missing = applicability.missing_required(request.tree, answers)
    if missing and not request.partial:
        problems = [Problem(None, msg("render_missing", count=len(missing)))]
        for qid in missing:
            where = request.tree.question_lines.get(qid)
            loc = Location(where.path, where.line) if where else None
            label = request.tree.question(qid).label
            problems.append(Problem(loc, msg("render_missing_question", id=qid, label=label)))
        raise RenderError(problems)
    files = targets(request.base, request.formats)
    existing = [p for p in files.values() if p.exists()]
    if existing and not request.force:
        raise RenderError([Problem(Location(str(p)), msg("plan_exists")) for p in existing])

    today = request.today or dt.date.today()
    plan = plan_data.build_plan(request.tree, answers, lang, today,
                                yes_no=(t("yes", lang), t("no", lang)))
    markdown = render_markdown(plan)
    contents: dict[str, bytes | str] = {}
    if "md" in files:
        contents["md"] = markdown
    if "html" in files or "pdf" in files:
        from koprade_wizard.plan.pdf import markdown_to_html

        html = markdown_to_html(markdown, _meta(plan, markdown))
        if "html" in files:
            contents["html"] = html
        if "pdf" in files:
            from koprade_wizard.plan.pdf import html_to_pdf

            contents["pdf"] = html_to_pdf(html)
    # All or nothing: a full disk half-way leaves the old plan's files as they were.
    atomic_write_all({path: contents[fmt] for fmt, path in files.items()})
    return list(files.values())


def _meta(plan: Any, markdown: str) -> Any:
    """The cover and PDF metadata, taken from the plan's own title line."""
    from koprade_wizard.i18n.formatting import date
    from koprade_wizard.plan.pdf import DocMeta

    found = _H1.search(markdown)
    title = _ESCAPE.sub(r"\1", found.group(1)) if found else plan.pack_title
    muni = plan.municipality
    where = [(muni.name_lv if plan.lang == "lv" else muni.name_en) if muni else None,
             plan.answers.get("settlement")]
    subtitle = ", ".join(str(w) for w in where if w)
    author = str(plan.answers.get("initiative_name") or plan.pack_title)
    return DocMeta(title=title, subtitle=subtitle, lang=plan.lang, author=author,
                   date_text=date(plan.today, plan.lang))
