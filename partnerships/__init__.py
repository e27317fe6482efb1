"""Partnerships, programmes, networks and the organisations behind them (translatable snippets)."""
