"""Template context shared by every page."""

from django.conf import settings
from django.http import HttpRequest


def newsroom(request: HttpRequest) -> dict:
    user = getattr(request, "user", None)
    unread = 0
    if user is not None and user.is_authenticated:
        unread = user.notifications.filter(read_at__isnull=True).count()
    return {"newsroom_name": settings.NEWSROOM_NAME, "unread_notifications": unread}
