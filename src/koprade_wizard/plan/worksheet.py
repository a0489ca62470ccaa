"""The whole questionnaire on paper, generated from the tree, for people without a laptop.

Questions are numbered in the order the wizard asks them, so a trainer can type a
filled-in sheet straight into the wizard. Branch hints come from the ``when:``
conditions (``pack/branches.py``); the words around the questions from
the catalogue (``ws_…``). One model, two renderings: Markdown and the
HTML that becomes the PDF.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from html import escape

from koprade_wizard.i18n import formatting
from koprade_wizard.i18n.messages import t
from koprade_wizard.pack.branches import Clause, describe
from koprade_wizard.pack.display import text, unit
from koprade_wizard.pack.tree import DecisionTree, Question
from koprade_wizard.plan import mdtext

Phrases = Callable[..., str]  # s('ws_key', n=3): a catalogue text in the sheet's language

# A choice list longer than this is set in columns (the 42 municipalities).
LONG_LIST = 12
_LINES = {"text": 1, "long_text": 3}


@dataclass(frozen=True)
class SheetQuestion:
    number: int
    id: str
    kind: str
    label: str
    help: str
    unit: str
    required: bool
    choices: tuple[str, ...]
    hint: str  # "" when the question is always asked


@dataclass(frozen=True)
class SheetStep:
    number: int
    title: str
    intro: str
    questions: tuple[SheetQuestion, ...]


@dataclass(frozen=True)
class Worksheet:
    lang: str
    title: str
    steps: tuple[SheetStep, ...]
    phrases: Phrases


def _hint(q: Question, numbers: dict[str, int], tree: DecisionTree, s: Phrases,
          lang: str) -> str:
    if not q.when:
        return ""
    hint = describe(q.when)

    def values(clause: Clause) -> str:
        earlier = tree.find(clause.question)
        shown = []
        for v in clause.values:
            choice = earlier.choice(v) if earlier else None
            shown.append(f"“{text(choice.label, lang) if choice else v}”")
        return s("ws_choice_or").join(shown)

    words = []
    for clause in hint.clauses:
        n = numbers.get(clause.question)
        if n is None:
            continue
        earlier = tree.find(clause.question)
        if clause.op in ("yes", "no") and earlier and earlier.kind != "yes_no":
            # A text or number read as true or false: given or left empty.
            words.append(s("ws_if_filled" if clause.op == "yes" else "ws_if_empty", n=n))
        elif clause.op in ("yes", "no"):
            words.append(s(f"ws_if_{clause.op}", n=n))
        elif clause.op in ("is", "has"):
            words.append(s("ws_if_is", n=n, values=values(clause)))
        elif clause.op in ("is_not", "has_not"):
            words.append(s("ws_if_is_not", n=n, values=values(clause)))
        elif clause.op.startswith("count_"):
            count = int(float(clause.values[0]))
            if clause.op == "count_gt" and count == 0:
                words.append(s("ws_if_any", n=n))
            else:
                words.append(s(f"ws_if_{clause.op}", n=n,
                               k=formatting.number(count, lang)))
        elif clause.op in ("gt", "ge", "lt", "le", "eq", "ne"):
            words.append(s(f"ws_if_num_{clause.op}", n=n,
                           k=formatting.number(float(clause.values[0]), lang)))
        else:
            words.append(s("ws_if_other", n=n))
    if not words:
        return ""
    joined = s("ws_and" if hint.joiner == "and" else "ws_or").join(dict.fromkeys(words))
    return s("ws_only_if", conditions=joined)


def build_worksheet(tree: DecisionTree, lang: str) -> Worksheet:
    def s(key: str, **params: object) -> str:
        return t(key, lang, **params)

    numbers = {q.id: i for i, q in enumerate(tree.questions(), 1)}
    steps = []
    for n, step in enumerate(tree.steps, 1):
        questions = tuple(
            SheetQuestion(numbers[q.id], q.id, q.kind, text(q.label, lang), text(q.help, lang),
                          unit(q.unit, lang), q.required,
                          tuple(text(c.label, lang) for c in q.choices),
                          _hint(q, numbers, tree, s, lang))
            for q in step.questions)
        steps.append(SheetStep(n, text(step.title, lang), text(step.intro, lang), questions))
    return Worksheet(lang, text(tree.title, lang), tuple(steps), s)


# --- Markdown --------------------------------------------------------------------------

def worksheet_markdown(sheet: Worksheet) -> str:
    s = sheet.phrases
    out = [f"# {mdtext.inline(s('ws_title', title=sheet.title))}", "",
           f"**{s('ws_name')}:** \\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_ "
           f"**{s('ws_date')}:** \\_\\_\\_\\_\\_\\_\\_\\_\\_\\_", "", s("ws_intro"), ""]
    for step in sheet.steps:
        out += [f"## {mdtext.inline(s('ws_step', n=step.number, title=step.title))}", ""]
        for q in step.questions:
            optional = "" if q.required else f" {s('ws_optional')}"
            out.append(f"**{q.number}. {mdtext.inline(q.label)}**{optional}")
            out.append("")
            if q.hint:
                out += [f"*{mdtext.inline(q.hint)}*", ""]
            if q.help:
                out += [f"> {mdtext.inline(q.help)}", ""]
            out += _md_answer(q, s)
            out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def _md_answer(q: SheetQuestion, s: Phrases) -> list[str]:
    if q.kind == "yes_no":
        return [f"- [ ] {s('ws_yes')}", f"- [ ] {s('ws_no')}"]
    if q.kind in ("choice", "multi_choice"):
        head = s("ws_one") if q.kind == "choice" else s("ws_many")
        return [f"*{head}*", "", *(f"- [ ] {mdtext.inline(c)}" for c in q.choices)]
    if q.kind == "date":
        return [f"\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_ ({s('ws_date_blank')})"]
    line = "\\_" * 30
    if q.kind in ("integer", "decimal"):
        return [f"\\_\\_\\_\\_\\_\\_\\_\\_ {mdtext.inline(q.unit)}".rstrip()]
    return [line] * _LINES.get(q.kind, 1)


# --- HTML for the PDF -----------------------------------------------------------------------

def worksheet_html(sheet: Worksheet) -> str:
    s = sheet.phrases
    e = escape
    parts = [
        f'<!DOCTYPE html>\n<html lang="{e(sheet.lang)}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{e(s('ws_title', title=sheet.title))}</title>\n"
        f'<meta name="generator" content="koprade-wizard">\n'
        f'<meta name="dcterms.created" content="{dt.date.today().isoformat()}">\n'
        '<link rel="stylesheet" href="worksheet.css">\n</head>\n<body>\n',
        f"<h1>{e(s('ws_title', title=sheet.title))}</h1>\n",
        f'<p class="who"><span>{e(s("ws_name"))}:</span><span class="fill"></span>'
        f'<span>{e(s("ws_date"))}:</span><span class="fill short"></span></p>\n',
        f'<p class="intro">{e(s("ws_intro"))}</p>\n',
    ]
    for step in sheet.steps:
        parts.append(f'<section class="step"><h2>{e(s("ws_step", n=step.number, title=step.title))}'
                     "</h2>\n")
        for q in step.questions:
            optional = f' <span class="opt">{e(s("ws_optional"))}</span>' if not q.required else ""
            parts.append(f'<div class="q"><p class="label"><b>{q.number}.</b> {e(q.label)}'
                         f"{optional}</p>\n")
            if q.hint:
                parts.append(f'<p class="hint">{e(q.hint)}</p>\n')
            if q.help:
                parts.append(f'<p class="help">{e(q.help)}</p>\n')
            parts.append(_html_answer(q, s))
            parts.append("</div>\n")
        parts.append("</section>\n")
    parts.append("</body>\n</html>\n")
    return "".join(parts)


def _html_answer(q: SheetQuestion, s: Phrases) -> str:
    e = escape
    if q.kind == "yes_no":
        items = (s("ws_yes"), s("ws_no"))
        return '<ul class="ticks inline">' + "".join(
            f"<li>{e(i)}</li>" for i in items) + "</ul>\n"
    if q.kind in ("choice", "multi_choice"):
        head = s("ws_one") if q.kind == "choice" else s("ws_many")
        cols = " cols" if len(q.choices) > LONG_LIST else ""
        return (f'<p class="how">{e(head)}</p><ul class="ticks{cols}">'
                + "".join(f"<li>{e(c)}</li>" for c in q.choices) + "</ul>\n")
    if q.kind == "date":
        return f'<p class="box date"><span class="fill short"></span> {e(s("ws_date_blank"))}</p>\n'
    if q.kind in ("integer", "decimal"):
        return f'<p class="box"><span class="fill short"></span> {e(q.unit)}</p>\n'
    return '<p class="line"></p>\n' * _LINES.get(q.kind, 1)
