"""The tree cache: a second start skips the checks and pydantic; any edit is seen."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from koprade_wizard.cli.wiring import load_pack as load_tree
from koprade_wizard.common.errors import StepFileError
from koprade_wizard.pack.loader import cache_dir

pytestmark = pytest.mark.cold_cache

PROBE = """
import sys
from pathlib import Path
from koprade_wizard.cli.wiring import load_pack as load_tree
tree = load_tree(Path(sys.argv[1]))
print(tree.question("name").label["en"])
print("pydantic" in sys.modules)
"""


def probe(folder: Path) -> list[str]:
    result = subprocess.run([sys.executable, "-c", PROBE, str(folder)], capture_output=True,
                            text=True, check=True, env=os.environ.copy())
    return result.stdout.splitlines()


def test_second_load_comes_from_the_cache_without_pydantic(
        make_pack: Callable[..., Path]) -> None:
    pack = make_pack()
    assert probe(pack) == ["What is your initiative called?", "True"]
    assert list(cache_dir().glob("tree-*.pickle"))
    assert probe(pack) == ["What is your initiative called?", "False"]


def test_an_edit_is_seen_at_once(make_pack: Callable[..., Path]) -> None:
    pack = make_pack()
    probe(pack)
    about = pack / "about.yaml"
    about.write_text(about.read_text(encoding="utf-8").replace(
        "What is your initiative called?", "What is the hub called?"), encoding="utf-8")
    assert probe(pack)[0] == "What is the hub called?"


def test_a_broken_pack_is_never_cached(make_pack: Callable[..., Path]) -> None:
    pack = make_pack(("about.yaml", "kind: choice", "kind: choise"))
    for _ in range(2):
        with pytest.raises(StepFileError):
            load_tree(pack)
    assert not list(cache_dir().glob("tree-*.pickle"))


def test_a_damaged_cache_file_only_means_a_full_check(make_pack: Callable[..., Path]) -> None:
    pack = make_pack()
    first = load_tree(pack)
    (cached,) = cache_dir().glob("tree-*.pickle")
    cached.write_bytes(b"not a pickle")
    assert load_tree(pack) == first
    assert cached.read_bytes() != b"not a pickle"  # written anew


def test_conditions_work_from_cached_code(make_pack: Callable[..., Path]) -> None:
    from koprade_wizard.pack import conditions

    pack = make_pack()
    load_tree(pack)
    conditions._CODE.clear()
    conditions._compiled.cache_clear()
    load_tree(pack)  # from the cache: the compiled conditions come back with it
    assert "founder == 'association'" in conditions._CODE
    assert conditions.holds("founder == 'association'", {"founder": "association"})
