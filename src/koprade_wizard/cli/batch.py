"""Every answers file of a folder to its plan, in warm worker processes.

A workshop brings 10–30 answers files. A fresh process per plan pays weasyprint's
import, the fonts and the tree again each time; here each worker pays them once
(in the pool's initializer) and then renders plan after plan. One file failing —
broken YAML, answers missing, another pack's file, a plan already there — is
reported with its reason and the others go on.

No terminal here: the caller passes ``on_start``/``on_done`` to show progress.
"""

from __future__ import annotations

import multiprocessing
import os
import time
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from koprade_wizard.common.errors import Problem, WizardError
from koprade_wizard.i18n.messages import DEFAULT_LANG, LANGS, problem_text, word

ANSWERS_SUFFIXES = (".yaml", ".yml")
OK, FAILED = "ok", "failed"


@dataclass(frozen=True)
class BatchJob:
    path: Path
    out_dir: Path
    formats: tuple[str, ...]
    steps: Path
    force: bool = False
    lang: str | None = None  # the plan's language; None: the answers file's own
    message_lang: str = DEFAULT_LANG


@dataclass(frozen=True)
class BatchResult:
    file: Path
    status: str  # OK or FAILED
    initiative: str = ""
    municipality: str = ""
    reason: str = ""
    outputs: tuple[Path, ...] = ()
    seconds: float = 0.0
    duplicate_of: tuple[Path, ...] = ()  # other files naming the same initiative


def answers_files(folder: Path) -> list[Path]:
    """The answers files of a folder (not its subfolders), in name order."""
    return sorted(p for p in folder.iterdir()
                  if p.is_file() and p.suffix.lower() in ANSWERS_SUFFIXES)


# --- one plan, in whichever process runs it -------------------------------------------

_TREES: dict[Path, Any] = {}


def _tree(steps: Path) -> Any:
    from koprade_wizard.cli.wiring import load_pack

    if steps not in _TREES:
        _TREES[steps] = load_pack(steps)
    return _TREES[steps]


def warm_worker(steps: Path, formats: Sequence[str]) -> None:
    """Pool initializer: load the tree, and weasyprint with its fonts if PDFs are made."""
    try:
        _tree(steps)
    except WizardError:
        return  # a broken pack is reported by each job, with its reasons
    if "pdf" in formats:
        from koprade_wizard.plan.pdf import load_now

        load_now()


def render_one(job: BatchJob) -> BatchResult:
    """Render one answers file; every failure comes back as a result with its reason."""
    from koprade_wizard.guidance.municipalities import lookup
    from koprade_wizard.interview import answers_file
    from koprade_wizard.plan.output import PlanRequest, pack_templates, plan_base, write_plan

    started = time.perf_counter()
    initiative = municipality = ""
    try:
        tree = _tree(job.steps)
        data = answers_file.load(job.path, job.message_lang)
        initiative = str(data.answers.get("initiative_name") or "")
        slug = data.answers.get("municipality")
        muni = lookup(slug) if isinstance(slug, str) else None
        lang = job.lang or (data.language if data.language in LANGS else DEFAULT_LANG)
        if muni:
            municipality = muni.name_lv if job.message_lang == "lv" else muni.name_en
        typed = answers_file.validate(tree, data, str(job.path))
        written = write_plan(PlanRequest(tree, typed, lang, plan_base(job.path, job.out_dir),
                                         job.formats, force=job.force,
                                         templates=pack_templates(job.steps)))
    except WizardError as exc:
        return BatchResult(job.path, FAILED, initiative, municipality,
                           _reason(exc.problems, job.path, exc.lang or job.message_lang),
                           seconds=time.perf_counter() - started)
    except Exception as exc:  # one odd file must not stop a workshop's other plans
        return BatchResult(job.path, FAILED, initiative, municipality,
                           f"{type(exc).__name__}: {exc}",
                           seconds=time.perf_counter() - started)
    return BatchResult(job.path, OK, initiative, municipality, outputs=tuple(written),
                       seconds=time.perf_counter() - started)


def _reason(problems: Sequence[Problem], path: Path, lang: str) -> str:
    """The problems, without repeating the file's own name (the table shows it)."""
    parts = []
    for p in problems:
        said = word(p.message, lang)
        if p.location and p.location.path == str(path):
            parts.append(f"{p.location.line}: {said}" if p.location.line else said)
        else:
            parts.append(problem_text(p, lang))
    return "; ".join(parts)


# --- the whole folder ------------------------------------------------------------------

def run_batch(jobs: Sequence[BatchJob], workers: int | None = None,
              on_start: Callable[[BatchJob], None] | None = None,
              on_done: Callable[[BatchResult], None] | None = None) -> list[BatchResult]:
    """Render every job; results in the jobs' order, duplicates flagged.

    At most ``workers`` jobs are in flight, so ``on_start`` is called when a job
    really starts (a worker is free), not when it is queued.
    """
    if not jobs:
        return []
    workers = max(1, min(workers or os.cpu_count() or 1, len(jobs)))
    results: dict[Path, BatchResult] = {}

    def done(result: BatchResult) -> None:
        results[result.file] = result
        if on_done:
            on_done(result)

    if workers == 1:
        warm_worker(jobs[0].steps, jobs[0].formats)
        for job in jobs:
            if on_start:
                on_start(job)
            done(render_one(job))
    else:
        # Not fork: the caller's progress display runs a thread, and a forked child
        # could inherit one of its locks held. A fork server starts clean workers.
        context = multiprocessing.get_context("forkserver")
        with ProcessPoolExecutor(workers, mp_context=context, initializer=warm_worker,
                                 initargs=(jobs[0].steps, jobs[0].formats)) as pool:
            queue = list(jobs)
            running: set[Future[BatchResult]] = set()
            while queue or running:
                while queue and len(running) < workers:
                    job = queue.pop(0)
                    if on_start:
                        on_start(job)
                    running.add(pool.submit(render_one, job))
                finished, running = wait(running, return_when=FIRST_COMPLETED)
                for future in finished:
                    done(future.result())
    return flag_duplicates([results[job.path] for job in jobs])


def _key(name: str) -> str:
    """Names equal but for case, spaces or quotes are the same initiative."""
    folded = unicodedata.normalize("NFC", name).casefold()
    return " ".join("".join(c for c in folded if c.isalnum() or c.isspace()).split())


def flag_duplicates(results: Iterable[BatchResult]) -> list[BatchResult]:
    rows = list(results)
    by_name: dict[str, list[Path]] = {}
    for row in rows:
        if row.initiative.strip():
            by_name.setdefault(_key(row.initiative), []).append(row.file)
    return [replace(row, duplicate_of=tuple(p for p in by_name.get(_key(row.initiative), ())
                                            if p != row.file))
            if row.initiative.strip() else row for row in rows]
