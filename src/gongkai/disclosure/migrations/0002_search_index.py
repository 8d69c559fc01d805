"""Full-text index over ``SearchEntry``: FTS5 on SQLite, a tsvector + GIN on PostgreSQL."""

from django.db import migrations

SQLITE_UP = [
    """CREATE VIRTUAL TABLE disclosure_fts USING fts5(
        title_tokens, body_tokens,
        content='disclosure_searchentry', content_rowid='item_id',
        tokenize='unicode61 remove_diacritics 0')""",
    """CREATE TRIGGER disclosure_fts_ai AFTER INSERT ON disclosure_searchentry BEGIN
        INSERT INTO disclosure_fts(rowid, title_tokens, body_tokens)
        VALUES (new.item_id, new.title_tokens, new.body_tokens);
    END""",
    """CREATE TRIGGER disclosure_fts_ad AFTER DELETE ON disclosure_searchentry BEGIN
        INSERT INTO disclosure_fts(disclosure_fts, rowid, title_tokens, body_tokens)
        VALUES ('delete', old.item_id, old.title_tokens, old.body_tokens);
    END""",
    """CREATE TRIGGER disclosure_fts_au AFTER UPDATE ON disclosure_searchentry BEGIN
        INSERT INTO disclosure_fts(disclosure_fts, rowid, title_tokens, body_tokens)
        VALUES ('delete', old.item_id, old.title_tokens, old.body_tokens);
        INSERT INTO disclosure_fts(rowid, title_tokens, body_tokens)
        VALUES (new.item_id, new.title_tokens, new.body_tokens);
    END""",
]
SQLITE_DOWN = [
    "DROP TRIGGER IF EXISTS disclosure_fts_au",
    "DROP TRIGGER IF EXISTS disclosure_fts_ad",
    "DROP TRIGGER IF EXISTS disclosure_fts_ai",
    "DROP TABLE IF EXISTS disclosure_fts",
]

_VECTOR = (
    "CASE WHEN btrim({col}) = '' THEN ''::tsvector "
    "ELSE array_to_tsvector(regexp_split_to_array(btrim({col}), '\\s+')) END"
)
POSTGRES_UP = [
    "ALTER TABLE disclosure_searchentry ADD COLUMN search_vector tsvector "
    f"GENERATED ALWAYS AS ({_VECTOR.format(col='title_tokens')} || "
    f"{_VECTOR.format(col='body_tokens')}) STORED",
    "CREATE INDEX disclosure_search_vector ON disclosure_searchentry USING GIN (search_vector)",
]
POSTGRES_DOWN = [
    "DROP INDEX IF EXISTS disclosure_search_vector",
    "ALTER TABLE disclosure_searchentry DROP COLUMN IF EXISTS search_vector",
]


def _run(statements: dict[str, list[str]]):
    def run(apps, schema_editor):
        for sql in statements.get(schema_editor.connection.vendor, []):
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("disclosure", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE_UP, "postgresql": POSTGRES_UP}),
            _run({"sqlite": SQLITE_DOWN, "postgresql": POSTGRES_DOWN}),
        )
    ]
