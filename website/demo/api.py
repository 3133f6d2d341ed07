"""Idempotent building blocks for demo content; see `website.demo` for the documentation."""

import json
import uuid
from contextlib import contextmanager
from dataclasses import dataclass

from django.db import transaction

from wagtail.models import Collection, Locale, Page, Site
from wagtail_localize.models import StringTranslation, Translation, TranslationSource
from wagtail_localize.strings import StringValue, extract_strings

from website.models import HomePage

SOURCE_LANGUAGE = "de"
TARGET_LANGUAGES = ("da", "en")
DEMO_COLLECTION_NAME = "Demo"


class DemoContentError(Exception):
    """Raised when demo content cannot be built as described (e.g. a missing translation)."""


@contextmanager
def without_automatic_redirects():
    """New translations get their translated slug right after being copied from the German page;
    Wagtail would record each such rename as a redirect. Nobody ever saw the German slug there."""
    from wagtail.contrib.redirects.signal_handlers import autocreate_redirects_on_slug_change
    from wagtail.signals import page_slug_changed

    disconnected = page_slug_changed.disconnect(autocreate_redirects_on_slug_change)
    try:
        yield
    finally:
        if disconnected:
            page_slug_changed.connect(autocreate_redirects_on_slug_change)


# --- Texts in three languages -------------------------------------------------------------------


@dataclass(frozen=True)
class T:
    """One text in German (the source) with its Danish and English translation.

    Plain text unless it starts with "<": then it is rich-text HTML, and the three versions
    must have the same block structure (same number of paragraphs/list items), because
    wagtail-localize translates rich text paragraph by paragraph.
    """

    de: str
    da: str
    en: str

    def get(self, language_code):
        return getattr(self, language_code)


def _string_pairs(text):
    """(German data, {language: target data}) pairs as wagtail-localize stores them."""
    if text.de.lstrip().startswith("<"):
        sources = [value.data for value, _attrs in extract_strings(text.de)[1]]
        targets = {
            code: [value.data for value, _attrs in extract_strings(text.get(code))[1]] for code in TARGET_LANGUAGES
        }
        for code, values in targets.items():
            if len(values) != len(sources):
                raise DemoContentError(f"Rich text has a different structure in {code!r}: {text.de[:60]!r}")
        return [(source, {code: targets[code][i] for code in TARGET_LANGUAGES}) for i, source in enumerate(sources)]
    return [
        (
            StringValue.from_plaintext(text.de).data,
            {code: StringValue.from_plaintext(text.get(code)).data for code in TARGET_LANGUAGES},
        )
    ]


def split_languages(value, translations=None):
    """Replace every `T` inside `value` (nested dicts/lists/tuples) by its German text.

    Returns `(german_value, translations)` where `translations` is
    `{"da": {german: danish, ...}, "en": {...}}` in the form `translate_page` expects.
    """
    if translations is None:
        translations = {code: {} for code in TARGET_LANGUAGES}
    if isinstance(value, T):
        for source, targets in _string_pairs(value):
            for code, target in targets.items():
                translations[code][source] = target
        return value.de, translations
    if isinstance(value, dict):
        return {key: split_languages(item, translations)[0] for key, item in value.items()}, translations
    if isinstance(value, list | tuple):
        return type(value)(split_languages(item, translations)[0] for item in value), translations
    if isinstance(value, str) and value and not value.lstrip().startswith("<"):
        # Names, phone numbers, figures: the same in every language.
        data = StringValue.from_plaintext(value).data
        for code in TARGET_LANGUAGES:
            translations[code].setdefault(data, data)
    return value, translations


def merge_translations(*mappings):
    merged = {code: {} for code in TARGET_LANGUAGES}
    for mapping in mappings:
        for code, strings in mapping.items():
            merged.setdefault(code, {}).update(strings)
    return merged


# --- Locales, home, site ------------------------------------------------------------------------


def ensure_locales():
    """Create the content locales (German first, so it is the default)."""
    return {code: Locale.objects.get_or_create(language_code=code)[0] for code in (SOURCE_LANGUAGE, *TARGET_LANGUAGES)}


def get_locale(language_code):
    return Locale.objects.get(language_code=language_code)


def get_default_site():
    return Site.objects.filter(is_default_site=True).first() or Site.objects.first()


def get_home(language_code=SOURCE_LANGUAGE):
    """The HomePage of the default site in the given language (None if not built yet)."""
    site = get_default_site()
    if site is None:
        return None
    root = site.root_page
    home = HomePage.objects.filter(translation_key=root.translation_key, locale__language_code=language_code).first()
    return home


def get_demo_collection():
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=DEMO_COLLECTION_NAME).first()
    return existing or root.add_child(name=DEMO_COLLECTION_NAME)


# --- Comparing field values ---------------------------------------------------------------------


