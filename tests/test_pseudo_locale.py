"""Adding a language is adding catalogue files: a pseudo-locale works in every command.

``en_XA`` is English with every text in brackets, so a word that does not come from
the catalogue shows up unbracketed. It is added to a copy of the package (in a
temporary folder, run in a subprocess), never to the package the other tests use.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
from pathlib import Path

import pexpect
import pytest
from babel.messages.pofile import read_po, write_po

from koprade_wizard.cli.wiring import load_pack
from koprade_wizard.i18n import catalog
from koprade_wizard.i18n.messages import t, tn
from koprade_wizard.pack.display import missing_texts

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
MINI = ROOT / "tests" / "packs" / "mini"
EXAMPLE = ROOT / "examples" / "municipality-school.yaml"
PSEUDO = "en_XA"
ENTER = "\r"
PLAN_TIMEOUT = 300


def bracketed(text: str) -> str:
    return f"[{text}]"


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the installed layout (package + steps + templates) with one more catalogue."""
    site = tmp_path_factory.mktemp("site")
    source = Path(catalog.__file__).resolve().parent.parent
    target = site / "koprade_wizard"
    shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__", "*.mo"))
    for folder in ("steps", "templates"):
        if not (target / folder).exists():
            shutil.copytree(ROOT / folder, target / folder)
    english = catalog.po_path("en", target / "i18n" / "locale")
    with english.open("rb") as fh:
        po = read_po(fh, locale="en")
    po.locale = None  # babel has no data for en_XA; the header keeps English's plural rule
    po.language_team = PSEUDO
    for message in po:
        if not message.id:
            continue
        if isinstance(message.string, tuple):
            message.string = tuple(bracketed(s) for s in message.string)
        else:
            message.string = bracketed(message.string)
    pseudo = catalog.po_path(PSEUDO, target / "i18n" / "locale")
    pseudo.parent.mkdir(parents=True)
    with pseudo.open("wb") as fh:
        write_po(fh, po, width=100)
    text = pseudo.read_text(encoding="utf-8")
    pseudo.write_text(text.replace('"Language: en\\n"', f'"Language: {PSEUDO}\\n"'),
                      encoding="utf-8")
    return site


def _env(site: Path) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(site), "PROMPT_TOOLKIT_NO_CPR": "1",
            "TERM": "xterm", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "COLUMNS": "120"}


def _run(site: Path, cwd: Path, *args: str) -> tuple[int, str]:
    child = pexpect.spawn(sys.executable, ["-m", "koprade_wizard", *args], cwd=str(cwd),
                          env=_env(site), encoding="utf-8", timeout=PLAN_TIMEOUT)
    out = child.read()
    child.close()
    return int(child.exitstatus or 0), out


def test_check_in_the_pseudo_locale_lists_what_falls_back(package: Path,
                                                          tmp_path: Path) -> None:
    code, out = _run(package, tmp_path, "check", "--steps", str(MINI), "--lang", PSEUDO)
    assert code == 0, out
    lines = out.strip().splitlines()
    assert lines[0] == bracketed(t("check_ok", "en", path=MINI,
                                   steps=bracketed(tn("count_steps", 2, "en")),
                                   questions=bracketed(tn("count_questions", 8, "en")),
                                   actions=bracketed(tn("count_action_rules", 2, "en"))))
    # The mini pack speaks lv and en only: each step file says how many texts fall back.
    tree = load_pack(MINI)
    assert lines[1:len(tree.steps) + 1] == [
        bracketed(tn("check_lang_fallback", missing_texts(step, PSEUDO), "en",
                     path=str(MINI / f"{step.id}.yaml"), lang=PSEUDO, fallback="lv"))
        for step in tree.steps
    ]


def test_render_in_the_pseudo_locale(package: Path, tmp_path: Path) -> None:
    code, out = _run(package, tmp_path, "render", str(EXAMPLE), "--lang", PSEUDO,
                     "--format", "md", "--out", str(tmp_path))
    assert code == 0, out
    plan = next(tmp_path.glob("*-plan.md")).read_text(encoding="utf-8")
    headings = [line for line in plan.splitlines() if line.startswith("## ")]
    assert headings and all(h.startswith("## [") and h.endswith("]") for h in headings)
    # Figures in English's conventions (babel has no en_XA data: its base language's),
    # read from table rows the catalogue names (step-file texts there are Latvian).
    rows = [line for line in plan.splitlines() if line.startswith("| [")]
    assert any(re.search(r"€\d", row) for row in rows)
    assert not any(re.search(r"\d\u00a0€", row) for row in rows)
    # Step-file texts are in the pack's first language: Latvian labels in the appendix.
    tree = load_pack(ROOT / "steps")
    assert tree.question("initiative_name").label["lv"] in plan
    assert tree.question("initiative_name").label["en"] not in plan


def test_the_wizard_in_the_pseudo_locale(package: Path, tmp_path: Path) -> None:
    child = pexpect.spawn(sys.executable, ["-m", "koprade_wizard", "--steps", str(MINI),
                                           "--lang", PSEUDO], cwd=str(tmp_path),
                          env=_env(package), encoding="utf-8", timeout=60,
                          dimensions=(40, 120))
    child.expect_exact(bracketed(t("welcome", "en"))[:40])
    child.expect_exact("Kā sauc jūsu iniciatīvu?")  # the pack has no en_XA: its first language
    child.send("Telpa" + ENTER)
    child.expect_exact("Kas dibina telpu?")
    child.send(ENTER)  # a private person
    child.expect_exact("Vai telpas jau ir atrastas?")
    child.expect_exact(bracketed(t("no", "en")))
    child.send(ENTER)  # no (the default)
    child.expect_exact("Ko vēlaties?")
    child.send(ENTER)  # nothing
    child.expect_exact("Kad vēlaties atvērt?")
    child.send(ENTER)  # skipped
    child.expect_exact(bracketed(t("review_title", "en")))
    child.send(ENTER)  # finish
    child.expect_exact(bracketed(t("plan_lang_question", "en")))
    child.send(ENTER)  # only in this language
    child.expect_exact(bracketed(t("plan_written", "en", files=""))[:-1], timeout=PLAN_TIMEOUT)
    child.expect(pexpect.EOF, timeout=PLAN_TIMEOUT)
    child.close()
    assert child.exitstatus == 0, child.before
    plan = (tmp_path / "koprade-plan.md").read_text(encoding="utf-8")
    assert plan.startswith("# ")
    assert (tmp_path / "koprade-plan.pdf").read_bytes().startswith(b"%PDF")
