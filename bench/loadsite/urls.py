"""The project's URLs plus a bare view returning a stored API page as pre-encoded bytes.

The bare view goes through the same middleware, server and process as the API, but does no
authentication, query or serialization: the ceiling a list endpoint's requests per second is
compared with (issue 16).
"""

import os
from functools import cache
from pathlib import Path

from django.http import HttpResponse
from django.urls import path

from factcheck.urls import urlpatterns as project


@cache
def _stored() -> bytes:
    return Path(os.environ["BENCH_BARE_FILE"]).read_bytes()


def bare(request):
    return HttpResponse(_stored(), content_type="application/json")


urlpatterns = [path("bench/bare/", bare), *project]
