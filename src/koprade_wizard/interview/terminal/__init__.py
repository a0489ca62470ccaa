"""The terminal Prompter: lists and text prompts for the questions, rich for the rest.

This package and ``cli`` are the only places that touch the terminal. Lists (choices,
several choices, yes/no, the review, confirmations) are ``picker.Picker``; typed answers
are questionary's text prompt. Which prompt a question gets is its kind's ``prompt`` in
the kind registry (``pack/kinds.py``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar, cast

import questionary
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from koprade_wizard.common.answers import AnswerValue
from koprade_wizard.i18n.messages import t, word
from koprade_wizard.interview.engine import ChangeReport, ReviewGroup
from koprade_wizard.interview.prompts import BACK, Asked, AskRequest, Back, ReviewAction
from koprade_wizard.interview.terminal.picker import Option, Picker
from koprade_wizard.pack import kinds as answer_rules
from koprade_wizard.pack.display import show, text
from koprade_wizard.pack.display import unit as unit_of
from koprade_wizard.pack.tree import Choice, Question

_BACK_TEXT = "<"
_SEARCH_FROM = 12  # longer lists get type-to-filter

T = TypeVar("T")


def show_value(q: Question, value: AnswerValue, lang: str) -> str:
    """An answer as a person reads it, in ``lang``; a dash for none."""
    return show(q, value, lang, (t("yes", lang), t("no", lang))) or t("no_answer", lang)


class TerminalPrompter:
    def __init__(self, console: Console | None = None, **io: Any) -> None:
        # io (input=/output=) lets tests drive the prompts through a pipe.
        self.console = console or Console(highlight=False)
        self.io = io

    # -- Prompter ----------------------------------------------------------------
    def ask(self, request: AskRequest) -> Asked:
        self._header(request)
        prompt = answer_rules.kind_of(request.question).prompt
        asking: dict[str, Callable[[AskRequest], Asked]] = {
            "select": self._select,
            "yes_no": self._select,
            "checkbox": self._checkbox,
            "text": self._typed,
            "long_text": self._typed,
        }
        return asking[prompt](request)

    def review(
        self, groups: list[ReviewGroup], lang: str, last_change: ChangeReport | None
    ) -> ReviewAction:
        self.console.rule(f"[bold]{escape(t('review_title', lang))}")
        if last_change is not None:
            if last_change.dropped:
                self.notice(t("review_dropped", lang, labels=_labels(last_change.dropped,
                                                                     last_change, lang)))
            if last_change.added:
                self.notice(t("review_new", lang, labels=_labels(last_change.added,
                                                                 last_change, lang)))
        options = [
            Option(t("review_finish", lang), ReviewAction("finish"), action=True),
            Option(t("review_quit", lang), ReviewAction("quit"), action=True),
        ]
        for group in groups:
            title = text(group.step.title, lang)
            table = Table(title=escape(title), show_header=False, expand=True)
            table.add_column(ratio=3)
            table.add_column(ratio=2)
            options.append(Option(f"── {title}", header=True))
            for item in group.items:
                shown = show_value(item.question, item.value, lang)
                label = text(item.question.label, lang)
                table.add_row(escape(label), escape(shown))
                options.append(Option(f"{label}: {shown}",
                                      ReviewAction("change", item.question.id)))
            self.console.print(table)
        picked: ReviewAction = self._pick(
            t("review_prompt", lang), options, lang, searchable=True,
            instruction=t("search_hint", lang))
        return picked

    def notice(self, message: str) -> None:
        self.console.print(f"[yellow]{escape(message)}")

    def confirm(self, message: str, lang: str, default: bool = True) -> bool:
        """A yes/no question in the interface's words (never questionary's ``(Y/n)``)."""
        options = [Option(t("yes", lang), True), Option(t("no", lang), False)]
        return bool(self._pick(message, options, lang, default=default,
                               instruction=t("confirm_hint", lang),
                               shortcuts=_YES_NO_KEYS))

    def choose(self, message: str, options: list[tuple[str, T]], lang: str) -> T:
        """One of a few named options (the resume offer)."""
        picked = self._pick(message, [Option(title, value) for title, value in options], lang,
                            instruction=t("select_hint", lang))
        return cast(T, picked)  # the picker hands back one of the values given

    # -- parts -----------------------------------------------------------------------
    def _pick(self, message: str, options: list[Option], lang: str, **kw: Any) -> Any:
        return Picker(message, options,
                      no_match=lambda typed: t("no_match", lang, typed=typed),
                      **kw).run(**self.io)

    def _header(self, request: AskRequest) -> None:
        lang, p = request.lang, request.progress
        step_line = t("step_progress", lang, n=p.step_number, total=p.step_count,
                      title=text(request.step.title, lang))
        q_line = t("question_progress", lang, n=p.question_number, total=p.question_count)
        if request.first_in_step:
            self.console.rule(f"[bold cyan]{escape(step_line)}")
            if request.step.intro:
                self.console.print(escape(text(request.step.intro, lang)), style="italic")
        self.console.print(f"[dim]{escape(step_line)} · {escape(q_line)}[/dim]")
        help_text = text(request.question.help, lang)
        if help_text:
            self.console.print(f"[green]ℹ {escape(help_text)}[/green]")

    def _passes(self, request: AskRequest, value: Any) -> bool:
        try:
            request.check_value(value)
        except answer_rules.AnswerInvalid:
            return False
        return True

    def _select(self, request: AskRequest) -> Asked:
        q, lang = request.question, request.lang
        label = text(q.label, lang)
        if q.is_choice:
            options = [Option(text(c.label, lang), c.value, aliases=_aliases(c, lang))
                       for c in q.choices]
        else:
            options = [Option(t("yes", lang), True), Option(t("no", lang), False)]
        if not q.required:
            options.append(Option(t("skip", lang), None))
        options.append(Option(t("back", lang), BACK, action=True))
        long_list = len(options) > _SEARCH_FROM
        # A default that its own rules refuse (an association with one founder) is
        # not offered: Enter on it could only fail.
        default = request.default if self._passes(request, request.default) else None
        while True:
            picked = self._pick(
                label, options, lang, default=default, searchable=long_list,
                instruction=t("search_hint" if long_list else "select_hint", lang),
                shortcuts=_YES_NO_KEYS if q.kind == "yes_no" else None)
            if picked is BACK:
                return Back.BACK  # the name, not the narrowed `picked`
            try:
                return request.check_value(picked)
            except answer_rules.AnswerInvalid as exc:
                self.notice(word(exc.message, lang))  # and the same question again
                default = picked

    def _checkbox(self, request: AskRequest) -> Asked:
        q, lang = request.question, request.lang
        options = [Option(text(c.label, lang), c.value) for c in q.choices]
        options.append(Option(t("back", lang), BACK, action=True))

        def validate(selected: list[Any]) -> str | None:
            try:
                request.check_value(selected)
            except answer_rules.AnswerInvalid as exc:
                return word(exc.message, lang)
            return None

        picked = self._pick(text(q.label, lang), options, lang, multi=True,
                            ticked=request.default or [], validate=validate,
                            instruction=t("multi_hint", lang))
        if picked is BACK:
            return Back.BACK  # the name, not the narrowed `picked`
        return request.check_value(picked)

    def _typed(self, request: AskRequest) -> Asked:
        q, lang = request.question, request.lang
        label = text(q.label, lang)
        hints = [t("back_hint", lang)]
        if not q.required:
            hints.insert(0, t("optional_hint", lang))
        if q.kind == "date":
            hints.insert(0, t("date_hint", lang))  # the format before any error
        unit = unit_of(q.unit, lang)
        message = f"{label} ({unit})" if unit else label

        def validate(typed: str) -> bool | str:
            if typed.strip() == _BACK_TEXT:
                return True
            try:
                request.check_text(typed)
            except answer_rules.AnswerAmbiguous:
                return True  # asked right after, with every reading
            except answer_rules.AnswerInvalid as exc:
                return f"{word(exc.message, lang)} {t('edit_hint', lang)}"
            return True

        self.console.print(f"[dim]{escape(' '.join(hints))}[/dim]")
        default = answer_rules.to_text(q, request.default, lang)
        while True:
            typed = questionary.text(
                message, default=default, validate=validate,
                multiline=False, **self.io
            ).unsafe_ask()
            if typed.strip() == _BACK_TEXT:
                return BACK
            try:
                return request.check_text(typed)
            except answer_rules.AnswerAmbiguous as exc:
                meant = self._which(request, exc)
                if meant is not None:
                    return meant
                default = typed

    def _which(self, request: AskRequest,
               doubt: answer_rules.AnswerAmbiguous) -> AnswerValue:
        """Ask which reading of an ambiguous answer was meant; None to type it again."""
        lang, q = request.lang, request.question
        options = [Option(show_value(q, v, lang), ("v", v)) for v in doubt.readings]
        options.append(Option(t("answer_retype", lang), ("retype", None), action=True))
        kind, value = self._pick(word(doubt.message, lang), options, lang,
                                 instruction=t("select_hint", lang))
        if kind == "retype":
            return None
        try:
            return request.check_value(value)
        except answer_rules.AnswerInvalid as exc:
            self.notice(word(exc.message, lang))
            return None


# Letters that answer a yes/no list at once, in every language the program speaks.
_YES_NO_KEYS = {"j": True, "y": True, "n": False}


def _aliases(choice: Choice, lang: str) -> tuple[str, ...]:
    return (*(v for k, v in choice.label.items() if k != lang), choice.value)


def _labels(ids: tuple[str, ...], change: ChangeReport, lang: str) -> str:
    return ", ".join(text(change.labels.get(q), lang) or q for q in ids)
