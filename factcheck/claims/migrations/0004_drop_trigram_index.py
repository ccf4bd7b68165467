"""Drop the trigram index an earlier version of 0003 built: similar claims use the tsvector (GIN) instead.

The KNN trigram search it served took ~0.5 s at 200,000 claims (bench/archive.py); the index only
cost writes. Databases migrated with the current 0003 never had it; this is a no-op for them.
"""

from django.db import migrations


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS claim_text_trgm")


class Migration(migrations.Migration):

    dependencies = [("claims", "0003_derived_search_indexes")]

    operations = [migrations.RunPython(drop, migrations.RunPython.noop, elidable=True)]
