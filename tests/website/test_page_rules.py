"""Where each website page type may live: one expectation table, one test per row."""

import pytest

from wagtail.models import Page

from website.models import ContentPage, HomePage, NewsIndexPage, NewsPage

PARENT_RULES = [
    # (page type, parent type, may be created there)
    (HomePage, Page, True),
    (HomePage, HomePage, False),
    (HomePage, ContentPage, False),
    (ContentPage, HomePage, True),
    (ContentPage, ContentPage, True),
    (ContentPage, NewsIndexPage, False),
    (ContentPage, NewsPage, False),
    (ContentPage, Page, False),
    (NewsIndexPage, HomePage, True),
    (NewsIndexPage, ContentPage, False),
    (NewsIndexPage, NewsIndexPage, False),
    (NewsIndexPage, Page, False),
    (NewsPage, NewsIndexPage, True),
    (NewsPage, HomePage, False),
    (NewsPage, ContentPage, False),
    (NewsPage, NewsPage, False),
    (NewsPage, Page, False),
]


@pytest.mark.parametrize(
    ("model", "parent_model", "allowed"),
    PARENT_RULES,
    ids=[f"{m.__name__}-under-{p.__name__}-{'yes' if a else 'no'}" for m, p, a in PARENT_RULES],
)
def test_page_type_may_exist_under_parent_type_only_as_the_table_says(model, parent_model, allowed):
    assert (parent_model in model.allowed_parent_page_models()) is allowed
    assert (model in parent_model.allowed_subpage_models()) is allowed


def test_news_page_cannot_have_children():
    assert NewsPage.allowed_subpage_models() == []


def test_news_page_cannot_be_created_directly_under_the_home_page(home):
    assert not NewsPage.can_create_at(home)


def test_content_page_can_be_created_under_the_home_page(home):
    assert ContentPage.can_create_at(home)
