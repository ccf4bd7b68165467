"""factcheck's settings with the bench URLconf: the real site plus /bench/bare/."""

from factcheck.settings import *  # noqa: F403

ROOT_URLCONF = "bench.loadsite.urls"
