"""A workshop's worth of plans: ``workshop render`` against its two baselines, in turns.

    .venv/bin/python bench/workshop_bench.py [--runs N] [--plans 30]

Figures (medians of N runs, each configuration run in turn with the others so the
machine's load drifting weighs on all alike):

* ``workshop render`` of 30 answers files (PDF) against 30 separate ``render`` runs
  (limit 0.35×);
* the same against plain weasyprint in two processes over the 30 plans' HTML —
  what no batch of these PDFs can beat on two cores (limit 1.3×).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml
from bench import ENV, ROOT, WIZARD, command, row

# Two processes, each importing weasyprint once and writing half of the PDFs.
PLAIN_TWO_PROCESSES = """
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

def one(pair):
    import weasyprint
    from koprade_wizard.plan.pdf import ASSETS_DIR
    html, pdf = pair
    document = weasyprint.HTML(string=Path(html).read_text(encoding="utf-8"),
                               base_url=ASSETS_DIR.as_uri() + "/")
    Path(pdf).write_bytes(document.write_pdf(pdf_variant="pdf/ua-1"))

if __name__ == "__main__":
    folder, out = Path(sys.argv[1]), Path(sys.argv[2])
    pairs = [(str(h), str(out / (h.stem + ".pdf"))) for h in sorted(folder.glob("*.html"))]
    with ProcessPoolExecutor(2) as pool:
        list(pool.map(one, pairs, chunksize=1))
"""


def make_answers(folder: Path, count: int) -> list[Path]:
    """``count`` answers files: the examples in turn, each under a name of its own."""
    examples = sorted((ROOT / "examples").glob("*.yaml"))
    made = []
    for i in range(count):
        data = yaml.safe_load(examples[i % len(examples)].read_text(encoding="utf-8"))
        data["answers"]["initiative_name"] = f"{data['answers']['initiative_name']} {i + 1}"
        path = folder / f"founder-{i + 1:02d}.yaml"
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False),
                        encoding="utf-8")
        made.append(path)
    return made


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--plans", type=int, default=30)
    ns = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        answers, html, out = work / "answers", work / "html", work / "out"
        for folder in (answers, html, out):
            folder.mkdir()
        files = make_answers(answers, ns.plans)
        subprocess.run([WIZARD, "workshop", "render", str(answers), "--out", str(html),
                        "--format", "html", "--force"], check=True, env=ENV,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        script = work / "plain_two_processes.py"
        script.write_text(PLAIN_TWO_PROCESSES, encoding="utf-8")

        def clean() -> None:
            shutil.rmtree(out)
            out.mkdir()

        def separate() -> None:
            for path in files:
                command(WIZARD, "render", str(path), "--out", str(out), "--format", "pdf",
                        "--force")()

        actions = {
            "workshop": command(WIZARD, "workshop", "render", str(answers), "--out", str(out),
                                "--format", "pdf", "--force", "--jobs", "2"),
            "separate": separate,
            "plain": command(sys.executable, str(script), str(html), str(out)),
        }
        times: dict[str, list[float]] = {name: [] for name in actions}
        # Warm the file cache (not counted): the HTML run above read every file once;
        # one render and one plain PDF load the libraries' files.
        command(WIZARD, "render", str(files[0]), "--out", str(out), "--format", "pdf",
                "--force")()
        for _ in range(ns.runs):
            for name, action in actions.items():  # in turns
                clean()
                start = time.perf_counter()
                action()
                times[name].append(time.perf_counter() - start)
        if len(list(out.glob("*.pdf"))) != ns.plans:
            raise SystemExit("the last run did not write every PDF")
    median = {name: statistics.median(v) for name, v in times.items()}
    print(f"medians of {ns.runs} runs in turns, {ns.plans} plans, {os.cpu_count()} cores"
          " (the machine may be shared: the turns share its load)")
    print(row(f"workshop render, {ns.plans} PDFs", median["workshop"],
              f"{ns.plans} separate render runs", median["separate"], 0.35))
    print(row(f"workshop render, {ns.plans} PDFs", median["workshop"],
              "plain weasyprint, 2 processes", median["plain"], 1.3))
    for name, values in times.items():
        print(f"  {name:<10} " + "  ".join(f"{v:6.1f} s" for v in values))
    return 0


if __name__ == "__main__":
    sys.exit(main())
