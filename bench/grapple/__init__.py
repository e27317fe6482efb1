"""wagtail-grapple as a third reference (bench only): our models, exposed the way grapple documents.

Runs in a virtualenv of its own (``bench/.cache/grapple-venv``, made by ``scripts/bench.sh``):
grapple's graphene needs graphql-core < 3.3, strawberry 0.341 needs >= 3.3, so the two cannot
share the product's environment. Served by a second gunicorn with ``bench.grapple.settings``.
"""
