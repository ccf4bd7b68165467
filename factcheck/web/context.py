"""Template context shared by every page."""

from django.conf import settings
from django.http import HttpRequest

PRODUCT_NAME = "factcheck"


def newsroom(request: HttpRequest) -> dict:
    user = getattr(request, "user", None)
    unread = 0
    if user is not None and user.is_authenticated:
        unread = user.notifications.filter(read_at__isnull=True).count()
    name = settings.NEWSROOM_NAME
    return {
        "newsroom_name": name,
        # With the default name the header would read "factcheck factcheck"; say it once.
        "newsroom_is_product": name.strip().casefold() == PRODUCT_NAME,
        "unread_notifications": unread,
    }
