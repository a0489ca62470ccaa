"""Speed figures, measured side by side in one run (medians of several runs).

    make bench            # or: .venv/bin/python bench/bench.py [--runs N]
    .venv/bin/python bench/bench.py --before REVISION --runs 3   # each example's PDF,
                                                                   # now and then

Prints each figure with the baseline it is compared with and the ratio.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pexpect

ROOT = Path(__file__).resolve().parent.parent
# Measure as a user runs it: with compiled bytecode kept (an installed wheel has it),
# whatever the shell that starts the bench says.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
BIN = Path(sys.executable).parent
WIZARD = str(BIN / "koprade-wizard")
EXTRA: list[str] = []


Action = Callable[[], float | None]


def _timed(action: Action) -> float:
    start = time.perf_counter()
    own = action()
    return own if own is not None else time.perf_counter() - start


def side_by_side(ours: Action, baseline: Action, runs: int) -> tuple[float, float]:
    """Median wall times of two actions run in turns, so that the machine's load
    drifting during the bench weighs on both alike. An action may return its own
    measured time (when cleaning up after it must not count). A first run of each
    warms the file cache and is not counted."""
    ours()
    baseline()
    a: list[float] = []
    b: list[float] = []
    for _ in range(runs):
        a.append(_timed(ours))
        b.append(_timed(baseline))
    return statistics.median(a), statistics.median(b)


def command(*argv: str, cwd: Path | None = None) -> Callable[[], None]:
    def run() -> None:
        subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                       cwd=cwd, env=ENV)

    return run


def first_prompt(workdir: Path) -> Callable[[], float]:
    """Start the wizard in a pseudo-terminal and stop the clock at the first question."""
    from koprade_wizard.cli.wiring import load_pack
    from koprade_wizard.common.paths import steps_dir

    steps = Path(EXTRA[EXTRA.index("--steps") + 1]) if "--steps" in EXTRA else steps_dir()
    label = load_pack(steps).questions()[0].label["en"]
    env = {**ENV, "PROMPT_TOOLKIT_NO_CPR": "1", "TERM": "xterm", "LANG": "C.UTF-8"}

    def run() -> float:
        answers = workdir / "koprade-answers.yaml"
        answers.unlink(missing_ok=True)
        start = time.perf_counter()
        child = pexpect.spawn(WIZARD, ["--lang", "en", *EXTRA], cwd=str(workdir), env=env,
                              encoding="utf-8", timeout=30)
        child.expect_exact(label)  # the first question is on screen
        elapsed = time.perf_counter() - start
        child.terminate(force=True)
        return elapsed

    return run


FLOOR_IMPORTS = "import jinja2, yaml, babel.numbers, babel.dates"
PLAIN_WEASYPRINT = """
import sys, weasyprint
from koprade_wizard.plan.pdf import ASSETS_DIR
html = open(sys.argv[1], encoding="utf-8").read()
pdf = weasyprint.HTML(string=html, base_url=ASSETS_DIR.as_uri() + "/").write_pdf(
    pdf_variant="pdf/ua-1")
open(sys.argv[2], "wb").write(pdf)
"""


# The plan's own work — reading the answers, the plan data, the templates, writing the
# file — timed in one process once everything is loaded (median of several renders).
WARM_RENDER = """
import statistics, sys, time
from koprade_wizard.cli import run
argv = ["render", sys.argv[1], "--out", sys.argv[2], "--format", "md", "--force"]
run(argv)
times = []
for _ in range(7):
    start = time.perf_counter()
    run(argv)
    times.append(time.perf_counter() - start)
