"""Babel's locale data kept ready-made in the user's cache: the same figures, fewer reads."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest

from koprade_wizard.common.paths import cache_dir

pytestmark = pytest.mark.cold_cache

# Formats a date and an amount in a fresh process; with BLOCK set, babel cannot read its
# locale files, so only a kept copy can give the figures.
PROBE = """
import datetime as dt, os, sys, types
from babel import localedata
if os.environ.get("BLOCK"):
    def blocked(*args, **kwargs):
        raise RuntimeError("babel read its own files")
    localedata.pickle = types.SimpleNamespace(load=blocked)
from koprade_wizard.i18n import formatting
print(formatting.date(dt.date(2027, 9, 1), sys.argv[1]))
print(formatting.money(12345.5, sys.argv[1]))
"""


def probe(lang: str, block: bool = False) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, **({"BLOCK": "1"} if block else {})}
    return subprocess.run([sys.executable, "-c", PROBE, lang], capture_output=True, text=True,
                          env=env, check=False)


@pytest.mark.parametrize(("lang", "day"), [("lv", "2027. gada 1. septembris"),
                                           ("en", "1 September 2027")])
def test_a_second_run_takes_the_kept_data_and_formats_alike(lang: str, day: str) -> None:
    assert probe(lang, block=True).returncode != 0, "without a kept copy babel reads its files"
    first = probe(lang)
    assert first.returncode == 0, first.stderr
    assert first.stdout.splitlines()[0] == day
    assert list(cache_dir().glob("locale-*.pickle"))
    second = probe(lang, block=True)
    assert second.returncode == 0, second.stderr
    assert second.stdout == first.stdout


def test_a_damaged_copy_only_means_babel_reads_its_own(tmp_path: Path) -> None:
    assert probe("lv").returncode == 0
    for kept in cache_dir().glob("locale-*.pickle"):
        kept.write_bytes(b"not a pickle")
    again = probe("lv")
    assert again.returncode == 0, again.stderr
    assert again.stdout.splitlines()[0] == "2027. gada 1. septembris"
    assert probe("lv", block=True).returncode == 0, "the damaged copy was written anew"


def test_in_process_the_figures_are_babels_own() -> None:
    from babel.dates import format_date

    from koprade_wizard.i18n import formatting

    day = dt.date(2027, 1, 15)
    assert formatting.date(day, "lv") == format_date(day, "long", locale="lv_LV")
