"""`gasdesk migrate`: bring the database's schema up to this version, and on a shared
PostgreSQL database give the counters' role the rights it needs (storage/pg_grants.py).

Run by the administrator with the schema's owner role before the counters start a
new version (the counters' role may not change the schema):

    GASDESK_DATABASE_URL=postgresql://gasdesk_owner@server/gasdesk \\
        gasdesk migrate --grant gasdesk_app --key /secure/place/audit.key

On a new database it also makes the audit key file (--key, else the default place),
which then goes to every counter before its first start (docs/deployment.md)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable


def run(
    argv: list[str],
    common: Callable[[argparse.ArgumentParser], None],
    open_db: Callable[..., int],
) -> int:
    p = argparse.ArgumentParser(
        prog="gasdesk migrate",
        description="Bring the database schema up to this version of GasDesk; on a shared "
        "PostgreSQL database, run it as the owner role and give the counters' role its "
        "rights with --grant.",
    )
    common(p)
    p.add_argument(
        "--grant",
        metavar="ROLE",
        help="PostgreSQL: give ROLE (the counters' login) the least rights they need on "
        "every table; repeat after every upgrade",
    )
    args = p.parse_args(argv)
    if (code := open_db(args)) != 0:  # a mistyped --db is refused, not made
        return code
    from peewee import PostgresqlDatabase

    from gasdesk.services.about import database_facts
    from gasdesk.storage import audit
    from gasdesk.storage.models import db

    facts = database_facts()
    print(
        f"Schema of {facts.where}: version {facts.schema_version} (this GasDesk: {facts.latest_schema})."
    )
    ring = audit.key_ring()
    if ring is not None and audit.head()[0] == 0:
        print(
            f"The audit key file of this new database is {ring.path} (key "
            f"{', '.join(ring.fingerprints)}): copy it to every counter before its first "
            "start, and keep a copy apart from the database backups."
        )
    if args.grant:
        if not isinstance(db.obj, PostgresqlDatabase):
            print("gasdesk: --grant is for a shared PostgreSQL database.", file=sys.stderr)
            return 1
        from gasdesk.storage.pg_grants import grant_counter_rights

        try:
            rights = grant_counter_rights(db.obj, args.grant)
        except Exception as exc:  # the role does not exist, or this role may not grant
            print(f"gasdesk: the rights were not granted: {exc}".rstrip(), file=sys.stderr)
            return 1
        append_only = sorted(t for t, r in rights.items() if "UPDATE" not in r)
        print(
            f"Granted {args.grant}: rows of {len(rights)} tables; no UPDATE on "
            f"{', '.join(append_only)}; DELETE only on "
            f"{', '.join(sorted(t for t, r in rights.items() if 'DELETE' in r))}."
        )
    return 0
