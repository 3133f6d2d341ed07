"""What the search page offers beside the hits: highlighted snippets, "did you mean",
related topic fields and editors' promoted results.
"""

import logging
import re

from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page

from projects.models import AdministrativeService

from .backends.languages import WORD_RE, fold_ascii, light_stem
from .sources import Hit

logger = logging.getLogger(__name__)

# ---------------------------------------------------------------------------
# Snippets
# ---------------------------------------------------------------------------


def highlight(text, terms, length=240):
    """An escaped excerpt of `text` around the first match, each matching word in <mark>."""
    text = " ".join(strip_tags(text or "").split())
    if not text:
        return ""
    stems = [light_stem(fold_ascii(term)) for term in terms if term]
    spans = [
        match.span()
        for match in WORD_RE.finditer(text)
        if stems and any(fold_ascii(match.group()).startswith(stem) for stem in stems)
    ]
    start = 0
    if spans and spans[0][0] > length // 3:
        start = text.rfind(" ", 0, spans[0][0] - length // 3) + 1
    end = min(len(text), start + length)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    pieces = ["…" if start else ""]
    cursor = start
    for span_start, span_end in spans:
        if span_start < start or span_end > end:
            continue
        pieces.append(escape(text[cursor:span_start]))
        pieces.append(f"<mark>{escape(text[span_start:span_end])}</mark>")
        cursor = span_end
    pieces.append(escape(text[cursor:end]))
    if end < len(text):
        pieces.append("…")
    return mark_safe("".join(pieces))  # noqa: S308 - every piece of text is escaped above


# ---------------------------------------------------------------------------
# Help when nothing is found
# ---------------------------------------------------------------------------


def _vocabulary(context):
    from django.core.cache import cache

    key = f"search:vocabulary:{context.language}"
    vocabulary = cache.get(key)
    if vocabulary is None:
        titles = list(Page.objects.live().public().filter(locale=context.locale).values_list("title", flat=True))
        titles += list(AdministrativeService.objects.filter(locale=context.locale).values_list("name", flat=True))
        vocabulary = {}
        for title in titles:
            for word in WORD_RE.findall(title):
                if len(word) >= 4 and not word.isdigit():
                    vocabulary.setdefault(fold_ascii(word), word)
        cache.set(key, vocabulary, 600)
    return vocabulary


def spelling_suggestion(query, context):
    """The query with each word not found in any indexed title replaced by the closest one."""
    import difflib

    vocabulary = _vocabulary(context)
    if not vocabulary or not query.terms:
        return ""
    words = list(vocabulary)
    changed, suggestion = False, []
    for term in query.terms:
        folded = fold_ascii(term)
        if len(folded) < 4 or any(word.startswith(light_stem(folded)) for word in words):
            suggestion.append(term)
            continue
        close = difflib.get_close_matches(folded, words, n=1, cutoff=0.72)
        if close:
            suggestion.append(vocabulary[close[0]])
            changed = True
        else:
            suggestion.append(term)
    return " ".join(suggestion) if changed else ""


def related_topics(query, context, limit=6):
    """Topic fields ({"title", "url"}) whose title shares a word stem with the query, else all of them."""
    topics = context.topics.all()
    stems = [light_stem(fold_ascii(term))[:5] for term in query.terms if len(term) >= 4]
    related = [
        topic
        for topic in topics
        if any(fold_ascii(word).startswith(stem) for stem in stems for word in WORD_RE.findall(topic[1]))
    ]
    return topic_links(context, (related or topics)[:limit])


def topic_links(context, topics):
    pages = {page.pk: page for page in context.topics.model.objects.filter(pk__in=[pk for pk, _title in topics])}
    return [{"title": title, "url": pages[pk].get_url(context.request)} for pk, title in topics if pk in pages]


_PROMOTION_LIMIT = 3
_SAFE_QUERY_RE = re.compile(r"\s+")


def promotions(query_text, context):
    """Editors' promoted results for this query, as hits in the reader's language."""
    from wagtail.contrib.search_promotions.models import Query as PromotedQuery

    normalised = _SAFE_QUERY_RE.sub(" ", query_text.strip().lower())[:255]
    if not normalised:
        return []
    query = PromotedQuery.objects.filter(query_string=normalised).first()
    if query is None:
        return []
    hits = []
    for position, promotion in enumerate(query.editors_picks.select_related("page").order_by("sort_order")):
        page = promotion.page
        if page is not None:
            page = page.get_translation_or_none(context.locale) or page
            if not page.live or page.locale_id != context.locale.pk:
                continue
            page = page.specific
            url, title = page.get_url(context.request) or "", page.title
            kind, kind_label = page._meta.model_name, page._meta.verbose_name
        elif promotion.external_link_url:
            url, title = promotion.external_link_url, promotion.external_link_text or promotion.external_link_url
            kind, kind_label = "link", _("Link")
        else:
            continue
        hits.append(
            Hit(
                kind=kind,
                kind_label=kind_label,
                title=title,
                url=url,
                obj=page,
                position=position,
                promoted=True,
                text_parts=[promotion.description],
            )
        )
        if len(hits) >= _PROMOTION_LIMIT:
            break
    return hits
