"""The gettext catalogues: one per language, found by the folders present.

``locale/<lang>/LC_MESSAGES/koprade.po`` is the source a translator edits; the
build hook compiles it to ``koprade.mo`` beside it. A checkout whose ``.mo`` is
missing or older than its ``.po`` compiles the ``.po`` here (with Babel) and keeps
the result beside it, so an edited catalogue shows at once and costs the compile
once. Adding a language is adding a folder: nothing here lists them.
"""

from __future__ import annotations

import contextlib
import gettext
import io
from functools import lru_cache
from pathlib import Path

from koprade_wizard.common.fsutil import atomic_write

DOMAIN = "koprade"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
# Program words missing in a language are shown in these, in this order.
FALLBACK_LANGS = ("en", "lv")


def po_path(lang: str, root: Path = LOCALE_DIR) -> Path:
    return root / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


@lru_cache(maxsize=1)
def languages(root: Path = LOCALE_DIR) -> tuple[str, ...]:
    """Every language with a catalogue, sorted by code."""
    try:
        entries = sorted(root.iterdir())
    except OSError:
        return ()
    return tuple(
        d.name for d in entries
        if po_path(d.name, root).is_file() or po_path(d.name, root).with_suffix(".mo").is_file()
    )


def base_language(lang: str) -> str:
    """``en_XA`` → ``en``; ``lv-LV`` → ``lv``."""
    return lang.replace("-", "_").split("_")[0]


def compile_po(po: Path) -> bytes:
    """The ``.mo`` bytes of one ``.po`` file (fuzzy and empty entries left out)."""
    from babel.messages.mofile import write_mo  # only a checkout with a stale .mo pays this
    from babel.messages.pofile import read_po

    with po.open("rb") as fh:
        catalog = read_po(fh, locale=None, abort_invalid=True)
    out = io.BytesIO()
    write_mo(out, catalog)
    return out.getvalue()


def _mo_bytes(lang: str, root: Path) -> bytes | None:
    po = po_path(lang, root)
    mo = po.with_suffix(".mo")
    try:
        po_time = po.stat().st_mtime_ns
    except OSError:
        po_time = None
    try:
        if po_time is None or mo.stat().st_mtime_ns >= po_time:
            return mo.read_bytes()
    except OSError:
        if po_time is None:
            return None
    data = compile_po(po)
    with contextlib.suppress(OSError):  # a read-only install keeps it in memory only
        atomic_write(mo, data)
    return data


@lru_cache(maxsize=16)
def _cached_mo(lang: str, root: Path) -> bytes | None:
    return _mo_bytes(lang, root)


class MissingMessage(KeyError):
    """A key that no catalogue in the chain has: a typo in the code, not a text to show."""


class _Missing(gettext.NullTranslations):
    # The end of every chain. Plain gettext would answer a missing key with the key
    # itself, which cannot be told apart from a text equal to its key ("registered").
    def gettext(self, message: str) -> str:
        raise MissingMessage(message)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        raise MissingMessage(msgid1)


class _Later(gettext.NullTranslations):
    """A fallback catalogue read only when a word is missing before it: a plan in a
    language whose catalogue is whole never reads the others."""

    def __init__(self, code: str, root: Path) -> None:
        super().__init__()
        self._code, self._root = code, root
        self._own: gettext.NullTranslations | None = None

    def _read(self) -> gettext.NullTranslations:
        if self._own is None:
            data = _cached_mo(self._code, self._root)
            own = gettext.GNUTranslations(io.BytesIO(data)) if data is not None else None
            rest = getattr(self, "_fallback", None) or _Missing()  # set by add_fallback
            if own is None:
                self._own = rest
            else:
                own.add_fallback(rest)
                self._own = own
        return self._own

    def gettext(self, message: str) -> str:
        return self._read().gettext(message)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return self._read().ngettext(msgid1, msgid2, n)


@lru_cache(maxsize=16)
def translations(lang: str, root: Path = LOCALE_DIR) -> gettext.NullTranslations:
    """The catalogue of ``lang``, falling back to its base language, then English, Latvian."""
    chain: list[str] = []
    for code in (lang, base_language(lang), *FALLBACK_LANGS):
        if code not in chain and code in languages(root):
            chain.append(code)
    first: gettext.NullTranslations | None = None
    for code in chain:
        if first is not None:
            # A fresh object per chain: add_fallback links objects, and a shared one
            # would tie the chains of different languages together (lv → en → lv).
            first.add_fallback(_Later(code, root))
            continue
        data = _cached_mo(code, root)
        if data is not None:
            first = gettext.GNUTranslations(io.BytesIO(data))
    if first is None:
        return _Missing()
    first.add_fallback(_Missing())
    return first


def entries(lang: str, root: Path = LOCALE_DIR) -> dict[str, str | tuple[str, ...]]:
    """Every message of one catalogue as written in its ``.po`` (plural ones as tuples)."""
    from babel.messages.pofile import read_po

    with po_path(lang, root).open("rb") as fh:
        catalog = read_po(fh)
    out: dict[str, str | tuple[str, ...]] = {}
    for message in catalog:
        if not message.id:
            continue  # the header
        key = message.id[0] if isinstance(message.id, tuple | list) else message.id
        text = message.string
        out[key] = tuple(text) if isinstance(text, tuple | list) else str(text or "")
    return out


def plural_count(lang: str, root: Path = LOCALE_DIR) -> int:
    """How many plural forms the language's catalogue declares."""
    from babel.messages.pofile import read_po

    with po_path(lang, root).open("rb") as fh:
        return read_po(fh).num_plurals
