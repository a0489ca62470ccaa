"""``workshop summary DIR``: one group report from the plans' JSON data in a folder."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from koprade_wizard.common.errors import Location, Problem, UsageError
from koprade_wizard.i18n.messages import problem_text, t


def write_summary(ns: argparse.Namespace, lang: str) -> int:
    from koprade_wizard.cli.wiring import pack_for
    from koprade_wizard.plan.group import build_group, read_documents
    from koprade_wizard.plan.group_report import write_group_report

    folder: Path = ns.folder
    if not folder.is_dir():
        raise UsageError([Problem(Location(str(folder)), t("workshop_no_folder", lang))])
    documents, problems = read_documents(folder)
    for problem in problems:
        print(problem_text(problem, lang), file=sys.stderr)
    if not documents:
        raise UsageError([Problem(Location(str(folder)), t("summary_no_data", lang))])
    out: Path = ns.out or folder
    out.mkdir(parents=True, exist_ok=True)
    tree = pack_for(ns)
    written = write_group_report(build_group(documents), tree, lang, out, force=ns.force)
    print(t("summary_written", lang, n=len(documents),
            files=", ".join(str(p) for p in written)))
    return 1 if problems else 0
