"""Admin for articles; revisions are immutable and shown read-only."""

from django.contrib import admin

from factcheck.articles.models import Article, ArticleEvent, ArticleRevision
from factcheck.core.admin import ServiceOwnedAdmin


class RevisionInline(admin.TabularInline):
    model = ArticleRevision
    extra = 0
    fields = ("number", "created_by", "created_at", "note", "length")
    readonly_fields = fields
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    @admin.display(description="Characters")
    def length(self, obj: ArticleRevision) -> int:
        return len(obj.text)


class ArticleEventInline(admin.TabularInline):
    """The article's audit trail: append-only, shown and never edited."""

    model = ArticleEvent
    extra = 0
    fields = ("at", "actor", "kind", "data")
    readonly_fields = fields
    can_delete = False
    ordering = ("at", "id")

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Article)
class ArticleAdmin(ServiceOwnedAdmin, admin.ModelAdmin):
    list_display = ("title", "outlet", "author", "published_at", "created_by", "created_at", "version")
    list_filter = ("outlet", "published_report", ("published_at", admin.DateFieldListFilter), "created_at")
    search_fields = ("title", "outlet", "author", "url")
    date_hierarchy = "created_at"
    list_select_related = ("created_by",)
    # Every change goes through the articles services (new revision + re-anchoring, audit row), never a raw edit here.
    readonly_fields = ("current_revision", "version", "created_by", "created_at", "updated_at")
    inlines = [RevisionInline, ArticleEventInline]


@admin.register(ArticleRevision)
class ArticleRevisionAdmin(admin.ModelAdmin):
    list_display = ("article", "number", "created_by", "created_at", "note")
    search_fields = ("article__title", "note")
    list_select_related = ("article", "created_by")
    readonly_fields = ("article", "number", "text", "created_by", "created_at", "note")

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