def _strip_ids(data):
    if isinstance(data, dict):
        if set(data) <= {"type", "value", "id"} and data.get("type") == "item" and "value" in data:
            return _strip_ids(data["value"])
        return {key: _strip_ids(item) for key, item in data.items() if key != "id"}
    if isinstance(data, list):
        return [_strip_ids(item) for item in data]
    return data


def canonical_stream(stream_value):
    """A StreamField value without block ids, in one stable form, for comparison."""
    return _strip_ids(
        [{"type": child.block_type, "value": child.block.get_prep_value(child.value)} for child in stream_value]
    )


def _field_value(instance, name):
    from wagtail.fields import StreamField

    field = instance._meta.get_field(name)
    if isinstance(field, StreamField):
        return canonical_stream(getattr(instance, name))
    if field.is_relation:
        return getattr(instance, field.attname)
    return field.to_python(getattr(instance, name))


def _assign(instance, fields):
    """Set `fields` on `instance`; return the names whose value changed."""
    from wagtail.fields import StreamField

    changed = []
    for name, value in fields.items():
        field = instance._meta.get_field(name)
        if isinstance(field, StreamField):
            new = field.to_python(json.dumps(value) if isinstance(value, list) else value)
            if canonical_stream(getattr(instance, name)) != canonical_stream(new):
                setattr(instance, name, new)
                changed.append(name)
            continue
        if field.is_relation and isinstance(value, int | type(None)):
            if getattr(instance, field.attname) != value:
                setattr(instance, field.attname, value)
                changed.append(name)
            continue
        if field.is_relation:
            if getattr(instance, field.attname) != (value.pk if value is not None else None):
                setattr(instance, name, value)
                changed.append(name)
            continue
        if _field_value(instance, name) != field.to_python(value):
            setattr(instance, name, value)
            changed.append(name)
    return changed


# --- Pages and snippets -------------------------------------------------------------------------


def publish(page):
    revision = page.save_revision()
    revision.publish()
    return page


def upsert_page(parent, model, slug, **fields):
    """Create or update the child of `parent` with this slug, in the parent's locale.

    Only saves a revision and publishes when a field value differs (or the page is not live),
    so running it twice changes nothing. Returns `(page, changed)`.
    """
    page = model.objects.child_of(parent).filter(slug=slug).first()
    if page is None:
        existing = Page.objects.child_of(parent).filter(slug=slug).first()
        if existing is not None:
            raise DemoContentError(f"{existing!r} already uses slug {slug!r} under {parent!r} with another type")
        page = model(slug=slug, locale_id=parent.locale_id, **_with_relations(model, fields))
        parent.add_child(instance=page)
        publish(page)
        return page, True
    changed = _assign(page, fields)
    if changed or not page.live or page.has_unpublished_changes:
        publish(page)
        return page, True
    return page, False


def _with_relations(model, fields):
    """Turn StreamField lists into JSON and plain ids of relations into `<name>_id`."""
    from wagtail.fields import StreamField

    result = {}
    for name, value in fields.items():
        field = model._meta.get_field(name)
        if isinstance(field, StreamField) and isinstance(value, list):
            result[name] = json.dumps(value)
        elif field.is_relation and isinstance(value, int | type(None)):
            result[field.attname] = value
        else:
            result[name] = value
    return result


def upsert_snippet(model, lookup, locale=None, **fields):
    """Create or update a translatable snippet in the source locale, found by `lookup` (a dict).

    Returns `(obj, changed)`.
    """
    locale = locale or get_locale(SOURCE_LANGUAGE)
    obj = model.objects.filter(locale=locale, **lookup).first()
    if obj is None:
        obj = model(locale=locale, **lookup, **_with_relations(model, fields))
        obj.full_clean()
        obj.save()
        return obj, True
    changed = _assign(obj, fields)
    if changed:
        obj.full_clean()
        obj.save()
    return obj, bool(changed)


# --- Translation through wagtail-localize -------------------------------------------------------


def _fill_strings(source, locale, strings, fallback):
    """Store the translation of every string of `source`; return True if anything changed."""
    changed = False
    missing = []
    for segment in source.stringsegment_set.select_related("string", "context"):
        data = segment.string.data
        target = strings.get(data, data if not data.strip() else None)
        if target is None:
            if not fallback:
                missing.append(data)
                continue
            target = data
        existing = StringTranslation.objects.filter(
            translation_of=segment.string, locale=locale, context=segment.context
        ).first()
        if existing is None:
            StringTranslation.objects.create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                data=target,
                translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
            )
            changed = True
        elif existing.data != target or existing.has_error:
            existing.data = target
            existing.has_error = False
            existing.field_error = ""
            existing.save()
            changed = True
    if missing:
        listed = "\n  ".join(sorted(set(missing)))
        raise DemoContentError(f"No {locale.language_code!r} translation for these strings of {source}:\n  {listed}")
    return changed


