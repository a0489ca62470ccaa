"""Words and facts per language live in data files and catalogues, never in Python maps."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from koprade_wizard.guidance import datafile
from koprade_wizard.guidance.municipalities import BY_SLUG, PLANNING_REGION_NAMES
from koprade_wizard.i18n import catalog
from koprade_wizard.i18n.formatting import declared_locale, locale_code

SRC = Path(__file__).resolve().parent.parent / "src" / "koprade_wizard"
# Every language with a catalogue, and the two the program began with.
LANGUAGE_KEYS = {"lv", "en", *catalog.languages()}
# Still being moved to data files; leaves this list when that work lands.
MOVING: set[str] = set()


def _language_maps(path: Path) -> list[int]:
    """Lines of dict literals (or ``dict(lv=…)`` calls) keyed by a language code."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Dict):
            keys = {k.value for k in node.keys if isinstance(k, ast.Constant)}
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) \
                and node.func.id == "dict":
            keys = {k.arg for k in node.keywords}
        else:
            continue
        if keys & LANGUAGE_KEYS:
            found.append(node.lineno)
    return found


def test_the_scan_finds_a_language_map(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text('X = 1\nNAMES = {"lv": "Rīga", "en": "Riga"}\nY = dict(en="a")\n',
                      encoding="utf-8")
    assert _language_maps(sample) == [2, 3]


def test_no_python_module_holds_a_per_language_map() -> None:
    found = {
        f"{path.relative_to(SRC).as_posix()}:{line}"
        for path in sorted(SRC.rglob("*.py"))
        if path.relative_to(SRC).as_posix() not in MOVING
        for line in _language_maps(path)
    }
    assert not found, "per-language maps belong in data files or the catalogues"


def test_municipality_and_region_names_come_from_the_data_file() -> None:
    raw = datafile.read_data("municipalities.yaml")
    assert {row["slug"] for row in raw["municipalities"]} == set(BY_SLUG)
    assert PLANNING_REGION_NAMES["vidzeme"] == {"lv": "Vidzemes plānošanas reģions",
                                                "en": "Vidzeme Planning Region"}
    assert BY_SLUG["jurmala"].official_lv == "Jūrmalas valstspilsēta"


def test_a_data_file_is_parsed_once_and_an_edit_is_seen(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(datafile, "DATA", tmp_path)
    datafile.forget()
    try:
        (tmp_path / "x.yaml").write_text("a: 1\n", encoding="utf-8")
        assert datafile.read_data("x.yaml") == {"a": 1}
        assert list((tmp_path / "cache").rglob("data-x-*.pickle")), "a parsed copy is kept"
        datafile.forget()
        assert datafile.read_data("x.yaml") == {"a": 1}  # read back from the cache
        (tmp_path / "x.yaml").write_text("a: 2\n", encoding="utf-8")
        datafile.forget()
        assert datafile.read_data("x.yaml") == {"a": 2}
        (tmp_path / "y.yaml").write_text("- a list\n", encoding="utf-8")
        with pytest.raises(datafile.DataFileError, match=r"y\.yaml"):
            datafile.read_data("y.yaml")
        assert datafile.read_rows("y.yaml") == ["a list"]
        with pytest.raises(datafile.DataFileError, match=r"x\.yaml"):
            datafile.read_rows("x.yaml")
        (tmp_path / "z.yaml").write_text("!!python/object:os.system {}\n", encoding="utf-8")
        with pytest.raises(Exception, match="python/object"):  # safe loading only
            datafile.read_data("z.yaml")
    finally:
        datafile.forget()


def test_each_language_names_the_locale_of_its_figures(tmp_path: Path) -> None:
    assert locale_code("lv") == "lv_LV"
    assert locale_code("en") == "en_IE"
    assert locale_code("en_XA") == "en_IE"  # a pseudo-locale follows its base language
    (tmp_path / "de").mkdir()
    (tmp_path / "de" / "formats.yaml").write_text("locale: de_AT\n", encoding="utf-8")
    assert declared_locale("de", tmp_path) == "de_AT"
    (tmp_path / "xx").mkdir()
    (tmp_path / "xx" / "formats.yaml").write_text("locale: xx_QQ\n", encoding="utf-8")
    assert declared_locale("xx", tmp_path) is None  # babel has no such locale
    assert declared_locale("fr", tmp_path) is None  # no file: babel's data for the code
