"""SQLite FTS5 search with prefix stems and ß/ss spelled both ways (see database.py).

Imported only on SQLite: Wagtail's SQLite module needs the FTS index model, which
exists only there.
"""

from modelsearch.backends.database.sqlite.query import Lexeme, SearchQueryExpression
from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchBackend, SQLiteSearchQueryCompiler
from modelsearch.query import PlainText

from .languages import light_stem, spelling_variants


class PrefixStemSQLiteSearchQueryCompiler(SQLiteSearchQueryCompiler):
    def build_search_query_content(self, query, config=None):
        if not isinstance(query, PlainText):
            return super().build_search_query_content(query, config=config)
        combined = None
        for term in query.query_string.split():
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

    def for_language(self, language):
        return self
