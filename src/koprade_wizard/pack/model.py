"""The step-file format as pydantic models: what ``check`` validates and ``schema`` prints.

A pack is a list of steps; a step holds questions and action rules. Text shown to a
person is a ``LocalText``: one string per language code. Stored answers never depend
on the language: choices are stored by their ``value``. After checking, the loader
copies a pack into the plain classes of ``tree.py``, which the rest of the program uses.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from koprade_wizard.pack.tree import LocalText

Identifier = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$")]
ChoiceValue = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]*$")]
Phase = Literal["awareness", "concept", "installation", "development"]


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


    @property
    def choice_values(self) -> tuple[str, ...]:
        return ()


class TextQuestion(_QuestionBase):
    kind: Literal["text"]


class LongTextQuestion(_QuestionBase):
    kind: Literal["long_text"]


class IntegerQuestion(_QuestionBase):
    kind: Literal["integer"]
    unit: LocalText | None = None


class DecimalQuestion(_QuestionBase):
    kind: Literal["decimal"]
    unit: LocalText


class _ChoiceQuestionBase(_QuestionBase):
    choices: list[Choice] = Field(min_length=1)

    @property
    def choice_values(self) -> tuple[str, ...]:
        return tuple(c.value for c in self.choices)


class ChoiceQuestion(_ChoiceQuestionBase):
    kind: Literal["choice"]


class MultiChoiceQuestion(_ChoiceQuestionBase):
    kind: Literal["multi_choice"]


class YesNoQuestion(_QuestionBase):
    kind: Literal["yes_no"]


class DateQuestion(_QuestionBase):
    kind: Literal["date"]


Question = Annotated[
    TextQuestion
    | LongTextQuestion
    | IntegerQuestion
    | DecimalQuestion
    | ChoiceQuestion
    | MultiChoiceQuestion
    | YesNoQuestion
    | DateQuestion,
    Field(discriminator="kind"),
]
QuestionModel = _QuestionBase
ChoiceQuestionModel = _ChoiceQuestionBase
KINDS: tuple[str, ...] = (
    "text",
    "long_text",
    "integer",
    "decimal",
    "choice",
    "multi_choice",
    "yes_no",
    "date",
)


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
    languages: list[Literal["lv", "en"]] = Field(min_length=1)
    steps: list[Identifier] = Field(min_length=1)
    sources: list[Source] = Field(default_factory=list)
