"""The program's own words: ``t(key, lang, **params)`` and ``tn(key, n, lang, **params)``.

The words live in the gettext catalogues (``i18n/locale/<lang>/LC_MESSAGES/koprade.po``);
their message ids are symbolic keys, so code and tests look a message up by key and
its wording can change without touching either.
"""

from __future__ import annotations

from collections.abc import Mapping

from koprade_wizard.common.errors import Message, Problem, Said
from koprade_wizard.i18n.catalog import languages, translations

DEFAULT_LANG = "lv"
# The languages with a catalogue, the default first.
LANGS: tuple[str, ...] = tuple(sorted(languages(), key=lambda code: (code != DEFAULT_LANG, code)))


def t(key: str, lang: str = DEFAULT_LANG, /, **params: object) -> str:
    """The message ``key`` in ``lang`` (its base language, English or Latvian if it lacks it).

    A key in no catalogue raises ``MissingMessage`` (a ``KeyError``)."""
    text = translations(lang).gettext(key)
    return text.format(**params) if params else text


def tn(key: str, n: int, lang: str = DEFAULT_LANG, /, **params: object) -> str:
    """The form of message ``key`` for the count ``n`` (the language's plural rules).

    The count is offered to the text as ``{n}`` unless ``params`` name it otherwise.
    """
    text = translations(lang).ngettext(key, key, n)
    return text.format(**{"n": n, **params})


def raw(key: str, lang: str = DEFAULT_LANG, n: int | None = None) -> str:
    """The unformatted text of ``key`` (the form for ``n`` if it has plural forms)."""
    tr = translations(lang)
    return tr.gettext(key) if n is None else tr.ngettext(key, key, n)


def word(said: Said, lang: str = DEFAULT_LANG) -> str:
    """A message in ``lang``: a ``Message`` from the catalogue (its parameters worded
    too), a step file's per-language text in ``lang`` or its first language, outside
    words as they are."""
    if isinstance(said, str):
        return said
    if not isinstance(said, Message):
        return said.get(lang) or next(iter(said.values()), "")
    params = {k: word(v, lang) if isinstance(v, Message | Mapping) else v
              for k, v in said.params.items()}
    if said.count is not None:  # the count is there for the text as {n} or {count}
        return tn(said.code, said.count, lang, **{"count": said.count, **params})
    return t(said.code, lang, **params)


def problem_text(problem: Problem, lang: str = DEFAULT_LANG) -> str:
    """``where: what`` in ``lang``."""
    text = word(problem.message, lang)
    return f"{problem.location}: {text}" if problem.location else text
