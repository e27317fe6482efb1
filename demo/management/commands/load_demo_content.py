"""``manage.py load_demo_content``: build the demo site, or complete it, and say what changed.

All the work is in ``demo``; this command only runs it and prints its summary. Running it
again is safe: existing content is left alone and the command reports that nothing changed.
"""

from typing import Any

from django.core.management.base import BaseCommand

from demo.builder import load_demo_content


class Command(BaseCommand):
    help = (
        "Create the demo site (home page, sections, cities, conferences, news, snippets, images, "
        "documents and French translations). Safe to re-run: what exists is left unchanged."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        report = load_demo_content()
        style = self.style.SUCCESS if report.changed else self.style.NOTICE
        self.stdout.write(style(report.summary()))
