"""Admin for claims and their reviews, audit events, comments and notifications.

Claims, reviews and comments are read-only here (text, types and quantities too): they
change only through the services, which lock, check and write the audit trail.
"""

from django.contrib import admin

from factcheck.claims.models import Claim, ClaimEvent, Comment, Notification, Review
from factcheck.core.admin import ServiceOwnedAdmin


class EventInline(admin.TabularInline):
    model = ClaimEvent
    extra = 0
    fields = ("at", "actor", "kind", "from_status", "to_status", "verdict", "note")
    readonly_fields = fields
    can_delete = False
    ordering = ("at", "id")

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Claim)
class ClaimAdmin(ServiceOwnedAdmin, admin.ModelAdmin):
    list_display = ("short_text", "article", "status", "verdict", "assignee", "due", "priority", "orphaned",
                    "needs_rereview", "needs_settlement", "updated_at")
    list_filter = ("status", "verdict", "priority", "orphaned", "needs_rereview", "needs_settlement", "suggested",
                   ("assignee", admin.RelatedOnlyFieldListFilter), "due")
    search_fields = ("text", "quote", "article__title", "attributed_to", "assignee__username")
    list_select_related = ("article", "assignee")
    raw_id_fields = ("article", "revision", "same_as")
    readonly_fields = (
        "article", "revision", "start", "end", "quote", "prefix", "suffix", "status", "verdict", "rating", "rationale",
        "assignee", "second_reviewer", "due", "priority", "version", "orphaned", "needs_rereview", "needs_settlement",
        "same_as", "created_by", "created_at", "updated_at", "updated_by", "resolved_at", "suggested", "score",
    )
    inlines = [EventInline]

    @admin.display(description="Claim")
    def short_text(self, obj: Claim) -> str:
        return obj.text[:90]

@admin.register(Review)
class ReviewAdmin(ServiceOwnedAdmin, admin.ModelAdmin):
    list_display = ("claim", "reviewer", "verdict", "rating", "round", "created_at")
    list_filter = ("verdict", "round", ("reviewer", admin.RelatedOnlyFieldListFilter))
    search_fields = ("rationale", "claim__text", "reviewer__username")
    list_select_related = ("claim", "reviewer")
    readonly_fields = ("claim", "reviewer", "verdict", "rating", "rationale", "round", "created_at")


@admin.register(ClaimEvent)
class ClaimEventAdmin(admin.ModelAdmin):
    """The audit trail: append-only, so nothing can be added, changed or deleted here."""

    list_display = ("at", "actor", "kind", "claim", "from_status", "to_status", "verdict")
    list_filter = ("kind", "verdict", ("actor", admin.RelatedOnlyFieldListFilter), "at")
    search_fields = ("note", "claim__text", "article__title", "actor__username")
    date_hierarchy = "at"
    list_select_related = ("actor", "claim")

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Comment)
class CommentAdmin(ServiceOwnedAdmin, admin.ModelAdmin):
    list_display = ("claim", "author", "created_at")
    search_fields = ("body", "author__username", "claim__text")
    list_select_related = ("claim", "author")
    raw_id_fields = ("claim",)


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ("recipient", "kind", "message", "created_at", "read_at", "emailed_at")
    list_filter = ("kind", ("read_at", admin.EmptyFieldListFilter), ("emailed_at", admin.EmptyFieldListFilter))
    search_fields = ("message", "recipient__username")
    list_select_related = ("recipient",)
    raw_id_fields = ("claim",)
