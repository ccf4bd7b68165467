"""Admin for newsroom members: who they are and which role they have."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from factcheck.accounts.models import User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
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
