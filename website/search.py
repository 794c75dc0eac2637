"""Full-text matching for the search page, on the database search backend's index."""

from django.db import connection
from modelsearch.conf import get_app_config
from modelsearch.query import Not
from modelsearch.utils import get_descendants_content_types_pks
from wagtail.search.backends import get_search_backend
from wagtail.search.utils import parse_query_string


def ranks_well():
    """Whether "best match" ordering is offered: PostgreSQL ranks in the index scan's query,
    while the SQLite backend scores each match in a correlated subquery (seconds for a
    word in thousands of posts)."""
    return connection.vendor == "postgresql"


def matching(model, query, ranked=False):
    """Every ``model`` page containing each word and "quoted phrase" of ``query``, as a
    queryset to filter further; by relevance if ``ranked`` (PostgreSQL only), unordered
    otherwise."""
    _, parsed = parse_query_string(query, operator="and")
    if isinstance(parsed, Not):  # a query of nothing but quotes: "not everything"
        return model.objects.none()
    if connection.vendor == "sqlite":
        return model.objects.filter(pk__in=_sqlite_matches(model, parsed))
    return model.objects.search(parsed, order_by_relevance=ranked).get_queryset()


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
