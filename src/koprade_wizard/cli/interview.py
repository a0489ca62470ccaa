"""The wizard itself (no command given): the interview in the terminal, saved after every
answer, resumable, and the plan written beside the answers when it is finished."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from koprade_wizard.cli.options import EXIT_OK
from koprade_wizard.cli.oserror import describe
from koprade_wizard.cli.saving import AnswerSaver
from koprade_wizard.common.errors import Interrupted, Problem, RenderError, UsageError
from koprade_wizard.i18n.messages import LANGS, t

if TYPE_CHECKING:
    from koprade_wizard.interview.terminal import TerminalPrompter
    from koprade_wizard.pack.tree import DecisionTree


def run(ns: argparse.Namespace, lang: str) -> int:
    from koprade_wizard.cli.wiring import pack_for
    from koprade_wizard.common.paths import DEFAULT_ANSWERS
    from koprade_wizard.interview import answers_file
    from koprade_wizard.interview.engine import Interview
    from koprade_wizard.interview.session import run_interview

    if not sys.stdin.isatty():
        raise UsageError(t("not_a_terminal", lang))
    tree = pack_for(ns)
    given: Path | None = getattr(ns, "answers", None)
    path = given or DEFAULT_ANSWERS

    from koprade_wizard.interview.terminal import TerminalPrompter

    prompter = TerminalPrompter()
    typed: dict[str, Any] = {}
    confirmed: dict[str, Any] = {}
    position: str | None = None
    write_now = False
    if path.exists():
        data = answers_file.load(path, lang)
        typed = answers_file.validate(tree, data, str(path))
        if data.status == answers_file.STATUS_COMPLETE:
            typed = _skipped_as_blank(tree, typed, lang)
        if getattr(ns, "lang", None) is None and data.language in LANGS:
            lang = data.language  # resume in the language the interview was begun in
        confirmed = data.confirmed
        position = data.position
        if given is None:
            choice = _offer(prompter, tree, typed, data.position, path, lang)
            if choice == "restart":
                kept = _archive(path)
                prompter.notice(t("answers_kept", lang, file=kept))
                typed, confirmed, position = {}, {}, None
            write_now = choice == "write"
    else:
        prompter.console.print(t("welcome", lang))
    interview = Interview(tree, typed, lang, cursor=position, confirmed=dict(confirmed))

    def current(status: str) -> answers_file.AnswersFile:
        order = [q.id for q in tree.questions()]
        ordered = {q: interview.answers[q] for q in order if q in interview.answers}
        kept = {q: v for q, v in interview.confirmed.items() if interview.answers.get(q) == v}
        return answers_file.AnswersFile(
            pack=tree.id, pack_version=tree.version, language=lang, answers=ordered,
            status=status, position=interview.cursor, confirmed=kept)

    if not write_now:
        # A failing disk is told about and retried; it never ends the interview.
        saver = AnswerSaver(
            path, lambda target, status: answers_file.save(target, current(status)),
            lambda status: current(status).to_yaml(path.name), prompter.notice, lang)
        in_progress = answers_file.STATUS_IN_PROGRESS
        saver.save(in_progress)

        def save_progress(_: Interview) -> None:
            saver.save(in_progress)

        try:
            outcome = run_interview(interview, prompter, save_progress)
        except KeyboardInterrupt:
            saver.final(in_progress, interrupted=True)
            raise Interrupted(t("resume_hint", lang, file=path)) from None
        if outcome == "stopped":
            saver.final(in_progress)
            print(t("resume_hint", lang, file=path))
            return EXIT_OK
        saver.final(answers_file.STATUS_COMPLETE)
        print(t("answers_saved", lang, file=path))
    try:
        _write_plan(tree, interview.answers, lang, path, prompter)
    except OSError as exc:
        raise RenderError([Problem(None, describe(exc, lang)),
                           Problem(None, t("plan_not_written", lang, file=path))]) from None
    return EXIT_OK


def _skipped_as_blank(tree: DecisionTree, typed: dict[str, Any], lang: str) -> dict[str, Any]:
    """A file marked complete that does not list an optional question (written by hand,
    by a trainer or by another tool) left it unanswered on purpose: it counts as skipped,
    so the wizard offers the review instead of asking it again."""
    from koprade_wizard.interview.engine import Interview

    probe = Interview(tree, dict(typed), lang)
    while (qid := probe.first_unanswered()) is not None and not tree.question(qid).required:
        probe.answer(qid, None)
    return probe.answers


def _offer(prompter: TerminalPrompter, tree: DecisionTree, typed: dict[str, Any],
           position: object, path: Path, lang: str) -> str:
    """What to do with the answers found: "resume" (or change), "write" or "restart"."""
    from koprade_wizard.interview.engine import Interview
    from koprade_wizard.pack.display import text

    probe = Interview(tree, dict(typed), lang)
    restart = (t("offer_restart", lang, file=path), "restart")
    if probe.finished:
        return str(prompter.choose(t("offer_complete", lang, file=path), [
            (t("offer_change", lang), "resume"), (t("offer_write", lang), "write"), restart,
        ], lang))
    stopped = tree.find(position) or probe.current()
    question = text(stopped.label, lang) if stopped else ""
    return str(prompter.choose(t("offer_unfinished", lang, file=path, question=question), [
        (t("offer_continue", lang), "resume"), restart,
    ], lang))


def _write_plan(tree: DecisionTree, answers: dict[str, Any], lang: str, path: Path,
                prompter: TerminalPrompter) -> None:
    """Write Markdown and PDF beside the answers file; ask before replacing a plan."""
    import time

    from koprade_wizard.i18n.formatting import number
    from koprade_wizard.plan.output import PlanRequest, plan_base, targets, write_plan

    base = plan_base(path, path.parent)
    formats = ("md", "pdf")
    # The plan in the interview's language, and on request in another one as well (a
    # founder who answered in English may need it in Latvian for the LEADER group).
    bases = {lang: base, **{other: base.with_name(f"{base.name}-{other}")
                            for other in _also_in(prompter, lang)}}
    existing = [p for b in bases.values() for p in targets(b, formats).values() if p.exists()]
    force = bool(existing) and prompter.confirm(
        t("plan_overwrite", lang, file=existing[0]), lang, default=False)
    if existing and not force:
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        bases = {code: b.with_name(f"{b.name}-{stamp}") for code, b in bases.items()}
    started = time.monotonic()
    written: list[Path] = []
    # The PDF takes several seconds: show that something is happening.
    with prompter.console.status(t("plan_writing", lang)):
        for code, target in bases.items():
            written += write_plan(PlanRequest(tree, answers, code, target, formats, force=force))
    seconds = time.monotonic() - started
    print(t("plan_written", lang, files=", ".join(str(p) for p in written)))
    print(t("plan_took", lang, seconds=number(seconds, lang, 1)))


def _also_in(prompter: TerminalPrompter, lang: str) -> list[str]:
    """The languages the founder wants the plan in besides the interview's (none or one)."""
    from koprade_wizard.i18n.formatting import language_name

    others = [code for code in LANGS if code != lang]
    if not others:
        return []
    options: list[tuple[str, str | None]] = [
        (t("plan_lang_only", lang, language=language_name(lang, lang)), None)]
    options += [(t("plan_lang_also", lang, language=language_name(code, lang)), code)
                for code in others]
    picked = prompter.choose(t("plan_lang_question", lang), options, lang)
    return [picked] if picked else []


def _archive(path: Path) -> Path:
    """Keep an answers file the person chose not to resume, instead of overwriting it."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}-{stamp}{path.suffix}")
    path.rename(target)
    return target
