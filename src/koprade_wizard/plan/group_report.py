"""The workshop group report: group data → Markdown (templates/group.md.j2) → PDF, JSON."""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path
from typing import Any

from koprade_wizard.common.errors import Location, Problem, RenderError
from koprade_wizard.common.fsutil import atomic_write
from koprade_wizard.common.paths import templates_dir
from koprade_wizard.guidance import funding_texts
from koprade_wizard.guidance.municipalities import lookup
from koprade_wizard.i18n import formatting
from koprade_wizard.i18n.messages import raw, t
from koprade_wizard.pack.display import text
from koprade_wizard.pack.tree import DecisionTree
from koprade_wizard.plan import mdtext
from koprade_wizard.plan.group import UNKNOWN, GroupData, group_json
from koprade_wizard.plan.markdown import environment, phrases, tidy

TEMPLATE = "group.md.j2"
REPORT_NAME = "workshop-summary"
_BOLD = re.compile(r"\*\*(.+?)\*\*")


def render_group_markdown(group: GroupData, tree: DecisionTree, lang: str, out_dir: Path,
                          folder: Path | None = None) -> str:
    folder = folder or templates_dir()
    words = phrases(lang)
    unknown = t("group_unknown", lang)

    def label(qid: str, value: str) -> str:
        if value == UNKNOWN:
            return unknown
        q = tree.find(qid)
        choice = q.choice(value) if q and q.is_choice else None
        return mdtext.inline(text(choice.label, lang) if choice else value)

    def question(qid: str) -> str:
        q = tree.find(qid)
        return mdtext.inline(text(q.label, lang) if q else qid)

    def muni(slug: str) -> str:
        found = lookup(slug) if slug else None
        if found is None:
            return mdtext.inline(slug) if slug else unknown
        return mdtext.inline(found.name_lv if lang == "lv" else found.name_en)

    def risk(code: str) -> str:
        # The risk's own title, the bold words its plan phrase opens with.
        try:
            phrase = raw(f"risk.{code}", lang)
        except KeyError:
            return mdtext.inline(code)
        found = _BOLD.search(phrase)
        return found.group(1) if found else mdtext.inline(code)

    def route(rid: str) -> str:
        try:
            return mdtext.inline(funding_texts.render(lang, f"route.{rid}"))
        except KeyError:
            return mdtext.inline(rid)

    def in_order(qid: str, counts: tuple[tuple[str, int], ...]) -> list[tuple[str, int]]:
        """Counts in the order the question lists its choices (stages from idea to open)."""
        q = tree.find(qid)
        order = {v: i for i, v in enumerate(q.choice_values)} if q else {}
        return sorted(counts, key=lambda kv: order.get(kv[0], len(order)))

    def link(path: Path) -> str:
        return os.path.relpath(path, out_dir).replace(os.sep, "/").replace(" ", "%20")

    helpers: dict[str, Any] = {
        "g": group, **words, "label": label, "question": question, "muni": muni,
        "risk": risk, "route": route, "link": link, "in_order": in_order,
        "money": lambda v: formatting.money(v, lang),
        "num": lambda v: formatting.number(v, lang, 0),
    }
    try:
        markdown = environment(folder).get_template(TEMPLATE).render(**helpers)
    except RenderError:
        raise
    except Exception as exc:  # an adapted template: say where, never a traceback
        raise RenderError(f"{folder / TEMPLATE}: the group report template failed: "
                          f"{type(exc).__name__}: {exc}") from None
    return tidy(markdown)


def write_group_report(group: GroupData, tree: DecisionTree, lang: str, out_dir: Path,
                       formats: tuple[str, ...] = ("md", "pdf", "json"),
                       force: bool = False) -> list[Path]:
    """Write the report's files; like a plan, an existing report is kept unless forced."""
    from koprade_wizard.plan.export import dumps

    files = {fmt: out_dir / f"{REPORT_NAME}.{fmt}" for fmt in formats}
    existing = [p for p in files.values() if p.exists()]
    if existing and not force:
        raise RenderError([Problem(Location(str(p)), t("plan_exists", lang)) for p in existing])
    markdown = render_group_markdown(group, tree, lang, out_dir)
    contents: dict[str, str | bytes] = {"md": markdown, "json": dumps(group_json(group))}
    if "pdf" in files:
        from koprade_wizard.plan.pdf import DocMeta, html_to_pdf, markdown_to_html

        places = ", ".join(dict.fromkeys(
            (i.municipality_lv if lang == "lv" else i.municipality_en) or t("group_unknown", lang)
            for i in group.initiatives))
        meta = DocMeta(title=t("group_title", lang),
                       subtitle=t("group_subtitle", lang, n=len(group.initiatives),
                                  places=places),
                       lang=lang, author=text(tree.title, lang), author_role="guidelines",
                       date_text=formatting.date(dt.date.today(), lang))
        contents["pdf"] = html_to_pdf(markdown_to_html(markdown, meta))
    for fmt, path in files.items():
        atomic_write(path, contents[fmt])
    return list(files.values())
