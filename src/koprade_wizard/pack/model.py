"""The step-file format as pydantic models: what ``check`` validates and ``schema`` prints.

A pack is a list of steps; a step holds questions and action rules. Text shown to a
person is a ``LocalText``: one string per language code. Stored answers never depend
on the language: choices are stored by their ``value``. After checking, the loader
copies a pack into the plain classes of ``tree.py``, which the rest of the program uses.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Annotated, Any, Literal, TypeAlias, Union

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, create_model

from koprade_wizard.pack.kinds import KINDS as KIND_REGISTRY
from koprade_wizard.pack.kinds import Kind
from koprade_wizard.pack.tree import LocalText

Identifier = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$")]
ChoiceValue = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]*$")]
Phase = Literal["awareness", "concept", "installation", "development"]


# "lv", "en", "en_XA": a language, optionally with a region (as the catalogues name them)
LanguageCode = Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}(_[A-Z]{2})?$")]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Validation(_Frozen):
    """Checks on an answer beyond its kind. ``expr`` is a Jinja expression over
    ``value`` and earlier answers that must be true."""

    min: float | None = None
    max: float | None = None
    min_length: int | None = Field(default=None, ge=0)
    max_length: int | None = Field(default=None, ge=1)
    pattern: str | None = None
    expr: str | None = None
    message: LocalText | None = None


class Plausible(_Frozen):
    """Bounds of a likely answer. An answer outside them is allowed but confirmed by the
    person, with ``message`` saying why it looks odd (the confirmation is kept in the
    answers file). ``future``: a date should not lie in the past; ``expr``: a Jinja
    expression over ``value`` and earlier answers that holds for a likely answer."""

    min: float | None = None
    max: float | None = None
    future: bool = False
    expr: str | None = None
    message: LocalText


class Choice(_Frozen):
    value: ChoiceValue
    label: LocalText
    help: LocalText | None = None


class _QuestionBase(_Frozen):
    id: Identifier
    label: LocalText
    help: LocalText | None = None
    required: bool = True
    when: str | None = None
    default: Any = None
    default_expr: str | None = Field(
        default=None, description="A Jinja expression over earlier answers giving the default."
    )
    validate_: Validation | None = Field(default=None, alias="validate")
    plausible: Plausible | None = None
    implied: str | None = Field(
        default=None,
        description="A Jinja expression over earlier answers: when it gives a value (not "
        "none), the question is not asked and that value is its answer.")
    if TYPE_CHECKING:
        # Each kind's model adds its own ``kind`` (the discriminator) at run time.
        kind: str

    @property
    def choice_values(self) -> tuple[str, ...]:
        return ()


class _ChoiceQuestionBase(_QuestionBase):
    choices: list[Choice] = Field(min_length=1)

    @property
    def choice_values(self) -> tuple[str, ...]:
        return tuple(c.value for c in self.choices)


class CountedUnit(_Frozen):
    """A unit's forms by the count before it, named by CLDR's plural categories.

    ``other`` is required; a category left out takes ``other``. Latvian uses ``one``
    (1, 21, 31, ...) and ``other``; English ``one`` (1) and ``other``."""

    zero: str | None = None
    one: str | None = None
    two: str | None = None
    few: str | None = None
    many: str | None = None
    other: str


Unit = dict[str, str | CountedUnit]


def _model_of(kind: Kind) -> type[_QuestionBase]:
    """The step-file model of one kind, from its registry entry."""
    base = _ChoiceQuestionBase if "choices" in kind.fields else _QuestionBase
    fields: dict[str, Any] = {"kind": (Literal[kind.name], ...)}
    if "unit" in kind.fields:
        fields["unit"] = (Unit, ...) if kind.fields["unit"] else (Unit | None, None)
    name = "".join(part.title() for part in kind.name.split("_")) + "Question"
    return create_model(name, __base__=base, __module__=__name__, **fields)


QUESTION_MODELS: dict[str, type[_QuestionBase]] = {
    name: _model_of(kind) for name, kind in KIND_REGISTRY.items()
}
if TYPE_CHECKING:
    # Built from the registry at run time; to the type checker, any question model.
    Question: TypeAlias = _QuestionBase
else:
    Question = Annotated[
        Union[tuple(QUESTION_MODELS.values())],  # noqa: UP007
        Field(discriminator="kind"),
    ]
QuestionModel = _QuestionBase
ChoiceQuestionModel = _ChoiceQuestionBase
KINDS: tuple[str, ...] = tuple(KIND_REGISTRY)


class ActionRule(_Frozen):
    """A rule the plan turns into an action item when ``when`` holds (always if absent)."""

    id: ChoiceValue
    when: str | None = None
    phase: Phase
    priority: int = Field(default=2, ge=1, le=3, description="1 = most important.")
    title: LocalText
    detail: LocalText
    sources: list[str] = Field(default_factory=list)
    routes: list[ChoiceValue] = Field(
        default_factory=list,
        description=(
            "Funding routes the action recommends (route ids such as leader_community); "
            "the plan leaves the action out when every one of them does not fit."
        ),
    )
    topic: ChoiceValue | None = Field(
        default=None,
        description=(
            "What the advice is about, shared by rules that give near-the-same advice "
            "(e.g. demand-before-lease); the plan's top steps hold at most one rule of "
            "a topic. Absent: the rule's own id."
        ),
    )


class StepFile(_Frozen):
    """The content of one ``steps/<id>.yaml`` file."""

    schema_: str | None = Field(default=None, alias="$schema")
    id: Identifier
    title: LocalText
    intro: LocalText | None = None
    questions: list[Question] = Field(default_factory=list)
    actions: list[ActionRule] = Field(default_factory=list)


class Source(_Frozen):
    id: Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]*$")]
    title: str
    publisher: str | None = None
    year: int | None = None
    url: str | None = None
    as_of: dt.date | str | None = None


class PackFile(_Frozen):
    """The content of ``steps/pack.yaml``: what the pack is and the order of its steps."""

    schema_: str | None = Field(default=None, alias="$schema")
    id: Identifier
    version: str
    title: LocalText
    languages: list[LanguageCode] = Field(
        min_length=1, description="The languages of the pack's texts; the first is the "
        "fallback where a language's text is missing.")
    steps: list[Identifier] = Field(min_length=1)
    sources: list[Source] = Field(default_factory=list)
