# Production image for web, worker and beat (see docker-compose.yml).
FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 FACTCHECK_VAR_DIR=/app/var
WORKDIR /app
# The runtime lock: every package at one version with its hashes (generated from requirements.txt).
COPY requirements.lock .
# GNU gettext compiles the translations (locale/*.po -> .mo) at build time.
RUN apt-get update && apt-get install -y --no-install-recommends gettext && rm -rf /var/lib/apt/lists/*
RUN pip install --no-cache-dir --require-hashes --no-deps -r requirements.lock
COPY . .
RUN SECRET_KEY=build-only-key-build-only-key-build-only python manage.py compiletranslations \
    && SECRET_KEY=build-only-key-build-only-key-build-only python manage.py collectstatic --noinput \
    && useradd --system --home /app factcheck && mkdir -p /app/var && chown -R factcheck /app/var
USER factcheck
EXPOSE 8000
CMD ["gunicorn", "factcheck.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-"]
