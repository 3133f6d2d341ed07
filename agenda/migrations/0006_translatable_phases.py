"""Make the agenda's process phases translatable.

Existing phases get their own translation key and their agenda page's locale.
"""

import uuid

import django.db.models.deletion
from django.db import migrations, models


def fill_phase_translation_fields(apps, schema_editor):
    AgendaPhase = apps.get_model("agenda", "AgendaPhase")
    for phase in AgendaPhase.objects.select_related("page"):
        phase.translation_key = uuid.uuid4()
        phase.locale_id = phase.page.locale_id
        phase.save(update_fields=["translation_key", "locale"])


class Migration(migrations.Migration):
    dependencies = [
        ("agenda", "0005_demand_share_help_text"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AddField(
            model_name="agendaphase",
            name="translation_key",
            field=models.UUIDField(null=True, editable=False),
        ),
        migrations.AddField(
            model_name="agendaphase",
            name="locale",
            field=models.ForeignKey(
                null=True,
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.RunPython(fill_phase_translation_fields, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="agendaphase",
            name="translation_key",
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
        migrations.AlterField(
            model_name="agendaphase",
            name="locale",
            field=models.ForeignKey(
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.AlterUniqueTogether(
            name="agendaphase",
            unique_together={("translation_key", "locale")},
        ),
    ]