print(statistics.median(times))
"""


def warm_render(python: str, example: Path, work: Path) -> Callable[[], float]:
    def run() -> float:
        done = subprocess.run([python, "-c", WARM_RENDER, str(example), str(work)], check=True,
                              capture_output=True, text=True, env=ENV)
        return float(done.stdout.strip().splitlines()[-1])

    return run


def plan_rows(work: Path, python: str, runs: int) -> list[str]:
    """One PDF through the whole program against weasyprint alone on the same HTML;
    Markdown only against ``--version``."""
    example = ROOT / "examples" / "association-workshop.yaml"
    if not example.exists():
        example = sorted((ROOT / "examples").glob("*.yaml"))[0]
    render = [WIZARD, "render", str(example), "--out", str(work), "--force"]
    subprocess.run([*render, "--format", "all"], check=True, stdout=subprocess.DEVNULL, env=ENV)
    html = next(work.glob("*-plan.html"))
    script = work / "plain_weasyprint.py"
    script.write_text(PLAIN_WEASYPRINT, encoding="utf-8")
    pdf, plain = side_by_side(
        command(*render, "--format", "pdf"),
        command(python, str(script), str(html), str(work / "plain.pdf")), runs)
    # Against what no plan can go below on this stack: starting Python and importing
    # the template engine, the YAML reader for the answers and babel for the formats.
    md, floor = side_by_side(command(*render, "--format", "md"),
                             command(python, "-c", FLOOR_IMPORTS), runs)
    # The same render against the libraries plus the plan's own work done warm: what
    # is left over is the program's start-up (its imports, the pack, the catalogues,
    # the templates and babel's data), which the floor above cannot tell from the work.
    warm = statistics.median(warm_render(python, example, work)() for _ in range(3))
    return [
        row("one PDF, whole process", pdf, "weasyprint alone on the same HTML", plain, 1.1),
        row("Markdown only, whole process", md, "import jinja2, yaml, babel.numbers/dates",
            floor, 1.5),
        row("Markdown only, whole process", md, "those imports + the plan's work, warm",
            floor + warm, 1.5),
    ]


def row(name: str, value: float, baseline_name: str, baseline: float, limit: float) -> str:
    ratio = value / baseline
    verdict = "ok" if ratio <= limit else "OVER"
    return (f"{name:<44} {value * 1000:7.0f} ms | {baseline_name:<40} {baseline * 1000:7.0f} ms"
            f" | ratio {ratio:4.2f} (limit {limit:.2f}) {verdict}")


def _cpu_of(argv: list[str], env: dict[str, str]) -> Callable[[], float]:
    """Run a command; its time is the CPU it used (user + system), which a machine
    busy with other work disturbs far less than the wall clock."""

    def run() -> float:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                       env=env)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)

    return run


def _pages(path: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(path).pages)


def before_after_rows(work: Path, python: str, revision: str, runs: int) -> list[str]:
    """Each example's PDF made by this checkout and by ``revision`` (its source
    exported from git), side by side: CPU seconds and pages."""
    old = work / "before"
    old.mkdir()
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", revision],
                             check=True, capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(old)], input=archive, check=True)
    rows = [f"PDF of each example, CPU seconds (user + system) and pages: now | {revision}"]
    for example in sorted((ROOT / "examples").glob("*.yaml")):
        outs = {"now": work / "now-out", "before": work / "before-out"}
        envs = {"now": ENV, "before": {**ENV, "PYTHONPATH": str(old / "src")}}
        actions = [
            _cpu_of([python, "-m", "koprade_wizard", "render", str(example), "--format", "pdf",
                     "--force", "--out", str(outs[side])], envs[side])
            for side in ("now", "before")
        ]
        now, before = side_by_side(actions[0], actions[1], runs)
        pdf = f"{example.stem}-plan.pdf"
        rows.append(f"{example.stem:<28} {now:6.2f} s {_pages(outs['now'] / pdf):3d} p"
                    f" | {before:6.2f} s {_pages(outs['before'] / pdf):3d} p"
                    f" | ratio {now / before:4.2f}")
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--before", metavar="REVISION",
                        help="also time each example's PDF against this git revision")
    options = parser.parse_args()
    runs = options.runs
    if options.before:
        with tempfile.TemporaryDirectory() as tmp:
            print("\n".join(before_after_rows(Path(tmp), sys.executable, options.before, runs)))
        return 0
    python = sys.executable
    cookiecutter = shutil.which("cookiecutter", path=str(BIN))
    rows: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        prompt, imports = side_by_side(
            first_prompt(work),
            command(python, "-c", "import questionary, rich, jinja2, yaml"), runs)
        rows.append(row("time to the first prompt", prompt,
                        "import questionary, rich, jinja2, yaml", imports, 1.3))
        if cookiecutter:
            version, cc = side_by_side(command(WIZARD, "--version"),
                                       command(cookiecutter, "--version"), runs)
            rows.append(row("koprade-wizard --version", version, "cookiecutter --version",
                            cc, 1.0))
        else:
            rows.append("koprade-wizard --version: cookiecutter is not installed, no baseline")
        rows += plan_rows(work, python, runs)
    print(f"medians of {runs} runs in turns, {os.cpu_count()} cores")
    print("\n".join(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
