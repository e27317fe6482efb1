"""Writes the public schema as SDL to ``schema.graphql``: the API's committed contract."""

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser

from graphql_api.schema import schema

SCHEMA_FILE = Path(settings.BASE_DIR) / "schema.graphql"


def schema_sdl() -> str:
    return schema.as_str() + "\n"


class Command(BaseCommand):
    help = "Write the GraphQL schema (SDL) to schema.graphql, or check that the file is current."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--check", action="store_true", help="Fail if schema.graphql differs.")

    def handle(self, *args: Any, check: bool = False, **options: Any) -> None:
        if check:
            if not SCHEMA_FILE.exists() or SCHEMA_FILE.read_text() != schema_sdl():
                raise SystemExit("schema.graphql is out of date: run `make schema`.")
            self.stdout.write("schema.graphql is current.")
            return
        SCHEMA_FILE.write_text(schema_sdl())
        self.stdout.write(f"Wrote {SCHEMA_FILE.name}.")
