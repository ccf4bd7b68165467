"""WSGI entry point for gunicorn."""

import os
import threading

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "factcheck.settings")
application = get_wsgi_application()

# Language detection's model takes most of a second to load: in a thread of its own at start, off the
# request path, instead of inside the first paste each web process serves.
from factcheck.articles.language import warm_up  # noqa: E402  (needs the app registry above)

threading.Thread(target=warm_up, name="language-model", daemon=True).start()
