"""The program's own words: ``t(key, lang, **params)`` and ``tn(key, n, lang, **params)``.

The words live in the gettext catalogues (``i18n/locale/<lang>/LC_MESSAGES/koprade.po``);
their message ids are symbolic keys, so code and tests look a message up by key and
its wording can change without touching either.
"""

from __future__ import annotations

from typing import Any

from koprade_wizard.i18n.catalog import languages, translations

DEFAULT_LANG = "lv"
# The languages with a catalogue, the default first.
LANGS: tuple[str, ...] = tuple(sorted(languages(), key=lambda code: (code != DEFAULT_LANG, code)))


def t(key: str, lang: str = DEFAULT_LANG, /, **params: Any) -> str:
    """The message ``key`` in ``lang`` (its base language, English or Latvian if it lacks it).

    A key in no catalogue raises ``MissingMessage`` (a ``KeyError``)."""
    text = translations(lang).gettext(key)
    return text.format(**params) if params else text


def tn(key: str, n: int, lang: str = DEFAULT_LANG, /, **params: Any) -> str:
    """The form of message ``key`` for the count ``n`` (the language's plural rules).

    The count is offered to the text as ``{n}`` unless ``params`` name it otherwise.
    """
    text = translations(lang).ngettext(key, key, n)
    return text.format(**{"n": n, **params})


def raw(key: str, lang: str = DEFAULT_LANG, n: int | None = None) -> str:
    """The unformatted text of ``key`` (the form for ``n`` if it has plural forms)."""
    tr = translations(lang)
    return tr.gettext(key) if n is None else tr.ngettext(key, key, n)
