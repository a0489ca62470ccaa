"""A list to pick from in the terminal: type-to-filter in any language, actions apart.

questionary's own list takes only ASCII letters into its filter (``Rīg`` becomes ``Rg``),
matches exactly, and with no match shows the whole list with the first entry selected,
so Enter picks something nobody asked for. This list folds case and diacritics
(``rig``, ``Rīg`` and ``RĪG`` all find Rīgas valstspilsēta), moves the pointer to the best
match as you type, selects nothing when nothing matches, and keeps actions such as
«Back» out of the tickable options of a several-choice list.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from prompt_toolkit.application import Application, get_app
from prompt_toolkit.filters import Condition
from prompt_toolkit.formatted_text import StyleAndTextTuples
from prompt_toolkit.key_binding import KeyBindings, KeyPressEvent
from prompt_toolkit.keys import Keys
from prompt_toolkit.layout import ConditionalContainer, HSplit, Layout, Window
from prompt_toolkit.layout.controls import FormattedTextControl
from prompt_toolkit.layout.dimension import Dimension
from prompt_toolkit.styles import Style

from koprade_wizard.i18n.parsing import fold

STYLE = Style.from_dict({
    "qmark": "fg:#5f819d bold",
    "question": "bold",
    "instruction": "fg:#858585",
    "filter": "fg:#FF9D00",
    "pointer": "fg:#FF9D00 bold",
    "highlighted": "fg:#FF9D00 bold",
    "header": "fg:#858585",
    "action": "italic",
    "answer": "fg:#FF9D00 bold",
    "error": "fg:ansired bold",
})
_ROWS = 14  # the most options shown at once; the rest scroll


def _columns() -> int:
    """The terminal's width while the list is drawn (prompt_toolkit's dummy output, 80
    columns, outside a running prompt)."""
    return get_app().output.get_size().columns
_WORD = re.compile(r"[\s\-–—(),./:]+")


@dataclass(frozen=True)
class Option:
    title: str
    value: Any = None
    action: bool = False  # chosen with Enter (Back, Finish), never ticked, never filtered out
    header: bool = False  # a section title: shown, never selected
    # Other names it is found by: the label in the pack's other languages (``cesu``
    # finds Cēsis Municipality, as Cēsu novads), the stored value.
    aliases: tuple[str, ...] = ()

    def score(self, typed: str) -> int | None:
        found = [s for name in (self.title, *self.aliases)
                 if (s := score(typed, name)) is not None]
        return min(found) if found else None


def score(query: str, title: str) -> int | None:
    """How well ``title`` matches what was typed: 0 starts with it, 1 a word starts with
    it, 2 contains it, None no match. Case and diacritics do not count."""
    q, t = fold(query).strip(), fold(title)
    if not q:
        return 0
    if t.startswith(q):
        return 0
    if any(word.startswith(q) for word in _WORD.split(t)):
        return 1
    return 2 if q in t else None


class Picker:
    """The state of one list; ``run`` shows it and returns the choice."""

    def __init__(
        self,
        message: str,
        options: Sequence[Option],
        *,
        default: Any = None,
        searchable: bool = False,
        multi: bool = False,
        ticked: Sequence[Any] = (),
        instruction: str = "",
        no_match: Callable[[str], str] = lambda typed: f"No match: {typed}",
        validate: Callable[[list[Any]], str | None] | None = None,
        shortcuts: Mapping[str, Any] | None = None,
    ) -> None:
        self.message, self.options = message, list(options)
        self.searchable, self.multi = searchable, multi
        self.ticked = [o.value for o in self.options if not o.action and o.value in ticked]
        self.instruction, self.no_match = instruction, no_match
        self.validate, self.shortcuts = validate, dict(shortcuts or {})
        self.typed = ""
        self.error: str | None = None
        self.answer: str | None = None
        self.pointer: Option | None = next(
            (o for o in self.options if not o.header and default is not None
             and o.value == default), None) or next(self._selectable(), None)

    # -- what is shown -------------------------------------------------------------
    def visible(self) -> list[Option]:
        if not self.typed:
            return self.options
        shown: list[Option] = []
        for o in self.options:
            if o.action or (not o.header and o.score(self.typed) is not None):
                shown.append(o)
        return shown

    def _selectable(self) -> Any:
        return (o for o in self.visible() if not o.header)

    def _best(self) -> Option | None:
        ranked = [(s, i, o) for i, o in enumerate(self.visible())
                  if not o.action and (s := o.score(self.typed)) is not None]
        return min(ranked, key=lambda r: (r[0], r[1]))[2] if ranked else None

    def head(self) -> StyleAndTextTuples:
        out: StyleAndTextTuples = [("class:qmark", "? "), ("class:question", self.message)]
        if self.answer is not None:
            return [*out, ("", " "), ("class:answer", self.answer)]
        if self.instruction:
            out.append(("class:instruction", f"  {self.instruction}"))
        if self.typed:
            out.append(("class:filter", f"  » {self.typed}"))
        if self.typed and self._best() is None:
            out.append(("class:error", f"\n   {self.no_match(self.typed)}"))
        return out

    def rows(self) -> StyleAndTextTuples:
        out: StyleAndTextTuples = []
        for o in self.visible():
            if out:
                out.append(("", "\n"))
            if o.header:
                out.append(("class:header", f"   {o.title}"))
                continue
            here = o is self.pointer
            if here:
                out.append(("[SetCursorPosition]", ""))
            out.append(("class:pointer", " » " if here else "   "))
            if self.multi and not o.action:
                out.append(("", "[x] " if o.value in self.ticked else "[ ] "))
            style = "class:highlighted" if here else "class:action" if o.action else ""
            # A long choice wraps under itself instead of running off the screen's edge.
            indent = 3 + (4 if self.multi and not o.action else 0)
            lines = textwrap.wrap(o.title, max(20, _columns() - indent - 1)) or [o.title]
            out.append((style, lines[0]))
            for more in lines[1:]:
                out += [("", "\n" + " " * indent), (style, more)]
        return out

    def foot(self) -> StyleAndTextTuples:
        return [("class:error", f"   {self.error}")] if self.error else []

    # -- keys ------------------------------------------------------------------------------
    def move(self, step: int) -> None:
        rows = list(self._selectable())
        if not rows:
            return
        if self.pointer not in rows:
            self.pointer = rows[0 if step > 0 else -1]
            return
        self.pointer = rows[(rows.index(self.pointer) + step) % len(rows)]

    def type(self, text: str) -> None:
        self.typed = text
        self.error = None
        self.pointer = self._best() if text else next(self._selectable(), None)

    def toggle(self) -> None:
        o = self.pointer
        if o is None or o.action or o.header:
            return
        if o.value in self.ticked:
            self.ticked.remove(o.value)
        else:
            self.ticked.append(o.value)
        self.error = None

    def enter(self) -> tuple[bool, Any]:
        """(done, result) for Enter."""
        o = self.pointer
        if o is None or (o not in self.visible()):
            return False, None  # nothing matches what was typed, and the list says so
        if not self.multi or o.action:
            self.answer = o.title
            return True, o.value
        chosen = [x.value for x in self.options if not x.action and x.value in self.ticked]
        problem = self.validate(chosen) if self.validate else None
        if problem:
            self.error = problem
            return False, None
        titles = [x.title for x in self.options if not x.action and x.value in chosen]
        self.answer = ", ".join(titles) if titles else "—"
        return True, chosen

    # -- running -------------------------------------------------------------------------
    def run(self, **io: Any) -> Any:
        bindings = KeyBindings()

        @bindings.add(Keys.ControlC, eager=True)
        @bindings.add(Keys.ControlQ, eager=True)
        def _interrupt(event: KeyPressEvent) -> None:
            event.app.exit(exception=KeyboardInterrupt, style="class:aborting")

        @bindings.add(Keys.Down, eager=True)
        @bindings.add(Keys.ControlN, eager=True)
        def _down(event: KeyPressEvent) -> None:
            self.move(1)

        @bindings.add(Keys.Up, eager=True)
        @bindings.add(Keys.ControlP, eager=True)
        def _up(event: KeyPressEvent) -> None:
            self.move(-1)

        # Enter typed before the list appeared reaches it as a line feed (the terminal
        # was still in line mode): both mean Enter.
        @bindings.add(Keys.ControlM, eager=True)
        @bindings.add(Keys.ControlJ, eager=True)
        def _enter(event: KeyPressEvent) -> None:
            done, result = self.enter()
            if done:
                event.app.exit(result=result)

        @bindings.add(Keys.Backspace, eager=True)
        def _backspace(event: KeyPressEvent) -> None:
            if self.typed:
                self.type(self.typed[:-1])

        @bindings.add(Keys.Any)
        def _key(event: KeyPressEvent) -> None:
            char = event.data
            if self.multi and char == " ":
                self.toggle()
            elif self.searchable and char.isprintable() and char:
                self.type(self.typed + char)  # every letter, ā and ķ included
            elif fold(char) in self.shortcuts:
                value = self.shortcuts[fold(char)]
                self.pointer = next((o for o in self.options if o.value == value),
                                    self.pointer)
                done, result = self.enter()
                if done:
                    event.app.exit(result=result)

        done = Condition(lambda: self.answer is not None)
        # The list scrolls within a few rows: taller than the screen, it would push its
        # own first lines out of reach and leave them behind on the screen.
        listing = Window(FormattedTextControl(self.rows, show_cursor=False, focusable=True),
                         height=Dimension(max=_ROWS), always_hide_cursor=True)
        layout = HSplit([
            Window(FormattedTextControl(self.head, show_cursor=False), dont_extend_height=True,
                   wrap_lines=True),
            ConditionalContainer(listing, filter=~done),
            ConditionalContainer(Window(FormattedTextControl(self.foot), height=1),
                                 filter=~done & Condition(lambda: bool(self.error))),
        ])
        app: Application[Any] = Application(layout=Layout(layout, focused_element=listing),
                                            key_bindings=bindings, style=STYLE, **io)
        return app.run()
