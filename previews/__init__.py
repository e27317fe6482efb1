"""Headless preview: the state an editor previews, handed to the front end as a signed token."""
