"""Build hook: compile the gettext catalogues (``.po`` → ``.mo``) into the package.

Runs for wheels and editable installs alike, so an installed program never compiles
at run time; a checkout whose ``.po`` is newer than its ``.mo`` compiles it when first
used (see ``koprade_wizard.i18n.catalog``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

LOCALE = Path("src/koprade_wizard/i18n/locale")


class CompileCatalogues(BuildHookInterface):  # type: ignore[misc]
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel":
            return  # the sdist carries the .po sources only
        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po

        for po in sorted((Path(self.root) / LOCALE).glob("*/LC_MESSAGES/*.po")):
            with po.open("rb") as fh:
                catalog = read_po(fh, abort_invalid=True)
            with po.with_suffix(".mo").open("wb") as fh:
                write_mo(fh, catalog)
