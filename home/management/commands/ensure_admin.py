"""Make sure the ``admin`` superuser exists, so that ``make run`` always ends with a usable admin.

A fresh checkout has no user at all and Wagtail's admin is useless without one; ``createsuperuser``
asks questions and fails on a second run. This command is safe to run every time: it creates the
user once, with the password from ``ADMIN_PASSWORD`` or a generated one that it prints once, and
afterwards leaves the account alone unless ``ADMIN_PASSWORD`` is given again.
"""

import os
import secrets
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandParser

USERNAME = "admin"
EMAIL = "admin@example.org"


class Command(BaseCommand):
    help = (
        "Create the superuser 'admin' if it does not exist (password from ADMIN_PASSWORD, else a "
        "generated one, printed once). An existing user is left as it is unless ADMIN_PASSWORD is set."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--username", default=USERNAME, help=f"Default: {USERNAME}.")
        parser.add_argument("--email", default=EMAIL, help=f"Used only when creating. Default: {EMAIL}.")

    def handle(self, *args: Any, username: str, email: str, **options: Any) -> None:
        user_model = get_user_model()
        password = os.environ.get("ADMIN_PASSWORD") or None
        user = user_model._default_manager.filter(**{user_model.USERNAME_FIELD: username}).first()

        if user is not None:
            if password is None:
                self.stdout.write(f"Admin user '{username}' already exists; nothing changed.")
                return
            user.set_password(password)
            user.save(update_fields=["password"])
            self.stdout.write(f"Admin user '{username}' already exists; password set from ADMIN_PASSWORD.")
            return

        generated = password is None
        if generated:
            password = secrets.token_urlsafe(18)
        user_model._default_manager.create_superuser(
            **{user_model.USERNAME_FIELD: username}, email=email, password=password
        )
        self.stdout.write(self.style.SUCCESS(f"Created admin user '{username}' ({email})."))
        if generated:
            self.stdout.write(self.style.WARNING(f"Admin password (shown once): {password}"))
