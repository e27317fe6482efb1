"""Conferences in the API: type, filters, ordering and root fields."""
