"""A wheel built from the repo carries steps/ and templates/ and works outside the checkout."""

from __future__ import annotations

import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

# Building and installing a wheel takes minutes of wall time on a shared, loaded machine.
pytestmark = [pytest.mark.slow, pytest.mark.timeout(600)]
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(out), str(ROOT)],
        check=True, capture_output=True, text=True, timeout=300,
    )
    (found,) = out.glob("koprade_wizard-*.whl")
    return found


def test_wheel_contains_steps_and_templates(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    assert "koprade_wizard/steps/pack.yaml" in names
    assert any(n.startswith("koprade_wizard/templates/") for n in names)
    assert "koprade_wizard/steps/schema/step.schema.json" in names
    # The catalogues come compiled, so an installed program never compiles them.
    for lang in ("lv", "en"):
        base = f"koprade_wizard/i18n/locale/{lang}/LC_MESSAGES/koprade"
        assert {base + ".po", base + ".mo"} <= set(names)


def test_installed_wheel_runs_from_another_folder(wheel: Path, tmp_path: Path) -> None:
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    pip = env_dir / "bin" / "pip"
    subprocess.run([str(pip), "install", "--quiet", str(wheel)], check=True,
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
