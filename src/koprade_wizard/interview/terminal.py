"""The terminal Prompter: questionary for the questions, rich for headers and the review.

This and the ``cli`` package are the only modules that touch the terminal.
"""

from __future__ import annotations

from typing import Any

import questionary
from questionary import Choice, Separator
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from koprade_wizard.i18n.messages import t, word
from koprade_wizard.interview.engine import ChangeReport, ReviewGroup
from koprade_wizard.interview.prompts import BACK, AskRequest, ReviewAction
from koprade_wizard.pack import kinds as answer_rules
from koprade_wizard.pack.display import show, text
from koprade_wizard.pack.display import unit as unit_of
from koprade_wizard.pack.tree import Question

_BACK_TEXT = "<"
_SEARCH_FROM = 12  # longer lists get type-to-filter


def show_value(q: Question, value: Any, lang: str) -> str:
    """An answer as a person reads it, in ``lang``; a dash for none."""
    return show(q, value, lang, (t("yes", lang), t("no", lang))) or t("no_answer", lang)


class TerminalPrompter:
    def __init__(self, console: Console | None = None, **question_kwargs: Any) -> None:
        # question_kwargs (input=/output=) let tests drive prompts through a pipe.
        self.console = console or Console(highlight=False)
        self.kwargs = question_kwargs

    # -- Prompter ----------------------------------------------------------------
    def ask(self, request: AskRequest) -> Any:
        q, lang = request.question, request.lang
        self._header(request)
        kind = q.kind
        label = text(q.label, lang)
        if kind in ("choice", "yes_no"):
            return self._select(request, label)
        if kind == "multi_choice":
            return self._checkbox(request, label)
        return self._typed(request, label)

    def review(
        self, groups: list[ReviewGroup], lang: str, last_change: ChangeReport | None
    ) -> ReviewAction:
        self.console.rule(f"[bold]{escape(t('review_title', lang))}")
        if last_change is not None:
            if last_change.dropped:
                self.notice(t("review_dropped", lang, ids=", ".join(last_change.dropped)))
            if last_change.added:
                self.notice(t("review_new", lang, ids=", ".join(last_change.added)))
        choices: list[Any] = [
            Choice(t("review_finish", lang), value=("finish", None)),
            Choice(t("review_quit", lang), value=("quit", None)),
        ]
        for group in groups:
            table = Table(title=text(group.step.title, lang), show_header=False, expand=True)
            table.add_column(ratio=3)
            table.add_column(ratio=2)
            choices.append(Separator(f"── {text(group.step.title, lang)}"))
            for item in group.items:
                shown = show_value(item.question, item.value, lang)
                label = text(item.question.label, lang)
                table.add_row(escape(label), escape(shown))
                choices.append(Choice(f"{label}: {shown}", value=("change", item.question.id)))
            self.console.print(table)
        picked = questionary.select(
            t("review_prompt", lang), choices=choices, use_jk_keys=False,
            use_search_filter=True, instruction=t("search_hint", lang), **self.kwargs
        ).unsafe_ask()
        kind, qid = picked
        return ReviewAction(kind, qid)

    def notice(self, message: str) -> None:
        self.console.print(f"[yellow]{escape(message)}")

    # -- parts -----------------------------------------------------------------------
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

    def _select(self, request: AskRequest, label: str) -> Any:
        q, lang = request.question, request.lang
        if q.is_choice:
            options: list[tuple[str | bool, str]] = [
                (c.value, text(c.label, lang)) for c in q.choices]
        else:
            options = [(True, t("yes", lang)), (False, t("no", lang))]
        choices: list[Any] = [Choice(title, value=("v", value)) for value, title in options]
        if not q.required:
            choices.append(Choice(t("skip", lang), value=("v", None)))
        choices += [Separator(), Choice(t("back", lang), value=("back", None))]
        default = next((c for c in choices if isinstance(c, Choice)
                        and c.value == ("v", request.default)), None)
        long_list = len(options) >= _SEARCH_FROM
        picked = questionary.select(
            label, choices=choices, default=default, use_jk_keys=not long_list,
            use_search_filter=long_list,
            instruction=t("search_hint" if long_list else "select_hint", lang), **self.kwargs
        ).unsafe_ask()
        if picked[0] == "back":
            return BACK
        return request.check_value(picked[1])

    def _checkbox(self, request: AskRequest, label: str) -> Any:
        q, lang = request.question, request.lang
        assert q.is_choice
        current = request.default or []
        back = ("back", None)
        choices: list[Any] = [
            Choice(text(c.label, lang), value=c.value, checked=c.value in current)
            for c in q.choices
        ]
        choices += [Separator(), Choice(t("back", lang), value=back)]

        def validate(selected: list[Any]) -> bool | str:
            if back in selected:
                return True
            try:
                request.check_value(selected)
            except answer_rules.AnswerInvalid as exc:
                return word(exc.message, lang)
            return True

        picked = questionary.checkbox(
            label, choices=choices, validate=validate, instruction=t("multi_hint", lang),
            **self.kwargs
        ).unsafe_ask()
        if back in picked:
            return BACK
        return request.check_value([v for v in picked if v != back])

    def _typed(self, request: AskRequest, label: str) -> Any:
        q, lang = request.question, request.lang
        hints = [t("back_hint", lang)]
        if not q.required:
            hints.insert(0, t("optional_hint", lang))
        if q.kind == "date":
            hints.insert(0, t("date_hint", lang))  # the format before any error
        unit = unit_of(getattr(q, "unit", None), lang)
        message = f"{label} ({unit})" if unit else label

        def validate(typed: str) -> bool | str:
            if typed.strip() == _BACK_TEXT:
                return True
            try:
                request.check_text(typed)
            except answer_rules.AnswerAmbiguous:
                return True  # asked right after, with both readings
            except answer_rules.AnswerInvalid as exc:
                return f"{word(exc.message, lang)} {t('edit_hint', lang)}"
            return True

        self.console.print(f"[dim]{escape(' '.join(hints))}[/dim]")
        default = answer_rules.to_text(q, request.default, lang)
        while True:
            typed = questionary.text(
                message, default=default, validate=validate, **self.kwargs
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

    def _which(self, request: AskRequest, doubt: answer_rules.AnswerAmbiguous) -> Any:
        """Ask which reading of an ambiguous answer was meant; None to type it again."""
        lang, q = request.lang, request.question
        choices: list[Any] = [Choice(show_value(q, v, lang), value=("v", v))
                              for v in doubt.readings]
        choices.append(Choice(t("answer_retype", lang), value=("retype", None)))
        while True:
            picked = questionary.select(word(doubt.message, lang), choices=choices,
                                        use_jk_keys=False,
                                        instruction=t("select_hint", lang),
                                        **self.kwargs).unsafe_ask()
            if picked[0] == "retype":
                return None
            try:
                return request.check_value(picked[1])
            except answer_rules.AnswerInvalid as exc:
                self.notice(word(exc.message, lang))
                return None

    def confirm(self, message: str, default: bool = True) -> bool:
        return bool(questionary.confirm(message, default=default, **self.kwargs).unsafe_ask())
