"""End-to-end tests: a real headless browser drives the admin on a live server."""