def translate(instance, translations, *, changed=True, fallback=False):
    """Translate a page or snippet into every language of `translations` through wagtail-localize.

    `translations` is `{"da": {german string: danish string}, "en": {...}}` (see `split_languages`).
    Creates or updates the TranslationSource, a Translation per target locale (so editors can
    keep syncing it in the admin), the StringTranslations, and saves (pages: publishes) the
    target. Nothing is written when the source did not change (`changed=False`), every string
    translation is already stored and the target exists (and is live, for pages).
    With `fallback=True`, strings without a translation keep the German text.
    Returns `{language_code: translated instance}`.
    """
    instance = instance.specific if isinstance(instance, Page) else instance
    source = TranslationSource.objects.get_for_instance_or_none(instance)
    if source is None or changed:
        source, _created = TranslationSource.update_or_create_from_instance(instance)
    results = {}
    for code, strings in translations.items():
        locale = get_locale(code)
        Translation.objects.get_or_create(source=source, target_locale=locale, defaults={"enabled": True})
        strings_changed = _fill_strings(source, locale, strings, fallback)
        target = instance.get_translation_or_none(locale)
        stale = target is None or (isinstance(target, Page) and (not target.live or target.has_unpublished_changes))
        if changed or strings_changed or stale:
            with transaction.atomic():
                if isinstance(instance, Page):
                    target, _created = source.create_or_update_translation(
                        locale, publish=False, copy_parent_pages=False, fallback=fallback
                    )
                    target.get_latest_revision().publish()
                else:
                    target, _created = source.create_or_update_translation(locale, fallback=fallback)
        results[code] = target.specific if isinstance(target, Page) else target
    return results


translate_page = translate
translate_snippet = translate


def build_page(parent, model, slug, **fields):
    """`upsert_page` + `translate_page` in one step, with `T` texts anywhere in the fields.

    `slug` may be a `T` too (translated slugs: /de/buergerportal/, /da/borgerportal/, ...).
    The page is built under the German `parent` and translated into Danish and English;
    its translations land under the parent's translations. Returns the German page.
    """
    german_fields, translations = split_languages(fields)
    german_slug = slug.de if isinstance(slug, T) else slug
    if isinstance(slug, T):
        for code in TARGET_LANGUAGES:
            translations[code][german_slug] = slug.get(code)
    else:
        split_languages(slug, translations)
    page, changed = upsert_page(parent, model, german_slug, **german_fields)
    translate_page(page, translations, changed=changed)
    return page


def build_snippet(model, lookup, **fields):
    """`upsert_snippet` + `translate_snippet` with `T` texts in the fields. Returns the German object."""
    german_fields, translations = split_languages(fields)
    split_languages(lookup, translations)
    obj, changed = upsert_snippet(model, lookup, **german_fields)
    translate_snippet(obj, translations, changed=changed)
    return obj


# --- StreamField values (raw data for website.blocks.BaseStreamBlock) ---------------------------


def heading(text, level="h2"):
    return {"type": "heading", "value": {"text": text, "level": level}}


def paragraph(html):
    return {"type": "paragraph", "value": html}


def image_block(image, alt_text, caption="", credit=""):
    return {
        "type": "image",
        "value": {"image": image.pk, "alt_text": alt_text, "decorative": False, "caption": caption, "credit": credit},
    }


def quote(text, attribution=""):
    return {"type": "quote", "value": {"quote": text, "attribution": attribution}}


def call_to_action(title, text, link_text, page=None, url=""):
    target = {"page": page.pk if page is not None else None, "url": url}
    return {"type": "call_to_action", "value": {"title": title, "text": text, "link_text": link_text, "target": target}}


def list_items(values):
    """ListBlock items in Wagtail's block format (with ids): wagtail-localize only extracts
    strings from list items that carry ids, so plain lists would stay untranslated."""
    return [{"type": "item", "value": value, "id": str(uuid.uuid4())} for value in values]


def faq(title, items):
    """`items`: (question, answer HTML) pairs."""
    return {
        "type": "faq",
        "value": {"title": title, "items": list_items({"question": q, "answer": a} for q, a in items)},
    }


def timeline(title, steps):
    """`steps`: (date label, ISO date or None, title, text) tuples."""
    return {
        "type": "timeline",
        "value": {
            "title": title,
            "steps": list_items(
                {"date_label": label, "date": date, "title": step_title, "text": text}
                for label, date, step_title, text in steps
            ),
        },
    }


def key_figures(title, figures):
    """`figures`: (figure, label) pairs."""
    return {
        "type": "key_figures",
        "value": {"title": title, "figures": list_items({"value": value, "label": label} for value, label in figures)},
    }


def contact_person(person, heading_text=""):
    return {"type": "contact_person", "value": {"person": person.pk, "heading": heading_text}}


def featured_section(title, text, page):
    return {"type": "section", "value": {"title": title, "text": text, "page": page.pk}}
