"""The interview loop: ask through a Prompter, save after every answer, review at the end."""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

from koprade_wizard.common.answers import AnswerValue
from koprade_wizard.i18n.messages import t
from koprade_wizard.interview.engine import ChangeReport, Interview
from koprade_wizard.interview.prompts import BACK, AskRequest, Prompter
from koprade_wizard.pack.display import show, text
from koprade_wizard.pack.kinds import implausible

Outcome = Literal["finished", "stopped"]


def run_interview(
    interview: Interview,
    prompter: Prompter,
    save: Callable[[Interview], None],
) -> Outcome:
    """Run until the person finishes from the review or chooses to stop.

    ``save`` is called after every answer, so an interruption loses at most the answer
    being typed. KeyboardInterrupt from the prompter is left to the caller.
    """
    lang = interview.lang
    changing: str | None = None
    # After going back, each answer leads to the very next question (answered ones
    # are shown with their answer). Otherwise — a fresh start, a resumed file, a
    # change from the review — the next question is the first one still unanswered.
    revisiting = False
    last_change: ChangeReport | None = None
    previous_step: str | None = None
    while True:
        question = interview.current()
        if question is None:
            action = prompter.review(interview.review(), lang, last_change)
            last_change = None
            revisiting = False
            if action.kind == "finish":
                return "finished"
            if action.kind == "quit":
                return "stopped"
            assert action.question is not None
            interview.go_to(action.question)
            changing = action.question
            continue
        step = interview.tree.step_of(question.id)
        progress = interview.progress()
        assert progress is not None
        request = AskRequest(
            question=question,
            step=step,
            lang=lang,
            default=interview.default_for(question),
            progress=progress,
            context=interview.context_before(question.id),
            first_in_step=step.id != previous_step,
        )
        previous_step = step.id
        result = prompter.ask(request)
        if result is BACK:
            if changing is not None:
                changing = None
                interview.resume_point()
            elif interview.back() is None:
                prompter.notice(t("at_start", lang))
            else:
                revisiting = True
            continue
        if not _likely_or_confirmed(interview, prompter, request, result):
            continue  # the same question again
        if changing == question.id:
            last_change = interview.change(question.id, result)
            changing = None
        else:
            interview.answer(question.id, result)
            if not revisiting:
                interview.resume_point()
        if interview.cursor not in interview.answers:
            revisiting = False
        save(interview)


def _likely_or_confirmed(
    interview: Interview, prompter: Prompter, request: AskRequest, value: AnswerValue
) -> bool:
    """True when the answer looks likely, or the person confirms it although it does not
    (the confirmation is kept, so it is not asked again for the same value)."""
    q, lang = request.question, request.lang
    reason = implausible(q, value, request.context, lang)
    if reason is None:
        interview.confirmed.pop(q.id, None)
        return True
    if q.id in interview.confirmed and interview.confirmed[q.id] == value:
        return True
    shown = show(q, value, lang, (t("yes", lang), t("no", lang)))
    if not prompter.confirm(t("plausible_confirm", lang, reason=reason, value=shown,
                              label=text(q.label, lang)), lang, default=False):
        return False
    interview.confirmed[q.id] = value
    return True
