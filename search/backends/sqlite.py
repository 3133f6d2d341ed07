"""SQLite FTS5 search with prefix stems and ß/ss spelled both ways (see database.py).

Imported only on SQLite: Wagtail's SQLite module needs the FTS index model, which
exists only there.

Only words reach FTS5's query language: each term is cut into its letters and digits (as
FTS5's ``unicode61`` tokenizer cuts the indexed text) and every word is a quoted string, so
quotes, ``$``, ``{``, ``:``, ``*``, ``^``, ``NEAR``, column names and the like are never read
as syntax. A query without any word finds nothing instead of failing.
"""

import re

from modelsearch.backends.base import EmptySearchResults
from modelsearch.backends.database.sqlite.query import Lexeme, SearchQueryExpression
from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchBackend, SQLiteSearchQueryCompiler
from modelsearch.query import Phrase, PlainText

from .languages import light_stem, spelling_variants

WORD_RE = re.compile(r"[^\W_]+")


def fts_words(text):
    """The words of a query as FTS5's unicode61 tokenizer sees them: runs of letters and digits."""
    return WORD_RE.findall(text or "")


class PrefixStemSQLiteSearchQueryCompiler(SQLiteSearchQueryCompiler):
    def build_search_query_content(self, query, config=None):
        if isinstance(query, Phrase):
            # A phrase of words only; Wagtail would hand its text to MATCH unquoted.
            return SearchQueryExpression('"' + " ".join(fts_words(query.query_string)) + '"', config=config)
        if not isinstance(query, PlainText):
            return super().build_search_query_content(query, config=config)
        combined = None
        for term in fts_words(query.query_string):
            alternatives = None
            for variant in spelling_variants(light_stem(term.lower())):
                lexeme = Lexeme(variant, prefix=True)
                alternatives = lexeme if alternatives is None else alternatives | lexeme
            if combined is None:
                combined = alternatives
            elif query.operator.upper() == "AND":
                combined = combined & alternatives
            else:
                combined = combined | alternatives
        if combined is None:
            return None
        return SearchQueryExpression(combined, config=config)


class PrefixStemSQLiteSearchBackend(SQLiteSearchBackend):
    query_compiler_class = PrefixStemSQLiteSearchQueryCompiler

    def _search(self, query_compiler_class, query, model_or_queryset, **kwargs):
        text = query if isinstance(query, str) else getattr(query, "query_string", None)
        if text is not None and not fts_words(text):
            return EmptySearchResults()
        return super()._search(query_compiler_class, query, model_or_queryset, **kwargs)

    def for_language(self, language):
        return self
