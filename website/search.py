"""Full-text matching for the search page, on the database search backend's index, in the
reader's language.

Each language searches its own pages (the views filter on the locale) with words matched
the way that language bends them:

- On PostgreSQL every page's words are indexed with its language's text-search
  configuration (``french``, ``spanish``; the backend's own for English), and a query is
  parsed with the reader's, so "villes" finds "ville" and "ciudades" finds "ciudad".
  modelsearch takes one configuration for the whole index (``SEARCH_CONFIG``), read by its
  ``ObjectIndexer``; ``index_in_page_language`` gives that indexer the page's language.
- On SQLite the FTS5 table is tokenized with ``unicode61 remove_diacritics 2`` (migration
  website 0003), so "Medellin" finds "Medellín", "Noi" finds "Nội", and the reverse. SQLite
  has no French or Spanish stemmer: there, "villes" finds "villes" only.
"""

from django.db import connection
from django.db.models.signals import post_delete, post_save
from modelsearch.conf import get_app_config
from modelsearch.query import Not
from modelsearch.utils import get_descendants_content_types_pks
from wagtail.models import Locale
from wagtail.search.backends import get_search_backend
from wagtail.search.utils import parse_query_string

# PostgreSQL's text-search configuration per content language; others use the backend's
# (``SEARCH_CONFIG``, unset: the database's ``default_text_search_config``).
TEXT_SEARCH_CONFIGS = {"fr": "french", "es": "spanish"}

# The SQLite FTS5 tokenizer: accents and other diacritics fold away, in the index and in
# queries alike (2 also folds letters that carry two, as Vietnamese does).
SQLITE_TOKENIZER = "unicode61 remove_diacritics 2"


def ranks_well():
    """Whether "best match" ordering is offered: PostgreSQL ranks in the index scan's query,
    while the SQLite backend scores each match in a correlated subquery (seconds for a
    word in thousands of posts)."""
    return connection.vendor == "postgresql"


def text_search_config(language_code, default=None):
    """The PostgreSQL configuration that stems ``language_code``'s words."""
    return TEXT_SEARCH_CONFIGS.get(language_code, default)


def matching(model, query, ranked=False, language=None):
    """Every ``model`` page containing each word and "quoted phrase" of ``query``, as a
    queryset to filter further; by relevance if ``ranked`` (PostgreSQL only), unordered
    otherwise. ``language`` stems the words on PostgreSQL; the caller keeps the pages of
    that language (the index holds every language's)."""
    _, parsed = parse_query_string(query, operator="and")
    if isinstance(parsed, Not):  # a query of nothing but quotes: "not everything"
        return model.objects.none()
    if connection.vendor == "sqlite":
        return model.objects.filter(pk__in=_sqlite_matches(model, parsed))
    backend = get_search_backend()
    compiler = backend.query_compiler_class(model.objects.all(), parsed, order_by_relevance=ranked)
    compiler.check()
    config = text_search_config(language, backend.config)
    return compiler.search(config, 0, None, backend=backend)


def _sqlite_matches(model, parsed):
    """The ids of ``model``'s index entries matching ``parsed``, as a subquery.

    The backend's own subquery joins each FTS5 match to its index entry row by rowid, and
    those rows hold the indexed text, about one per database page: 5,000 matches read 5,000
    pages. Checking the FTS5 rowids against the index on (content type, object id), which
    carries the rowid, reads a few.
    """
    from modelsearch.backends.database.sqlite.query import MatchExpression  # SQLite only

    app = get_app_config()
    compiler = get_search_backend().query_compiler_class(model.objects.all(), parsed)
    match = MatchExpression(compiler.FTS_TABLE_FIELDS, compiler.build_search_query(parsed))
    rowids = app.get_model("SQLiteFTSIndexEntry").objects.filter(match).values("index_entry_id")
    return (
        app.get_model("IndexEntry")
        .objects.filter(content_type_id__in=get_descendants_content_types_pks(model), pk__in=rowids)
        .values("object_id")
    )


_languages = {}  # Locale pk → language code, read once per process (and after edits)


def language_of(obj):
    """The language code of a page (anything with a locale), or None."""
    locale_id = getattr(obj, "locale_id", None)
    if locale_id is None:
        return None
    if locale_id not in _languages:
        _languages.update(Locale.objects.values_list("pk", "language_code"))
    return _languages.get(locale_id)


def _forget_languages(**kwargs):
    _languages.clear()


def index_in_page_language():
    """On PostgreSQL, build each object's tsvectors with its language's configuration.

    modelsearch (1.3) builds them in ``postgres.ObjectIndexer`` from ``backend.config``,
    one configuration for every object; this subclass, put in its place, picks the page's.
    An upgrade of modelsearch must re-check that class (a test indexes a French page and
    finds it by a stemmed word).
    """
    post_save.connect(_forget_languages, sender=Locale, dispatch_uid="search-languages-save")
    post_delete.connect(_forget_languages, sender=Locale, dispatch_uid="search-languages-del")
    if connection.vendor != "postgresql":
        return
    from modelsearch.backends.database.postgres import postgres

    if getattr(postgres.ObjectIndexer, "by_page_language", False):
        return

    class PageLanguageIndexer(postgres.ObjectIndexer):
        by_page_language = True

        def __init__(self, obj, backend):
            super().__init__(obj, backend)
            self.config = text_search_config(language_of(obj), backend.config)

    postgres.ObjectIndexer = PageLanguageIndexer
