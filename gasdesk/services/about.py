"""What the About box shows of the database: which one, and its schema version
against the newest this program knows."""

from __future__ import annotations

from dataclasses import dataclass

from peewee import PostgresqlDatabase

from gasdesk.storage.migrations import current_version, latest_version
from gasdesk.storage.models import db


@dataclass(frozen=True)
class DatabaseFacts:
    schema_version: int  # the newest migration applied to this database
    latest_schema: int  # the newest migration this program has
    shared: bool  # PostgreSQL (several counters) rather than an SQLite file
    where: str  # the file, or user@host:port/database (never a password)


def database_facts() -> DatabaseFacts:
    database = db.obj
    if isinstance(database, PostgresqlDatabase):
        params = database.connect_params
        host = params.get("host") or "localhost"
        port = f":{params['port']}" if params.get("port") else ""
        user = f"{params['user']}@" if params.get("user") else ""
        where = f"{user}{host}{port}/{database.database}"
    else:
        where = str(database.database)
    return DatabaseFacts(
        schema_version=current_version(database),
        latest_schema=latest_version(),
        shared=isinstance(database, PostgresqlDatabase),
        where=where,
    )
