import io

import pytest
from django.core.management import CommandError, call_command

from factcheck.accounts.models import Role, User


def _run(*args, stdin: str | None = None, monkeypatch=None) -> str:
    out = io.StringIO()
    if stdin is not None:
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    call_command("addmember", *args, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_addmember_creates_an_editor_with_a_printed_password():
    out = _run("alice", "--role", "editor")
    user = User.objects.get(username="alice")
    assert user.role == Role.EDITOR
    password = out.split("password for alice: ")[1].strip()
    assert user.check_password(password)


@pytest.mark.django_db
def test_addmember_reads_the_password_from_stdin_and_updates_the_role(monkeypatch):
    _run("bob", "--role", "reviewer", "--password-stdin", stdin="s3cret-enough-pass\n", monkeypatch=monkeypatch)
    out = _run("bob", "--role", "editor")
    user = User.objects.get(username="bob")
    assert user.role == Role.EDITOR
    assert user.check_password("s3cret-enough-pass")
    assert "updated editor bob" in out and "password" not in out


@pytest.mark.django_db
def test_addmember_refuses_a_bad_username_and_an_empty_stdin_password(monkeypatch):
    with pytest.raises(CommandError, match="invalid username"):
        _run("no spaces allowed", "--role", "editor")
    with pytest.raises(CommandError, match="no password"):
        _run("carol", "--role", "editor", "--password-stdin", stdin="\n", monkeypatch=monkeypatch)
    assert not User.objects.filter(username="carol").exists()
