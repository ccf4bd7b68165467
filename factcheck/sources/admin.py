"""Admin for sources, their snapshots, evidence links and lookups."""

from django.contrib import admin

from factcheck.core.admin import ServiceOwnedAdmin
from factcheck.sources.models import Evidence, Lookup, Snapshot, Source


class SnapshotInline(admin.TabularInline):
    model = Snapshot
    extra = 0
    fields = ("fetched_at", "status_code", "content_type", "sha256", "changed")
    readonly_fields = fields
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Source)
class SourceAdmin(ServiceOwnedAdmin, admin.ModelAdmin):
    list_display = ("__str__", "publisher", "independent", "added_by", "created_at")
    list_filter = ("independent", "created_at")
    search_fields = ("url", "title", "publisher", "author", "filename")
    list_select_related = ("added_by",)
    inlines = [SnapshotInline]


@admin.register(Snapshot)
class SnapshotAdmin(admin.ModelAdmin):
    list_display = ("source", "fetched_at", "status_code", "content_type", "changed")
    list_filter = ("changed", "content_type")
    search_fields = ("final_url", "title", "sha256")
    list_select_related = ("source",)
    readonly_fields = [f.name for f in Snapshot._meta.fields]


@admin.register(Evidence)
class EvidenceAdmin(ServiceOwnedAdmin, admin.ModelAdmin):
    list_display = ("claim", "source", "stance", "added_by", "created_at")
    list_filter = ("stance",)
    search_fields = ("claim__text", "source__url", "source__title", "passage_quote", "note")
    list_select_related = ("claim", "source", "added_by")
    raw_id_fields = ("claim", "source", "snapshot")


@admin.register(Lookup)
class LookupAdmin(admin.ModelAdmin):
    list_display = ("id", "kind", "status", "attempts", "claim", "source", "created_at", "finished_at", "deadline")
    list_filter = ("kind", "status")
    search_fields = ("url", "error", "claim__text", "source__url")
    list_select_related = ("claim", "source")
    raw_id_fields = ("claim", "source")
    readonly_fields = ("status", "attempts", "started_at", "finished_at", "result", "error")
