"""Write a plan's files — Markdown, HTML, PDF, Word, the one page and the JSON data —
atomically, never over an existing plan unless asked to."""

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

FORMATS = ("md", "html", "pdf", "docx")  # what "all" writes
# Asked for by name only. The one page is a PDF of its own.
EXTRA_FORMATS = ("onepager",)
DATA_FORMATS = ("json",)  # the plan's data, for tools rather than readers
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
    templates: Path | None = None  # a pack's own plan templates; None: the bundled ones


def pack_templates(steps: Path) -> Path | None:
    """A pack may carry its own plan templates in ``templates/`` beside its step files."""
    folder = steps / "templates"
    return folder if (folder / "plan.md.j2").is_file() else None


def plan_base(answers_path: Path, out_dir: Path) -> Path:
    """``koprade-answers.yaml`` → ``OUT/koprade-plan``; ``school.yaml`` → ``OUT/school-plan``."""
    stem = answers_path.stem.removesuffix("-answers")
    return out_dir / f"{stem}-plan"


def targets(base: Path, formats: Sequence[str]) -> dict[str, Path]:
    names = {"onepager": f"{base.name}-onepager.pdf"}
    return {fmt: base.with_name(names.get(fmt, f"{base.name}.{fmt}")) for fmt in formats}


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
    markdown = render_markdown(plan, request.templates)
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
    if "docx" in files:
        from koprade_wizard.plan.word import WordMeta, build

        meta = _meta(plan, markdown)
        contents["docx"] = build(markdown, WordMeta(meta.title, meta.author, plan.lang))
    if "onepager" in files:
        from koprade_wizard.plan.pdf import html_to_pdf, onepager_html

        contents["onepager"] = html_to_pdf(onepager_html(markdown, _meta(plan, markdown)))
    if "json" in files:
        from koprade_wizard.plan.export import dumps, plan_json

        contents["json"] = dumps(plan_json(plan, request.tree.id, request.tree.version))
    # All or nothing: a full disk half-way leaves the old plan's files as they were.
    atomic_write_all({path: contents[fmt] for fmt, path in files.items()})
    return list(files.values())


def _meta(plan: Any, markdown: str) -> Any:
    """The cover and PDF metadata, taken from the plan's own title line and answers."""
    from koprade_wizard.i18n.formatting import date
    from koprade_wizard.plan.pdf import DocMeta

    found = _H1.search(markdown)
    title = _ESCAPE.sub(r"\1", found.group(1)) if found else plan.pack_title
    answers = plan.answers
    muni = plan.municipality
    where = [answers.get("settlement"),
             (muni.official_lv if plan.lang == "lv" else muni.name_en) if muni else None]
    subtitle = ", ".join(str(w) for w in where if w)
    name = str(answers.get("initiative_name") or "")
    organisation = plan.shown("founder_type") if answers.get("founder_type") else ""
    if answers.get("legal_form") not in (None, "undecided") and plan.shown("legal_form"):
        # "Biedrība, Biedrība" says nothing twice: the form only where it adds to the founder.
        form = plan.shown("legal_form")
        organisation = ", ".join(dict.fromkeys(x for x in (organisation, form) if x))
    return DocMeta(title=title, subtitle=subtitle, lang=plan.lang,
                   author=str(answers.get("contact_name") or name or plan.pack_title),
                   date_text=date(plan.today, plan.lang), short_name=name,
                   organisation=organisation, contact=str(answers.get("contact_email") or ""))
