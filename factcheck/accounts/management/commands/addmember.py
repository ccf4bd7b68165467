"""Create or update a newsroom member from a script: `addmember alice --role editor --password-stdin`."""

import secrets
import sys

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from factcheck.accounts.models import Role, User
from factcheck.accounts.services import member_password_set


class Command(BaseCommand):
    help = "Create or update a newsroom member with a role. Prints a new random password unless one is given."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--role", required=True, choices=[Role.EDITOR, Role.REVIEWER])
        parser.add_argument("--email", default=None)
        parser.add_argument("--name", default=None, help="Full name, shown in the audit trail.")
        parser.add_argument(
            "--password-stdin", action="store_true", help="Read the password from the first line of standard input."
        )

    @transaction.atomic
    def handle(self, *args, username: str, role: str, email: str | None, name: str | None, password_stdin: bool, **kw):
        username = username.strip()
        if not username:
            raise CommandError("username must not be empty")
        try:
            User.username_validator(username)
        except ValidationError as exc:
            raise CommandError(f"invalid username {username!r}: {' '.join(exc.messages)}") from None
        password = None
        if password_stdin:
            password = sys.stdin.readline().rstrip("\n")
            if not password:
                raise CommandError("no password on standard input")
        user, created = User.objects.get_or_create(username=username, defaults={"role": role})
        user.role = role
        user.is_active = True
        if email is not None:
            user.email = email
        if name is not None:
            first, _, last = name.partition(" ")
            user.first_name, user.last_name = first, last
        generated = None
        if password:
            user.set_password(password)
        elif created:
            generated = secrets.token_urlsafe(12)
            user.set_password(generated)
        user.save()
        if password and not created:
            # A new password for an existing member also revokes their API tokens (accounts/services.py).
            member_password_set(actor=None, member=user, password=password)
        verb = "created" if created else "updated"
        self.stdout.write(f"{verb} {role} {username}")
        if generated:
            self.stdout.write(f"password for {username}: {generated}")
