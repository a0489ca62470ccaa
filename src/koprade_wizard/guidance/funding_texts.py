"""The words for the funding matcher's codes, from the catalogues (``i18n/locale``).

Keys are flat and prefixed: ``route.<id>``, ``fit.<fit>``, ``check.<code>``,
``own_share.<rule>``, ``form.<legal form>``, ``stage.<stage>`` and
``reason.<code>``. Reason texts are ``str.format`` templates over the reason's
parameters; ``render`` fills them in with money, shares and dates written the way
each language writes them (``30 000 €`` and ``€30,000``). Latvian addresses the
reader formally (jūs) and uses the glossary's terms.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date

from koprade_wizard.i18n import formatting
from koprade_wizard.i18n.messages import raw

# The catalogue keys that belong to the funding matcher, by their prefix.
PREFIXES = ("route.", "fit.", "check.", "own_share.", "form.", "stage.", "reason.")
_SHARE_PARAMS = frozenset({"share", "own_share", "rate"})
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _format_value(lang: str, name: str, value: object) -> str:
    if isinstance(value, bool):
        return str(value)
    if name.endswith("_eur") and isinstance(value, int | float):
        return formatting.money(value, lang)
    if name in _SHARE_PARAMS and isinstance(value, int | float):
        return formatting.percent(value, lang)
    if isinstance(value, float):
        return formatting.number(value, lang, digits=0 if value.is_integer() else 1)
    if isinstance(value, str) and _ISO_DATE.match(value):
        return formatting.date(date.fromisoformat(value), lang)
    return str(value)


def render(lang: str, key: str, params: Mapping[str, object] | None = None) -> str:
    """The text for ``key`` in ``lang``, with ``params`` formatted for that language.

    Raises ``KeyError`` for an unknown key, so a missing text fails loudly rather
    than printing a code; a language without the text takes the catalogue's fallback.
    """
    template = raw(key, lang)
    values = {k: _format_value(lang, k, v) for k, v in (params or {}).items()}
    return template.format(**values)
