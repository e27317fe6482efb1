"""``manage.py import_document PATH [--type news|conference] [--parent PAGE_ID]``: a document as a draft."""

import sys
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.urls import reverse
from wagtail.models import Page

from document_import.drafts import import_as_draft
from document_import.structure import read_upload


class Command(BaseCommand):
    help = "Import a .docx, .md, .txt or .html document (or '-' for text on stdin) as a draft news item or conference."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", help="The document, or '-' to read plain text from standard input.")
        parser.add_argument("--type", choices=["news", "conference"], help="The page type (detected if not given).")
        parser.add_argument("--parent", type=int, help="The id of the news or conference index to put the draft in.")

    def handle(self, *args: Any, **options: Any) -> None:
        path = options["path"]
        try:
            if path == "-":
                paragraphs = read_upload("stdin.txt", sys.stdin.read().encode())
            else:
                paragraphs = read_upload(path, Path(path).read_bytes())
            parent = Page.objects.get(pk=options["parent"]) if options["parent"] else None
            result = import_as_draft(paragraphs, options["type"], parent)
        except (OSError, ValueError, Page.DoesNotExist) as error:
            raise CommandError(str(error)) from error
        page, document = result.page, result.document
        edit_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("wagtailadmin_pages:edit", args=[page.pk])
        self.stdout.write(f"Draft {page._meta.verbose_name} created: id {page.pk}")
        self.stdout.write(f"Edit it at {edit_url}")
        for line in document.recognised:
            self.stdout.write(f"  recognised: {line}")
        for line in document.follow_up:
            self.stdout.write(f"  follow up: {line}")
