"""Plan data → Markdown through the Jinja2 templates in ``templates/``.

The template is the one source of the plan's structure; its fixed phrases live in the
gettext catalogues beside the program's other words (``i18n/locale``), called as
``_('key', name=...)`` and, where a count is shown, ``_n('key', count, name=...)``.
Everything a person typed reaches the Markdown through the ``md``/``mdblock``
filters, so it is shown as typed and never read as markup.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import (
    Environment,
    FileSystemBytecodeCache,
    FileSystemLoader,
    StrictUndefined,
    TemplateSyntaxError,
)
from jinja2.bccache import Bucket

from koprade_wizard import __version__
from koprade_wizard.common.errors import RenderError
from koprade_wizard.common.paths import templates_dir
from koprade_wizard.guidance import calc, funding_routes, funding_texts, incubators
from koprade_wizard.guidance.municipalities import COORDINATES_SOURCE_ID
from koprade_wizard.guidance.sources import SOURCES, lookup_source
from koprade_wizard.guidance.visits import VISIT_SPACES
from koprade_wizard.i18n import formatting
from koprade_wizard.i18n.messages import t, tn
from koprade_wizard.pack.loader import cache_dir
from koprade_wizard.plan import checklist, mdtext, risks, routes, typography
from koprade_wizard.plan.data import PlanData

TEMPLATE = "plan.md.j2"
_BLANK_RUNS = re.compile(r"\n{3,}")
_TRAILING = re.compile(r"[ \t]+$", re.MULTILINE)


class _QuietBytecodeCache(FileSystemBytecodeCache):
    """A cache that only ever helps: a full, read-only or vanished cache folder means
    the templates are compiled again, never that the plan cannot be written."""

    def load_bytecode(self, bucket: Bucket) -> None:
        with contextlib.suppress(OSError, ValueError, EOFError):
            super().load_bytecode(bucket)

    def dump_bytecode(self, bucket: Bucket) -> None:
        with contextlib.suppress(OSError):
            super().dump_bytecode(bucket)


def _bytecode_cache() -> FileSystemBytecodeCache | None:
    """Compiled templates kept between runs.

    Jinja checks the template source's checksum; the compiled code also depends on
    the environment that compiled it, so the file names carry the program version.
    """
    folder = cache_dir() / "templates"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return _QuietBytecodeCache(str(folder), pattern=f"%s-{__version__}.cache")


@lru_cache(maxsize=2)
def environment(folder: Path) -> Environment:
    # The plan's template ships with the program and is trusted code, like the modules
    # beside it; what people type and what step files say reach it only as data (and
    # are escaped). Expressions from step files run in conditions.py's sandbox. So no
    # sandbox here: it would double the time a plan takes to render.
    env = Environment(
        loader=FileSystemLoader(str(folder)),
        bytecode_cache=_bytecode_cache(),
        undefined=StrictUndefined,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        extensions=["jinja2.ext.i18n"],
    )
    env.filters["md"] = mdtext.inline
    env.filters["mdblock"] = mdtext.block
    return env


def phrases(lang: str) -> dict[str, object]:
    """The template's words in ``lang``: ``_``/``gettext``, ``_n`` and ``ngettext``.

    They are render variables rather than the environment's globals because one
    environment renders plans in every language. ``_n`` takes the count itself, also
    when the text shows it formatted (``_n('key', 3, n=num(3))``); a count with a
    fraction takes the plural form.
    """

    def gettext(key: str, **params: object) -> str:
        return t(key, lang, **params)

    def plural(key: str, count: float, **params: object) -> str:
        whole = float(count).is_integer()
        return tn(key, int(count) if whole else 2, lang, **{"n": count, **params})

    def ngettext(singular: str, _plural: str, count: float, **params: object) -> str:
        return plural(singular, count, **params)

    # "s" is the name the templates used before the catalogue; it stays an alias.
    return {"_": gettext, "gettext": gettext, "s": gettext, "_n": plural,
            "ngettext": ngettext}


def tidy(markdown: str) -> str:
    """One blank line between blocks, no trailing spaces, one final newline."""
    text = _TRAILING.sub("", markdown)
    text = _BLANK_RUNS.sub("\n\n", text)
    return text.strip("\n") + "\n"


def render_markdown(plan: PlanData, folder: Path | None = None) -> str:
    folder = folder or templates_dir()
    lang = plan.lang
    env = environment(folder)

    def cite(*ids: str) -> str:
        numbers = sorted({n for sid in ids if (n := plan.citations.number(sid)) is not None})
        return (" \\[" + ", ".join(str(n) for n in numbers) + "\\]") if numbers else ""

    helpers: dict[str, Any] = {
        "plan": plan,
        "a": plan.answers,
        **phrases(lang),
        "ft": lambda key, params=None: mdtext.inline(funding_texts.render(lang, key, params)),
        "cite": cite,
        "money": lambda v, cents=False: formatting.money(v, lang, cents),
        "num": lambda v, digits=0: formatting.number(v, lang, digits),
        "pct": lambda v: formatting.percent(v, lang),
        "date": lambda d: formatting.date(d, lang),
        "month_name": lambda n: formatting.month_name(n, lang),
        "iso": lambda d: d.isoformat() if isinstance(d, dt.date) else "",
        # Figures from weak sources are shown as editable defaults.
        "weak": lambda sid: sid in SOURCES and SOURCES[sid].reliability == "weak",
        "checklist": checklist.checklist(plan.actions, plan.timeline),
        "risk_matrix": risks.matrix(plan),
        "split_title": risks.split_title,
        "shared_groups": routes.shared_groups,
        "own_reasons": routes.own_reasons,
        "shares_own_share": routes.shares_own_share,
        # The anchor the PDF gives a heading, for a link to it from elsewhere.
        "anchor": mdtext.slugify,
        "source_url": lambda sid: (src.url if (src := lookup_source(sid)) else None),
        # Contacts: LIAA's incubator page, its site and its source, the coordinates'
        # source (for a distance), the study-visit spaces and their sources: data.
        "incubator_page": incubators.PAGE,
        "incubator_site": incubators.PAGE.split("//", 1)[-1].split("/", 1)[0].removeprefix(
            "www."),
        "incubator_source": incubators.SOURCE_ID,
        "coordinates_source": COORDINATES_SOURCE_ID,
        "study_visits": VISIT_SPACES,
        # Where a default comes from: a source id, or "assumption".
        "default_source": lambda name: calc.DEFAULT_SOURCES[name],
        # ALTUM's own-share rule, which may keep the start loan below what is needed.
        "altum_free": funding_routes.ALTUM_OWN_SHARE_FREE_UP_TO_EUR,
        "altum_share": funding_routes.ALTUM_OWN_SHARE_ABOVE,
        # One LEADER round's figures, which the risks quote as the funding reasons do.
        "leader_asked": funding_routes.LEADER_COMPETITION_ASKED_EUR,
        "leader_available": funding_routes.LEADER_COMPETITION_AVAILABLE_EUR,
    }
    try:
        markdown = env.get_template(TEMPLATE).render(**helpers)
    except RenderError:
        raise
    except Exception as exc:  # a broken or adapted template: say where, never a traceback
        path, line = _template_place(exc, folder)
        raise RenderError(f"{path}:{line}: the plan template failed: "
                          f"{type(exc).__name__}: {exc}") from None
    return typography.tidy(tidy(markdown), lang)


def _template_place(exc: BaseException, folder: Path) -> tuple[str, int]:
    """The template file and line an error came from: the innermost template frame, so
    an error inside an included section names that section (Jinja maps its frames to
    template lines; a syntax error carries its own file and line)."""
    if isinstance(exc, TemplateSyntaxError) and exc.filename:
        return exc.filename, exc.lineno
    path, line = str(folder / TEMPLATE), int(getattr(exc, "lineno", None) or 0)
    tb = exc.__traceback__
    while tb is not None:
        name = tb.tb_frame.f_code.co_filename
        if name.endswith(".j2"):
            path, line = name, tb.tb_lineno
        tb = tb.tb_next
    return path, line
