"""News items: what communications staff publish about meetings, cities and partnerships."""
