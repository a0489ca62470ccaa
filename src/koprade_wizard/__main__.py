"""Entry point: ``koprade-wizard`` and ``python -m koprade_wizard``."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    # Imported here so that ``--version`` stays as cheap as the interpreter allows.
    from koprade_wizard.cli import run

    return run(sys.argv[1:] if argv is None else argv)


if __name__ == "__main__":
    sys.exit(main())
