"""A wheel built from the repo carries steps/ and templates/ and works outside the checkout."""

from __future__ import annotations

import ast
import importlib.metadata
import re
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    # The build backend (hatchling) is a dev dependency: building without an isolated
    # environment saves installing it for every run.
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out),
         str(ROOT)],
        check=True, capture_output=True, text=True, timeout=300,
    )
    (found,) = out.glob("koprade_wizard-*.whl")
    return found


def _requirements(wheel: Path) -> set[str]:
    with zipfile.ZipFile(wheel) as archive:
        meta = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
        lines = archive.read(meta).decode().splitlines()
    return {_normal(re.split(r"[\s<>=!~;\[(]", line.split(":", 1)[1].strip())[0])
            for line in lines if line.startswith("Requires-Dist:") and "extra ==" not in line}


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def test_wheel_contains_steps_and_templates(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    assert "koprade_wizard/steps/pack.yaml" in names
    assert any(n.startswith("koprade_wizard/templates/") for n in names)
    assert "koprade_wizard/steps/schema/step.schema.json" in names
    # The catalogues come compiled, so an installed program never compiles them.
    for lang in ("lv", "en"):
        base = f"koprade_wizard/i18n/locale/{lang}/LC_MESSAGES/koprade"
        assert {base + ".po", base + ".mo"} <= set(names)


def test_the_wheel_requires_every_library_the_program_imports(wheel: Path) -> None:
    """What the package imports from outside the standard library is a declared
    dependency of the wheel (the installed test below borrows the test environment's
    libraries, so it would not notice one missing)."""
    imported = set()
    for path in (ROOT / "src" / "koprade_wizard").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                imported |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                imported.add(node.module.split(".")[0])
    third_party = imported - set(sys.stdlib_module_names) - {"koprade_wizard", "__future__"}
    providers = importlib.metadata.packages_distributions()
    required = _requirements(wheel)
    for module in sorted(third_party):
        assert module in providers, f"{module} is imported but not installed"
        assert {_normal(d) for d in providers[module]} & required, (
            f"{module} is imported but no distribution providing it is in Requires-Dist")


def test_installed_wheel_runs_from_another_folder(wheel: Path, tmp_path: Path) -> None:
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    (site,) = env_dir.glob("lib/python*/site-packages")
    # The libraries come from the test environment (read through a .pth, which adds the
    # folder but not the .pth files in it: not the checkout's editable install); the
    # program itself only from the wheel.
    borrowed = [p for p in sys.path if p.endswith("site-packages")]
    (site / "borrowed-libraries.pth").write_text("\n".join(borrowed) + "\n", encoding="utf-8")
    subprocess.run([sys.executable, "-m", "pip", "--python", str(env_dir / "bin" / "python"),
                    "install", "--quiet", "--no-deps", "--no-index", str(wheel)], check=True,
                   capture_output=True, text=True, timeout=600)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    exe = str(env_dir / "bin" / "koprade-wizard")
    version = subprocess.run([exe, "--version"], cwd=elsewhere, capture_output=True,
                             text=True, timeout=60)
    assert version.returncode == 0
    assert version.stdout.startswith("koprade-wizard ")
    check = subprocess.run([exe, "check", "--lang", "en"], cwd=elsewhere, capture_output=True,
                           text=True, timeout=60)
    assert check.returncode == 0, check.stdout + check.stderr
    assert "no problems" in check.stdout
    # The installed copy, not the checkout, provides the steps.
    assert str(ROOT) not in check.stdout
    module = subprocess.run(
        [str(env_dir / "bin" / "python"), "-m", "koprade_wizard", "--version"],
        cwd=elsewhere, capture_output=True, text=True, timeout=60,
    )
    assert module.stdout == version.stdout
