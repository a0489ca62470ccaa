"""``pack init DIR`` and ``pack test DIR [--update]``: a trainer's own question pack."""

from __future__ import annotations

import argparse
from pathlib import Path

from koprade_wizard.cli.options import EXIT_OK, EXIT_PROBLEMS, Help, Subparsers, add_lang
from koprade_wizard.i18n.messages import t


def register(sub: Subparsers, h: Help) -> None:
    pack = sub.add_parser("pack", help=h("help_pack_cmd"), description=h("help_pack_cmd"))
    inner = pack.add_subparsers(dest="pack_command", parser_class=type(pack))
    inner.required = True
    init = inner.add_parser("init", help=h("help_pack_init"), description=h("help_pack_init"))
    init.add_argument("folder", type=Path, metavar="DIR")
    init.add_argument("--with-templates", action="store_true", help=h("help_with_templates"))
    add_lang(init, h)
    init.set_defaults(handler=run_init)
    test = inner.add_parser("test", help=h("help_pack_test"), description=h("help_pack_test"))
    test.add_argument("folder", type=Path, metavar="DIR")
    test.add_argument("--update", action="store_true", help=h("help_pack_update"))
    add_lang(test, h)
    test.set_defaults(handler=run_test)


def run_init(ns: argparse.Namespace, lang: str) -> int:
    from koprade_wizard.cli.packtest import init_pack

    expected = init_pack(ns.folder, lang, with_templates=ns.with_templates)
    print(t("pack_init_done", lang, folder=ns.folder, n=len(expected)))
    return EXIT_OK


def run_test(ns: argparse.Namespace, lang: str) -> int:
    from rich.console import Console
    from rich.syntax import Syntax

    from koprade_wizard.cli import packtest

    results = packtest.compare_examples(ns.folder, lang)
    console = Console(highlight=False)
    for r in results:
        console.print(f"{r.example}: {t('pack_status_' + r.status, lang)}", markup=False)
        if r.reason:
            console.print(f"  {r.reason}", markup=False)
        if r.diff and not ns.update:
            console.print(Syntax(r.diff, "diff", theme="ansi_dark", word_wrap=True))
    bad = [r for r in results if r.status != packtest.SAME]
    if ns.update:
        written = packtest.update(ns.folder, results)
        failed = [r for r in results if r.status == packtest.FAILED]
        print(t("pack_updated", lang, n=len(written)))
        return EXIT_PROBLEMS if failed else EXIT_OK
    if bad:
        print(t("pack_test_differs", lang, n=len(bad), total=len(results)))
        return EXIT_PROBLEMS
    print(t("pack_test_same", lang, n=len(results)))
    return EXIT_OK
