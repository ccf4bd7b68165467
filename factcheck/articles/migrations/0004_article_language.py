from django.db import migrations, models


def detect_existing(apps, schema_editor):
    # Existing articles were all taken as English; detect each one's language from its current text.
    from factcheck.articles.language import detect_language

    Article = apps.get_model("articles", "Article")
    for article in Article.objects.select_related("current_revision").filter(current_revision__isnull=False).iterator():
        language = detect_language(article.current_revision.text)
        if language != article.language:
            Article.objects.filter(pk=article.pk).update(language=language)


class Migration(migrations.Migration):
    dependencies = [("articles", "0003_derived_search_indexes")]

    operations = [
        migrations.AddField(
            model_name="article",
            name="language",
            field=models.CharField(
                choices=[("en", "English"), ("ar", "Arabic"), ("he", "Hebrew"), ("und", "Other or undetermined")],
                default="en",
                max_length=8,
            ),
        ),
        migrations.RunPython(detect_existing, migrations.RunPython.noop),
    ]
