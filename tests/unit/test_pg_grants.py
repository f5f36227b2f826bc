"""The counters' rights on a shared database (storage/pg_grants.py), read from a real
migrated schema: no UPDATE where rows are append-only, DELETE only where rows are
replaced, nothing on the schema table but reading."""

from __future__ import annotations

import pytest

from gasdesk.storage.migrations import APPEND_ONLY_TABLES
from gasdesk.storage.models import ImportBatch
from gasdesk.storage.models_accounts import APPEND_ONLY_ACCOUNT_TABLES
from gasdesk.storage.models_cards import CARD_MODELS
from gasdesk.storage.models_credits import APPEND_ONLY_CREDIT_TABLES
from gasdesk.storage.models_dayend import DAYEND_MODELS
from gasdesk.storage.models_fapiao import FAPIAO_MODELS
from gasdesk.storage.models_household import HOUSEHOLD_MODELS
from gasdesk.storage.pg_grants import grant_statements, table_rights
from tests.pg_support import backend, backend_database, pg_url  # noqa: F401


def test_rights_follow_the_append_only_triggers(backend_database, backend) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    if backend != "pg":
        pytest.skip("roles and grants are PostgreSQL's")
    rights = table_rights(backend_database)
    protected = {  # every table a migration declares append-only
        *APPEND_ONLY_TABLES,
        *APPEND_ONLY_ACCOUNT_TABLES,
        *APPEND_ONLY_CREDIT_TABLES,
        *(m._meta.table_name for m in [*DAYEND_MODELS, *CARD_MODELS, *FAPIAO_MODELS]),
        *(m._meta.table_name for m in HOUSEHOLD_MODELS),
        ImportBatch._meta.table_name,
    }
    assert protected <= set(rights)
    for table, granted in rights.items():
        assert granted[:1] == ("SELECT",)
        assert ("UPDATE" in granted) == (table not in protected and table != "gasdesk_schema")
        assert ("DELETE" in granted) == (table == "search_gram")
    assert rights["gasdesk_schema"] == ("SELECT",)
    assert rights["receipt_counter"] == ("SELECT", "INSERT", "UPDATE")
    statements = grant_statements(backend_database, "gasdesk_app")
    assert 'GRANT SELECT, INSERT ON TABLE "public"."payment" TO "gasdesk_app"' in statements


def test_a_role_name_is_never_spliced_into_sql(backend_database, backend) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    if backend != "pg":
        pytest.skip("roles and grants are PostgreSQL's")
    with pytest.raises(ValueError):
        grant_statements(backend_database, 'app"; DROP TABLE payment; --')
