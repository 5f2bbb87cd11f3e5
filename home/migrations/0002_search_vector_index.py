"""A GIN index the PostgreSQL search can use.

modelsearch's PostgreSQL backend matches ``title || body`` against the query, an
expression its per-column GIN indexes cannot serve, and whose cost (building a
new vector for each row) PostgreSQL does not know: it reads and concatenates the
vectors of every indexed row. ``home_search_vector`` is that concatenation with
its real cost declared, and the index is built over it; the backend
(``home.search_backends.database``) matches against the same function, so the
planner uses the index instead of a scan. plpgsql, because a plain SQL function
would be inlined back into ``title || body`` and lose both the cost and the index.

Other databases have no tsvector: nothing to do there.
"""

from django.db import migrations

from home.postgres import PostgresOnlySQL

TABLE = "wagtailsearch_indexentry"

CREATE = f"""
CREATE OR REPLACE FUNCTION home_search_vector(title tsvector, body tsvector) RETURNS tsvector
    LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE COST 1000
    AS $$ BEGIN RETURN title || body; END $$;
CREATE INDEX IF NOT EXISTS home_search_vector_gin ON {TABLE} USING gin (home_search_vector(title, body));
"""
DROP = """
DROP INDEX IF EXISTS home_search_vector_gin;
DROP FUNCTION IF EXISTS home_search_vector(tsvector, tsvector);
"""


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0001_initial"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [PostgresOnlySQL(sql=CREATE, reverse_sql=DROP)]
