"""``workshop render`` and ``workshop summary``: a trainer's folder of answers files.

``render`` writes every plan (progress bar, then one table row per file);
``summary`` reads the plans' JSON data and writes one group report.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from koprade_wizard.cli.options import (
    EXIT_OK,
    EXIT_PROBLEMS,
    Help,
    Subparsers,
    add_lang,
    add_steps,
)
from koprade_wizard.cli.wiring import steps_folder
from koprade_wizard.common.errors import Location, Problem, UsageError
from koprade_wizard.i18n.messages import t

if TYPE_CHECKING:  # the batch brings in multiprocessing: only a folder render needs it
    from koprade_wizard.cli.batch import BatchResult

# What a workshop needs by default: a plan to read, a PDF to print, the data for the summary.
DEFAULT_FORMATS = ("md", "pdf", "json")
KNOWN_FORMATS = ("md", "html", "pdf", "json")


def register(sub: Subparsers, h: Help) -> None:
    workshop = sub.add_parser("workshop", help=h("help_workshop"),
                              description=h("help_workshop"))
    inner = workshop.add_subparsers(dest="workshop_command", parser_class=type(workshop))
    inner.required = True
    render = inner.add_parser("render", help=h("help_workshop_render"),
                              description=h("help_workshop_render"))
    render.add_argument("folder", type=Path, metavar="DIR")
    render.add_argument("--out", type=Path, default=None, help=h("help_workshop_out"))
    render.add_argument("--format", default=",".join(DEFAULT_FORMATS),
                        help=h("help_workshop_format"))
    render.add_argument("--jobs", type=int, default=None, help=h("help_jobs"))
    render.add_argument("--force", action="store_true", help=h("help_force"))
    add_lang(render, h, "help_render_lang")
    add_steps(render, h)
    render.set_defaults(handler=render_folder)
    summary = inner.add_parser("summary", help=h("help_workshop_summary"),
                               description=h("help_workshop_summary"))
    summary.add_argument("folder", type=Path, metavar="DIR")
    summary.add_argument("--out", type=Path, default=None, help=h("help_summary_out"))
    summary.add_argument("--force", action="store_true", help=h("help_force"))
    add_lang(summary, h)
    add_steps(summary, h)
    summary.set_defaults(handler=_summary)


def _summary(ns: argparse.Namespace, lang: str) -> int:
    from koprade_wizard.cli.summary_cmd import write_summary

    return write_summary(ns, lang)


def _formats(value: str, lang: str) -> tuple[str, ...]:
    wanted = tuple(dict.fromkeys(f.strip() for f in value.split(",") if f.strip()))
    if "all" in wanted:
        return KNOWN_FORMATS
    unknown = [f for f in wanted if f not in KNOWN_FORMATS]
    if unknown or not wanted:
        raise UsageError(t("workshop_bad_format", lang, found=", ".join(unknown) or value,
                           known=", ".join((*KNOWN_FORMATS, "all"))))
    return wanted


def _folder(path: Path, lang: str) -> Path:
    if not path.is_dir():
        raise UsageError([Problem(Location(str(path)), t("workshop_no_folder", lang))])
    return path


def render_folder(ns: argparse.Namespace, lang: str) -> int:
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from koprade_wizard.cli.batch import FAILED, BatchJob, answers_files, run_batch

    folder = _folder(ns.folder, lang)
    formats = _formats(ns.format, lang)
    if ns.jobs is not None and ns.jobs < 1:
        raise UsageError(t("workshop_bad_jobs", lang))
    files = answers_files(folder)
    if not files:
        raise UsageError([Problem(Location(str(folder)), t("workshop_empty", lang))])
    out = ns.out or folder
    out.mkdir(parents=True, exist_ok=True)
    plan_lang = getattr(ns, "lang", None)
    steps = steps_folder(ns).resolve()
    jobs = [BatchJob(p, out, formats, steps, ns.force, plan_lang, lang) for p in files]

    console = Console(highlight=False, stderr=True)
    running: list[str] = []
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                  TimeElapsedColumn(), TextColumn("{task.fields[now]}"),
                  console=console, transient=False) as progress:
        task = progress.add_task(t("workshop_rendering", lang), total=len(jobs), now="")

        def started(job: BatchJob) -> None:
            running.append(job.path.name)
            progress.update(task, now=", ".join(running))

        def finished(result: BatchResult) -> None:
            if result.file.name in running:
                running.remove(result.file.name)
            progress.update(task, advance=1, now=", ".join(running))

        results = run_batch(jobs, ns.jobs, started, finished)
    Console(highlight=False).print(results_table(results, lang))
    failed = [r for r in results if r.status == FAILED]
    for row in failed:
        print(f"{row.file}: {row.reason}", file=sys.stderr)
    for row in results:
        if row.duplicate_of:
            print(t("workshop_duplicate", lang, file=row.file.name, name=row.initiative,
                    others=", ".join(p.name for p in row.duplicate_of)))
    ok = len(results) - len(failed)
    print(t("workshop_done", lang, ok=ok, failed=len(failed), total=len(results)))
    return EXIT_PROBLEMS if failed else EXIT_OK


def results_table(results: list[BatchResult], lang: str) -> object:
    from rich.table import Table

    from koprade_wizard.cli.batch import FAILED

    table = Table(title=t("workshop_table_title", lang))
    for key in ("col_file", "col_initiative", "col_municipality", "col_status", "col_output",
                "col_seconds"):
        table.add_column(t(key, lang), justify="right" if key == "col_seconds" else "left",
                         overflow="fold")
    for row in results:
        if row.status == FAILED:
            status = f"[red]{t('workshop_failed', lang)}[/red]"
        elif row.duplicate_of:
            status = f"[yellow]{t('workshop_ok_duplicate', lang)}[/yellow]"
        else:
            status = f"[green]{t('workshop_ok', lang)}[/green]"
        output = _outputs(row.outputs) if row.outputs else row.reason
        table.add_row(row.file.name, _plain(row.initiative), _plain(row.municipality), status,
                      _plain(output), f"{row.seconds:.1f}")
    return table


def _outputs(paths: tuple[Path, ...]) -> str:
    """``school-plan.md, .pdf, .json``: the plan's name once, then the other kinds."""
    first, *rest = paths
    return ", ".join([first.name, *(p.suffix for p in rest)])


def _plain(text: str) -> str:
    """What people typed is shown as typed, never read as rich markup."""
    from rich.markup import escape

    return escape(text)
