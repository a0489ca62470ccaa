from koprade_wizard.cli.main import run

__all__ = ["run"]
