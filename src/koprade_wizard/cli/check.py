"""``check``: is the pack sound, and (with --answers) is an answers file acceptable to it?"""

from __future__ import annotations

import argparse
from pathlib import Path

from koprade_wizard.cli.options import EXIT_OK, Help, Subparsers, add_answers, add_lang, add_steps
from koprade_wizard.i18n.messages import t
from koprade_wizard.pack.tree import DecisionTree


def register(sub: Subparsers, h: Help) -> None:
    parser = sub.add_parser("check", help=h("help_check"), description=h("help_check"))
    add_steps(parser, h)
    add_answers(parser, h, "help_check_answers")
    add_lang(parser, h)
    parser.set_defaults(handler=run)


def run(ns: argparse.Namespace, lang: str) -> int:
    from koprade_wizard.cli.wiring import pack_for, steps_folder
    from koprade_wizard.interview import answers_file
    from koprade_wizard.interview.engine import Interview

    tree = pack_for(ns, lang, use_cache=False)  # check always checks everything
    print(t("check_ok", lang, path=steps_folder(ns), steps=len(tree.steps),
            questions=len(tree.questions()), actions=len(tree.actions())))
    _report_flow(tree, lang)
    path: Path | None = getattr(ns, "answers", None)
    if path is None:
        return EXIT_OK
    data = answers_file.load(path, lang)
    typed = answers_file.validate(tree, data, lang, str(path))
    interview = Interview(tree, dict(typed), lang)
    ignored = [q for q in typed if q not in interview.answers]
    if ignored:
        from koprade_wizard.common.errors import AnswersError, Location, Problem

        raise AnswersError([Problem(Location(str(path)), t("answers_not_applicable", lang, id=q))
                            for q in ignored])
    missing = interview.missing_required()
    print(t("check_answers_ok", lang, path=path, answered=len(typed), missing=len(missing)))
    if missing:
        print(t("answers_missing", lang, ids=", ".join(missing)))
    return EXIT_OK


def _report_flow(tree: DecisionTree, lang: str) -> None:
    """Warnings, not errors: questions no answers can reach, choices nothing reads."""
    from koprade_wizard.pack.branches import unreachable, unread_choices

    for qid in unreachable(tree):
        where = tree.question_lines.get(qid)
        print(f"{where.path}:{where.line}: " if where else "", end="")
        print(t("check_unreachable", lang, id=qid, when=tree.question(qid).when))
    unread = unread_choices(tree)
    if not unread:
        return
    by_question: dict[str, list[str]] = {}
    for qid, value in unread:
        by_question.setdefault(qid, []).append(value)
    # A question none of whose choices a condition names is read as a whole (by the
    # plan, say the municipality); one whose siblings are named may have a dead choice.
    whole = [q for q, values in by_question.items()
             if len(values) == len(tree.question(q).choices)]
    partial = {q: v for q, v in by_question.items() if q not in whole}
    print(t("check_unread_choices", lang, count=sum(len(v) for v in partial.values())))
    for qid, values in partial.items():
        print(f"  {qid}: {', '.join(values)}")
    if whole:
        print(t("check_unread_questions", lang, ids=", ".join(whole)))
