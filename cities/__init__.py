"""City profiles: who the cities are, which networks they belong to, what they received."""
