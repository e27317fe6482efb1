"""The demo site: everything ``manage.py load_demo_content`` creates, and the code that creates it.

A Django app with no models at the top of the dependency graph: it imports every content app, and
nothing imports it.

The package keeps the *what* apart from the *how* so that either can be read on its own:

- ``spec`` defines the small, typed records the content is written in, plus helpers that write
  StreamField blocks and references to objects that do not exist yet (a city page, a PDF...);
- ``content`` holds the content itself, one module per kind, written from the three seed
  documents (two news reports and a conference concept note) in our own words;
- ``artwork`` draws the demo images and PDFs with Pillow, so nothing is downloaded;
- ``builder`` turns the records into Wagtail objects, idempotently: whatever already exists
  (looked up by a stable key) is left untouched, so a second run changes nothing.
"""
