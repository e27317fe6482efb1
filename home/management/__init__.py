"""Management commands of the home app, shared by the whole project."""
