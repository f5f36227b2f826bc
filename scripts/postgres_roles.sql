-- GasDesk on PostgreSQL: the shared database and its three roles, each with the least
-- rights it needs. Run once per server, as its superuser (docs/deployment.md):
--
--   psql -v ON_ERROR_STOP=1 -v owner_password='...' -v app_password='...' \
--        -v backup_password='...' -f scripts/postgres_roles.sql
--
-- gasdesk_owner   owns the schema; runs `gasdesk migrate` (the administrator only)
-- gasdesk_app     the counters' login: reads and writes rows, never the schema; its
--                 table rights are given by `gasdesk migrate --grant gasdesk_app`
-- gasdesk_backup  reads everything for pg_dump, writes nothing
--
-- scripts/deploy_postgres_check.py runs this file on a throw-away server.

\set ON_ERROR_STOP on

CREATE ROLE gasdesk_owner LOGIN PASSWORD :'owner_password';
CREATE ROLE gasdesk_app LOGIN PASSWORD :'app_password';
CREATE ROLE gasdesk_backup LOGIN PASSWORD :'backup_password';
GRANT pg_read_all_data TO gasdesk_backup;

CREATE DATABASE gasdesk OWNER gasdesk_owner ENCODING 'UTF8' TEMPLATE template0;
-- nobody else connects, nobody else makes temporary tables
REVOKE ALL ON DATABASE gasdesk FROM PUBLIC;
GRANT CONNECT ON DATABASE gasdesk TO gasdesk_app, gasdesk_backup;

\connect gasdesk
-- the schema is the owner's alone; the others may only look up names in it
ALTER SCHEMA public OWNER TO gasdesk_owner;
REVOKE ALL ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO gasdesk_app, gasdesk_backup;
