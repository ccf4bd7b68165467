"""Admin for newsroom members: who they are and which role they have."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.contrib.auth.forms import AdminPasswordChangeForm

from factcheck.accounts.models import User
from factcheck.accounts.services import member_password_changed


class PasswordChangeForm(AdminPasswordChangeForm):
    """The admin's password form: a new (or unusable) password also revokes the member's API tokens."""

    def save(self, commit: bool = True) -> User:
        user = super().save(commit=commit)
        if commit:
            member_password_changed(member=user)
        return user


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    change_password_form = PasswordChangeForm
    list_display = ("username", "display_name", "email", "role", "is_active", "is_staff", "last_login")
    list_filter = ("role", "is_active", "is_staff", "is_superuser")
    search_fields = ("username", "first_name", "last_name", "email")
    list_editable = ("role", "is_active")
    ordering = ("username",)
    fieldsets = (
        *BaseUserAdmin.fieldsets[:1],
        ("Newsroom", {"fields": ("role",)}),
        *BaseUserAdmin.fieldsets[1:],
    )
    add_fieldsets = (
        (None, {"classes": ("wide",), "fields": ("username", "email", "role", "password1", "password2")}),
    )

    @admin.display(description="Name")
    def display_name(self, obj: User) -> str:
        return obj.display_name
