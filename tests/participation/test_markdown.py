"""The tiny Markdown subset: escape first, then a few safe patterns."""

import pytest

from participation.core.markdown import plain_excerpt, render


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("**fett** und *kursiv*", "<p><strong>fett</strong> und <em>kursiv</em></p>"),
        ("Zeile 1\nZeile 2", "<p>Zeile 1<br>Zeile 2</p>"),
        ("Absatz 1\n\nAbsatz 2", "<p>Absatz 1</p><p>Absatz 2</p>"),
        ("- eins\n- zwei", "<ul><li>eins</li><li>zwei</li></ul>"),
        ("2 * 3 * 4", "<p>2 * 3 * 4</p>"),
    ],
)
def test_supported_patterns(text, expected):
    assert render(text) == expected


@pytest.mark.parametrize(
    "hostile",
    [
        "<script>alert(1)</script>",
        '<img src=x onerror="alert(1)">',
        "**<b onclick=alert(1)>x</b>**",
        "[klick](javascript:alert(1))",
        'https://example.org/"onmouseover="alert(1)',
    ],
)
def test_nothing_typed_becomes_markup(hostile):
    html = render(hostile)
    assert "<script" not in html
    assert "<img" not in html
    assert "<b " not in html
    assert 'href="javascript' not in html
    assert '"onmouseover' not in html


def test_links_are_nofollow_and_keep_trailing_punctuation_outside():
    html = render("Siehe https://www.flensburg.de/digital.")
    assert '<a href="https://www.flensburg.de/digital" rel="nofollow ugc noopener">' in html
    assert "</a>." in html


def test_excerpt_drops_marks_and_shortens():
    assert plain_excerpt("**Wichtig**: " + "Wort " * 100, 40).endswith("…")
    assert "**" not in plain_excerpt("**Wichtig**")
