"""``render``: write the plan for a finished (or, with --partial, an unfinished) answers file."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from koprade_wizard.cli.options import EXIT_OK, Help, Subparsers, add_lang, add_steps
from koprade_wizard.common.errors import WizardError
from koprade_wizard.i18n.messages import DEFAULT_LANG, LANGS, t


def register(sub: Subparsers, h: Help) -> None:
    parser = sub.add_parser("render", help=h("help_render"), description=h("help_render"))
    parser.add_argument("answers_file", type=Path, metavar="ANSWERS")
    parser.add_argument("--out", type=Path, default=Path("."), help=h("help_out"))
    parser.add_argument("--format",
                        choices=("md", "html", "pdf", "docx", "onepager", "json", "all"),
                        default="all", help=h("help_format"))
    add_lang(parser, h, "help_render_lang")
    add_steps(parser, h)
    parser.add_argument("--force", action="store_true", help=h("help_force"))
    parser.add_argument("--partial", action="store_true", help=h("help_partial"))
    parser.set_defaults(handler=run)


def run(ns: argparse.Namespace, message_lang: str) -> int:
    from koprade_wizard.cli.wiring import pack_for, steps_folder
    from koprade_wizard.interview import answers_file
    from koprade_wizard.plan.output import (
        FORMATS,
        PlanRequest,
        pack_templates,
        plan_base,
        write_plan,
    )

    formats = FORMATS if ns.format == "all" else (ns.format,)
    if "pdf" in formats or "onepager" in formats:
        from koprade_wizard.plan.pdf import warm_up

        warm_up()  # weasyprint loads in the background while the plan is computed
    tree = pack_for(ns)
    data = answers_file.load(ns.answers_file, message_lang)
    typed = answers_file.validate(tree, data, str(ns.answers_file))
    # The plan speaks the language asked for, else the one the interview was held in.
    lang = getattr(ns, "lang", None) or (data.language if data.language in LANGS
                                          else DEFAULT_LANG)
    _note_odd_answers(tree, typed, data.confirmed, message_lang, ns.answers_file)
    try:
        written = write_plan(PlanRequest(tree, typed, lang, plan_base(ns.answers_file, ns.out),
                                         formats, force=ns.force, partial=ns.partial,
                                         templates=pack_templates(steps_folder(ns))))
    except WizardError as exc:
        exc.lang = lang  # what stops this plan is said in the plan's language
        raise
    print(t("plan_written", lang, files=", ".join(str(p) for p in written)))
    return EXIT_OK


def _note_odd_answers(tree: Any, typed: dict[str, Any], confirmed: dict[str, Any], lang: str,
                      path: Path) -> None:
    """Say which answers look odd and were never confirmed; the plan is written anyway."""
    import sys

    from koprade_wizard.pack.applicability import odd_answers
    from koprade_wizard.pack.display import text

    for qid, reason in odd_answers(tree, typed, confirmed, lang):
        q = tree.question(qid)
        print(t("odd_answer_note", lang, label=text(q.label, lang), reason=reason, file=path),
              file=sys.stderr)
