"""A trigram index on the upper-cased title, for the article search's substring test.

The search box also matches a piece of a title (`title__icontains`: UPPER(title) LIKE '%…%'), so
that a half-typed name finds its article. Without an index that test upper-cases and scans every
title on each search (4 ms at 10,000 articles on an idle machine, three times that under load,
twice a page: the count and the rows). pg_trgm's GIN index answers a LIKE of three or more
characters from the index.

PostgreSQL only. pg_trgm is a trusted extension (a database owner may create it); where it cannot
be created the search keeps working, by the scan, and the index is skipped.
"""

from django.db import migrations

INDEX = "article_title_trgm"


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    from django.db import DatabaseError, transaction

    try:
        with transaction.atomic(using=schema_editor.connection.alias):
            schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    except DatabaseError:
        return
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {INDEX} ON articles_article USING gin ((UPPER(title::text)) gin_trgm_ops)"
    )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("articles", "0004_article_language")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
