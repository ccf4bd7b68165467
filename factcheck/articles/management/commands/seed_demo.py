"""Seed a demo newsroom on first run: one editor, one reviewer, one sample article.

Runs on every `make run` but does nothing once any member exists, so a second
run never reseeds over real data.
"""

import secrets
from pathlib import Path

from django.core.management.base import BaseCommand
from django.db import transaction

from factcheck.accounts.models import Role, User
from factcheck.articles.services import article_create

DEMO_TEXT = Path(__file__).resolve().parents[2] / "demo" / "harbour_flood.txt"


class Command(BaseCommand):
    help = "Create demo accounts and a sample article if the database has no members yet."

    @transaction.atomic
    def handle(self, *args, **options):
        if User.objects.exists():
            self.stdout.write("Demo already seeded (members exist); leaving the data as it is.")
            return
        passwords = {}
        people = {}
        for username, role, first, last in (
            ("editor", Role.EDITOR, "Elena", "Marsh"),
            ("reviewer", Role.REVIEWER, "Ravi", "Okafor"),
        ):
            password = secrets.token_urlsafe(12)
            user = User(username=username, role=role, first_name=first, last_name=last, email=f"{username}@example.org")
            user.set_password(password)
            user.save()
            passwords[username] = password
            people[username] = user
        text = DEMO_TEXT.read_text(encoding="utf-8")
        title, _, body = text.partition("\n\n")
        article_create(
            actor=people["editor"], title=title.strip(), text=body.strip() + "\n", outlet="Kessling Courier",
            author="Desk staff",
        )
        self.stdout.write(self.style.SUCCESS("Demo newsroom seeded. These passwords are shown once:"))
        for username, password in passwords.items():
            self.stdout.write(f"  {username:<9} {password}")
