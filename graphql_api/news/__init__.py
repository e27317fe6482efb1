"""News items in the API: type, filters, ordering and root fields."""
