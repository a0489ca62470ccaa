"""Load a step folder into a DecisionTree, checking it fully unless it was seen before.

A pack that passed every check is kept in the user's cache, keyed by a hash of its
files and the program version, so starting the wizard again needs neither the checks
nor pydantic. Any edit to a step file changes the key and the pack is checked anew.
"""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Collection
from pathlib import Path

from koprade_wizard import __version__
from koprade_wizard.common.kept import keep, read_kept
from koprade_wizard.common.paths import cache_dir as cache_dir  # re-exported for callers
from koprade_wizard.pack import conditions
from koprade_wizard.pack.tree import DecisionTree


def _key(folder: Path, builtin_sources: Collection[str]) -> str:
    # The full Python version: the cache holds marshalled code, which is version-bound.
    # The folder: messages at run time name the files where they are. tree.py: the
    # cache holds its classes, which must be the ones that read it back.
    digest = hashlib.sha256(f"{__version__}|{sys.version}|{folder.resolve()}".encode())
    # The expressions' compiled code depends on the sandbox that compiled them.
    for module in ("tree.py", "conditions.py", "sandbox.py"):
        digest.update(Path(__file__).with_name(module).read_bytes())
    digest.update("\0".join(sorted(builtin_sources)).encode())
    for path in sorted(folder.glob("*.yaml")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:32]


def load_tree(
    folder: Path,
    use_cache: bool = True,
    builtin_sources: Collection[str] = (),
) -> DecisionTree:
    """Load a step folder; raise StepFileError listing every problem.

    The cache is only ever written for a pack without problems; reading or writing it
    may fail (read-only home, old format) and then the pack is simply checked.
    """
    cached: Path | None = None
    if use_cache and folder.is_dir():
        try:
            cached = cache_dir() / f"tree-{_key(folder, builtin_sources)}.pickle"
        except Exception:  # a file that cannot be read for the key: a full check, not kept
            cached = None
        kept = read_kept(cached) if cached is not None else None
        if isinstance(kept, tuple) and len(kept) == 2:
            found, compiled = kept
            if isinstance(found, DecisionTree) and _imported(compiled):
                return found
    from koprade_wizard.pack.checker import check_tree

    tree = check_tree(folder, builtin_sources)
    if cached is not None:
        keep(cached, (tree, conditions.export_compiled(expressions(tree))))
    return tree


def _imported(compiled: object) -> bool:
    """Hand the kept copy's compiled conditions to the sandbox; False when they are
    damaged, and then the pack is checked in full as if nothing were kept."""
    if not isinstance(compiled, dict):
        return False
    try:
        conditions.import_compiled(compiled)
    except Exception:  # bytes that do not unmarshal, or not a text's code
        return False
    return True


def expressions(tree: DecisionTree) -> list[str]:
    """Every Jinja expression the pack holds."""
    found: list[str] = []
    for q in tree.questions():
        found += [e for e in (q.when, q.default_expr) if e]
        if q.validate_ is not None and q.validate_.expr:
            found.append(q.validate_.expr)
    found += [rule.when for _, rule in tree.actions() if rule.when]
    return found
