"""``check``: is the pack sound, does it give the plan what the plan reads, and (with
--answers) is an answers file acceptable to it?"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from koprade_wizard.cli.options import (
    EXIT_OK,
    EXIT_PROBLEMS,
    Help,
    Subparsers,
    add_answers,
    add_lang,
    add_steps,
)
from koprade_wizard.i18n.messages import t, tn

if TYPE_CHECKING:
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

    folder = steps_folder(ns)
    tree = pack_for(ns, use_cache=False)  # check always checks everything
    print(t("check_ok", lang, path=folder, steps=tn("count_steps", len(tree.steps), lang),
            questions=tn("count_questions", len(tree.questions()), lang),
            actions=tn("count_action_rules", len(tree.actions()), lang)))
    _note_fallbacks(tree, lang)
    wrong = plan_reads(tree, folder, lang)
    _report_flow(tree, lang)
    path: Path | None = getattr(ns, "answers", None)
    if path is None:
        return EXIT_PROBLEMS if wrong else EXIT_OK
    data = answers_file.load(path, lang)
    typed = answers_file.validate(tree, data, str(path))
    interview = Interview(tree, dict(typed), lang)
    ignored = [q for q in typed if q not in interview.answers]
    if ignored:
        from koprade_wizard.common.errors import AnswersError, Location, Problem, msg

        # Each at the line of its answer, as every other problem with the file is.
        raise AnswersError([Problem(Location(str(path), data.line_of_answer(q)),
                                    msg("answers_not_applicable", id=q)) for q in ignored])
    missing = interview.missing_required()
    print(t("check_answers_ok", lang, path=path, answered=tn("count_answered", len(typed), lang),
            missing=tn("count_open", len(missing), lang)))
    if missing:
        print(t("answers_missing", lang, ids=", ".join(missing)))
    return EXIT_PROBLEMS if wrong else EXIT_OK


def plan_reads(tree: DecisionTree, folder: Path, lang: str) -> bool:
    """Say which parts of the plan this pack leaves empty or makes wrong; True if any
    part would be wrong (a question of another kind, a choice gone or unknown)."""
    from koprade_wizard.common.errors import Location, Problem
    from koprade_wizard.plan.contract import PARTS, compare, own_pack

    findings = compare(tree)
    if not findings:
        if not own_pack(tree):
            print(t("plan_reads_ok", lang))
        return False
    print(t("plan_reads_title", lang))
    for f in findings:
        if not f.wrong:
            continue
        parts = ", ".join(t(f"part_{p}", lang) for p in f.read.parts)
        where = tree.question_lines.get(f.read.qid)
        location = Location(where.path, where.line) if where else Location(str(folder))
        message = t(f"plan_read_{f.what}", lang, parts=parts, id=f.read.qid, value=f.value,
                    found=f.value, expected=" | ".join(f.read.kinds))
        print(f"  {Problem(location, message)}")
    missing = [f.read for f in findings if not f.wrong]
    if missing:
        # Many at once for a pack of its own: one line per part of the plan.
        print(f"  {folder}: " + t("plan_reads_missing", lang, n=len(missing)))
        for part in PARTS:
            ids = [r.qid for r in missing if part in r.parts]
            if ids:
                print(f"    {t(f'part_{part}', lang)}: {', '.join(ids)}")
    return any(f.wrong for f in findings)


def _note_fallbacks(tree: DecisionTree, lang: str) -> None:
    """A language the pack's texts lack: say which files fall back (a note, not a problem)."""
    from koprade_wizard.pack.display import missing_texts

    if lang in tree.languages:
        return
    for step in tree.steps:
        if count := missing_texts(step, lang):
            print(tn("check_lang_fallback", count, lang, path=step.where.path, lang=lang,
                     fallback=tree.languages[0]))


def _report_flow(tree: DecisionTree, lang: str) -> None:
    """Notes, not errors: questions no earlier answers can reach, and choices that no
    condition and no part of the plan's code compares with."""
    from koprade_wizard.pack.branches import unreachable, unread_choices
    from koprade_wizard.plan.contract import READS

    for qid in unreachable(tree):
        where = tree.question_lines.get(qid)
        print(f"{where.path}:{where.line}: " if where else "", end="")
        print(t("check_unreachable", lang, id=qid, when=tree.question(qid).when))
    read_by_plan = {r.qid: set(r.choices) | set(r.known or ()) for r in READS}
    unread = unread_choices(tree, read_by_plan)
    if not unread:
        return
    by_question: dict[str, list[str]] = {}
    for qid, value in unread:
        by_question.setdefault(qid, []).append(value)
    print(tn("check_unread_choices", len(unread), lang))
    for qid, values in by_question.items():
        print(f"  {qid}: {', '.join(values)}")
