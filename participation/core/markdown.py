"""A tiny, safe Markdown subset for citizens' texts (ideas), rendered without any dependency.

The text is stored exactly as typed. On output it is HTML-escaped *first*; only then
are a few patterns turned into tags, so nothing the author typed can become markup:

- blank line → new paragraph, single line break → ``<br>``
- lines starting with "- " or "* " → a bulleted list
- ``**bold**`` → ``<strong>``, ``*italic*`` → ``<em>``
- bare ``http(s)://`` addresses → links with ``rel="nofollow ugc noopener"``

No images, no raw HTML, no headings (they would break the page's heading order).
"""

import re

from django.utils.html import escape
from django.utils.safestring import mark_safe

_BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")
_ITALIC = re.compile(r"(?<![\w*])\*(?=\S)([^*]+?)(?<=\S)\*(?![\w*])")
# Escaped text: & < > " ' are entities, so a URL ends at whitespace or an entity-start "&lt;".
_URL = re.compile(r"\bhttps?://[^\s<>&]+(?:&amp;[^\s<>&]+)*")
_LIST_ITEM = re.compile(r"^\s*[-*]\s+(.*)$")
_TRAILING_PUNCTUATION = ".,;:!?)"


def _link(match):
    url = match.group(0)
    trailing = ""
    while url and url[-1] in _TRAILING_PUNCTUATION:
        trailing = url[-1] + trailing
        url = url[:-1]
    return f'<a href="{url}" rel="nofollow ugc noopener">{url}</a>{trailing}'


def _inline(escaped_line):
    line = _URL.sub(_link, escaped_line)
    # Emphasis must not touch the URLs inside href="…": split on tags and only format text.
    parts = re.split(r"(<a [^>]*>.*?</a>)", line)
    for index, part in enumerate(parts):
        if not part.startswith("<a "):
            part = _BOLD.sub(r"<strong>\1</strong>", part)
            parts[index] = _ITALIC.sub(r"<em>\1</em>", part)
    return "".join(parts)


def _block(lines):
    """One paragraph's lines → a <ul> for list lines, <p> for the rest (mixed blocks are split)."""
    html, paragraph, items = [], [], []

    def flush_paragraph():
        if paragraph:
            html.append("<p>" + "<br>".join(paragraph) + "</p>")
            paragraph.clear()

    def flush_items():
        if items:
            html.append("<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>")
            items.clear()

    for line in lines:
        item = _LIST_ITEM.match(line)
        if item:
            flush_paragraph()
            items.append(_inline(item.group(1)))
        else:
            flush_items()
            paragraph.append(_inline(line.strip()))
    flush_paragraph()
    flush_items()
    return "".join(html)


def render(text):
    """Safe HTML for `text` (str); empty string for empty input."""
    escaped = escape(text or "").replace("\r\n", "\n").replace("\r", "\n")
    blocks = re.split(r"\n\s*\n", escaped.strip())
    return mark_safe("".join(_block(block.split("\n")) for block in blocks if block.strip()))  # noqa: S308 - escaped above


def plain_excerpt(text, length=240):
    """The text without formatting marks, shortened for listings (escaped by the template)."""
    plain = re.sub(r"\*\*|(?<!\w)\*(?=\S)|(?<=\S)\*(?!\w)", "", text or "")
    plain = re.sub(r"^\s*[-*]\s+", "", plain, flags=re.M)
    plain = " ".join(plain.split())
    return plain if len(plain) <= length else plain[: length - 1].rsplit(" ", 1)[0] + "…"
