"""City profiles in the API: type, filters, ordering and root fields."""
