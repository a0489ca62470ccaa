"""koprade-wizard: a guided wizard for founding a co-working space (koprades telpa)."""

__version__ = "0.1.0"
