"""Demo content: which demo measures of the agenda the demo projects implement (de/da/en).

Runs after ``projects.demo`` (``website.demo_registry`` order 25), because it links the
agenda's measures to the project pages that module built. ``MeasurePage.projects`` is the
agenda's field, so the agenda's demo sets it; the projects app does not import the agenda.
Idempotent like every demo module.
"""

from wagtail_localize.models import TranslationSource

from website.demo.api import publish

from .models import MeasurePage


def load(context):
    link_measures(context)


# German measure slug (agenda.demo) -> German slugs of the implementing projects.
MEASURE_PROJECTS = {
    "digitale-terminvergabe": ["buergerportal"],
    "online-antraege": ["buergerportal", "ozg-umsetzung"],
    "digitale-bezahlung": ["buergerportal"],
    "chatbot-auskunft": ["chatbot-govii"],
    "bauantrag-digital": ["ozg-umsetzung"],
    "e-akte": ["e-akte"],
    "mobilitaets-app": ["smart-city"],
    "energiemonitoring": ["smart-city"],
    "telemedizin": ["smart-city"],
    "smarte-muelltonnen": ["smart-city"],
    "radverkehrszaehlung": ["offene-daten"],
    "leerstandsmelder": ["offene-daten"],
    "parkleitsystem": ["parksensorik"],
}


def link_measures(context):
    """Set `MeasurePage.projects` of the demo measures; their translations link the same projects.

    `projects` is a synchronised field, so after changing it the translations are synced through
    wagtail-localize (as an editor's "Sync translated pages" would). Does nothing for demo
    measures or projects that are missing, and nothing on a second run.
    """
    measures = {
        page.slug: page
        for page in MeasurePage.objects.filter(locale__language_code="de", slug__in=MEASURE_PROJECTS).prefetch_related(
            "projects"
        )
    }
    linked = 0
    for slug, project_slugs in MEASURE_PROJECTS.items():
        measure = measures.get(slug)
        projects = [context.pages.get(f"project:{project_slug}") for project_slug in project_slugs]
        if measure is None or None in projects:
            continue
        wanted = sorted(project.pk for project in projects)
        if sorted(project.pk for project in measure.projects.all()) != wanted:
            measure.projects.set(projects)
            publish(measure)
        sync_translations(measure, wanted)
        linked += 1
    context.log(f"  projects: {linked} measures linked to their projects")


def sync_translations(page, wanted):
    """Bring every translation of `page` up to date with the source when its `projects` differ."""
    translations = [
        translation
        for translation in page.get_translations().specific().prefetch_related("projects")
        if sorted(project.pk for project in translation.projects.all()) != wanted
    ]
    if not translations:
        return
    source, _created = TranslationSource.update_or_create_from_instance(page)
    for translation in translations:
        target, _created = source.create_or_update_translation(
            translation.locale, publish=False, copy_parent_pages=False
        )
        target.get_latest_revision().publish()
