"""Make assets/fonts/SymbolaSymbols.ttf: the symbols and emoji that DejaVu Sans lacks.

    apt-get install fonts-symbola && .venv/bin/python tools/symbol_font.py

The plan's PDF may only read bundled fonts, so a name or answer with an emoji or a
rare symbol needs a fallback shipped with the package; the whole Symbola font is
3 MB, the glyphs a plan can meet about a third of that. Symbola (George Douros) is
free for any use; see assets/fonts/LICENSE.
"""

from __future__ import annotations

import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

ROOT = Path(__file__).resolve().parent.parent
FONTS = ROOT / "src" / "koprade_wizard" / "plan" / "assets" / "fonts"
SOURCE = Path("/usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf")
# Arrows, technical symbols, enclosed numbers, shapes, dingbats, more arrows and
# symbols, and the emoji planes.
RANGES = ((0x2190, 0x21FF), (0x2300, 0x23FF), (0x2460, 0x24FF), (0x25A0, 0x27BF),
          (0x2900, 0x297F), (0x2B00, 0x2BFF), (0x1F000, 0x1FAFF))


def main() -> int:
    if not SOURCE.is_file():
        print(f"{SOURCE} is missing: apt-get install fonts-symbola", file=sys.stderr)
        return 1
    have = set(TTFont(FONTS / "DejaVuSans.ttf").getBestCmap())
    font = TTFont(SOURCE)
    wanted = [c for c in font.getBestCmap()
              if c not in have and any(lo <= c <= hi for lo, hi in RANGES)]
    options = subset.Options()
    options.hinting = False
    options.name_IDs = ["*"]
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=wanted)
    subsetter.subset(font)
    font.save(FONTS / "SymbolaSymbols.ttf")
    print(f"{len(wanted)} glyphs → {FONTS / 'SymbolaSymbols.ttf'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
