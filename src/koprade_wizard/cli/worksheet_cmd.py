"""``worksheet``: the questionnaire as a printable PDF (and Markdown) for paper workshops."""

from __future__ import annotations

import argparse
from pathlib import Path

from koprade_wizard.cli.options import EXIT_OK, Help, Subparsers, add_lang, add_steps
from koprade_wizard.i18n.messages import t


def register(sub: Subparsers, h: Help) -> None:
    sheet = sub.add_parser("worksheet", help=h("help_worksheet"), description=h("help_worksheet"))
    add_lang(sheet, h)
    sheet.add_argument("--out", type=Path, default=None, help=h("help_worksheet_out"))
    add_steps(sheet, h)
    sheet.add_argument("--force", action="store_true", help=h("help_force"))
    sheet.set_defaults(handler=run)


def run(ns: argparse.Namespace, lang: str) -> int:
    from koprade_wizard.cli.wiring import pack_for
    from koprade_wizard.common.errors import Location, Problem, RenderError
    from koprade_wizard.common.fsutil import atomic_write
    from koprade_wizard.plan.pdf import html_to_pdf
    from koprade_wizard.plan.worksheet import build_worksheet, worksheet_html, worksheet_markdown

    pdf_path: Path = ns.out or Path(f"worksheet-{lang}.pdf")
    md_path = pdf_path.with_suffix(".md")
    existing = [p for p in (pdf_path, md_path) if p.exists()]
    if existing and not ns.force:
        raise RenderError([Problem(Location(str(p)), t("plan_exists", lang)) for p in existing])
    sheet = build_worksheet(pack_for(ns), lang)
    markdown = worksheet_markdown(sheet)
    pdf = html_to_pdf(worksheet_html(sheet))
    atomic_write(md_path, markdown)
    atomic_write(pdf_path, pdf)
    print(t("files_written", lang, files=f"{pdf_path}, {md_path}"))
    return EXIT_OK
