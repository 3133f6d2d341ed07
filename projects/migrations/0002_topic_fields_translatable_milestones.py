"""Link projects to the agenda's topic fields; make milestones translatable.

Existing milestones get their own translation key and their project's locale.
"""

import uuid

import django.db.models.deletion
import modelcluster.fields
from django.db import migrations, models


def fill_milestone_translation_fields(apps, schema_editor):
    ProjectMilestone = apps.get_model("projects", "ProjectMilestone")
    for milestone in ProjectMilestone.objects.select_related("project"):
        milestone.translation_key = uuid.uuid4()
        milestone.locale_id = milestone.project.locale_id
        milestone.save(update_fields=["translation_key", "locale"])


class Migration(migrations.Migration):
    dependencies = [
        ("agenda", "0001_initial"),
        ("projects", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AddField(
            model_name="projectpage",
            name="topic_fields",
            field=modelcluster.fields.ParentalManyToManyField(
                blank=True,
                help_text="The topic fields of the Digital Agenda this project belongs to.",
                related_name="portfolio_projects",
                to="agenda.topicfieldpage",
                verbose_name="topic fields",
            ),
        ),
        migrations.AddField(
            model_name="projectmilestone",
            name="translation_key",
            field=models.UUIDField(null=True, editable=False),
        ),
        migrations.AddField(
            model_name="projectmilestone",
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
        migrations.RunPython(fill_milestone_translation_fields, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="projectmilestone",
            name="translation_key",
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
        migrations.AlterField(
            model_name="projectmilestone",
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
            name="projectmilestone",
            unique_together={("translation_key", "locale")},
        ),
    ]
