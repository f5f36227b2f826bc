#!/usr/bin/env python3
"""Checks docs/deployment.md on a throw-away PostgreSQL server on loopback, step by
step as the IT person follows it:

 1. a server (initdb in a temporary folder, password logins only);
 2. the database and its roles from scripts/postgres_roles.sql;
 3. the schema and the counters' rights with `gasdesk migrate --grant gasdesk_app`
    as the owner role (which also makes the audit key);
 4. the first run for the whole company (both offices, the first supervisor) and two
    tellers, as the counters' role;
 5. two counters, each a process of its own with its own data folder and its copy of
    the key: log in, open a shift, pay at the same moment, one void, count the drawer
    and close the shift; then the supervisor closes the day;
 6. receipts gapless and each once, payments equal to the balances they moved, and
    `gasdesk verify` as the counters' role;
 7. what the counters' and the backup role may NOT do (schema, append-only rows), and
    an upgrade: refused to the counters' role with the way to do it, done by the owner;
 8. a pg_dump as the backup role, restored into a new database: the same rows, the
    same audit head, and `gasdesk verify` finds nothing wrong in it.

    python scripts/deploy_postgres_check.py [--payments N] [--keep]

Run it from the project's root with the project's Python (GasDesk and psycopg2
importable). It needs PostgreSQL's server programs (GASDESK_PG_BIN, else the newest
/usr/lib/postgresql/*/bin); run as root, the server runs as the user `postgres`.
Prints each step with its time, then the figures; exit code 0 when every check held."""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

PASSWORDS = {
    "postgres": "superuser-pw",
    "gasdesk_owner": "owner-pw",
    "gasdesk_app": "app-pw",
    "gasdesk_backup": "backup-pw",
}
STAFF_PASSWORD = "counter2026"
FLOAT = {10000: 2, 1000: 5, 100: 10, 10: 10, 1: 10}  # the opening float, by denomination
ACCOUNTS = [
    ("1001000001", "张建国", "13905330001"),
    ("1001000002", "李秀英", "13905330002"),
    ("1001000003", "王志强", "13905330003"),
]


class CheckFailed(Exception):
    pass


def check(condition: bool, what: str) -> None:
    if not condition:
        raise CheckFailed(what)


def pg_bin() -> Path:
    if os.environ.get("GASDESK_PG_BIN"):
        return Path(os.environ["GASDESK_PG_BIN"])
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda p: int(p.parts[-3]))
    if not found:
        raise SystemExit("deploy check: PostgreSQL is not installed (apt-get install postgresql)")
    return found[-1].parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Server:
    """A PostgreSQL server in a temporary folder, on loopback, with password logins."""

    def __init__(self, work: Path) -> None:
        self.bin = pg_bin()
        self.port = free_port()
        self.folder = Path(tempfile.mkdtemp(prefix="gasdesk-deploy-pg-"))
        self.data = self.folder / "data"
        self.runas = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        self.passfile = work / "pgpass"
        self.passfile.write_text(
            "".join(f"127.0.0.1:{self.port}:*:{role}:{pw}\n" for role, pw in PASSWORDS.items())
        )
        self.passfile.chmod(0o600)

    def start(self) -> None:
        pwfile = self.folder / "pw"
        pwfile.write_text(PASSWORDS["postgres"] + "\n")
        if self.runas:
            shutil.chown(self.folder, "postgres")
            shutil.chown(pwfile, "postgres")
        pwfile.chmod(0o600)
        self._run(
            "initdb", "-D", str(self.data), "-U", "postgres", "--auth=scram-sha-256",
            "--pwfile", str(pwfile), "-E", "UTF8", "--no-locale",
        )  # fmt: skip
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off"
        self._run(
            "pg_ctl", "-D", str(self.data), "-o", options, "-l", str(self.folder / "log"),
            "-w", "start",
        )  # fmt: skip

    def stop(self) -> None:
        if self.data.exists():
            subprocess.run(
                [*self.runas, str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "fast", "-w",
                 "stop"],
                capture_output=True,
            )  # fmt: skip
        shutil.rmtree(self.folder, ignore_errors=True)

    def _run(self, program: str, *args: str) -> None:
        done = subprocess.run(
            [*self.runas, str(self.bin / program), *args], capture_output=True, text=True
        )
        if done.returncode != 0:
            raise CheckFailed(f"{program} failed: {done.stdout}{done.stderr}")

    def url(self, role: str, database: str = "gasdesk") -> str:
        return f"postgresql://{role}@127.0.0.1:{self.port}/{database}"

    def env(self, **extra: str) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if k != "GASDESK_DATABASE_URL"}
        return {**env, "PGPASSFILE": str(self.passfile), "PYTHONPATH": str(ROOT), **extra}

    def client(self, program: str, *args: str) -> str:
        done = subprocess.run(
            [str(self.bin / program), "-h", "127.0.0.1", "-p", str(self.port), *args],
            capture_output=True,
            text=True,
            env=self.env(),
        )
        if done.returncode != 0:
            raise CheckFailed(f"{program} {' '.join(args)}: {done.stderr}")
        return done.stdout


@contextmanager
def step(name: str, times: dict[str, float]) -> Iterator[None]:
    print(f"-- {name} ...", flush=True)
    t0 = time.perf_counter()
    yield
    times[name] = time.perf_counter() - t0
    print(f"   done in {times[name]:.2f} s", flush=True)


def gasdesk(server: Server, role: str, data: Path, *args: str, database: str = "gasdesk") -> str:
    done = subprocess.run(
        [sys.executable, "-m", "gasdesk", *args],
        capture_output=True,
        text=True,
        env=server.env(GASDESK_DATABASE_URL=server.url(role, database), XDG_DATA_HOME=str(data)),
        cwd=ROOT,
    )
    if done.returncode != 0:
        raise CheckFailed(f"gasdesk {' '.join(args)}: {done.stdout}{done.stderr}")
    return done.stdout


# --- the counters' side: run in this process (the first PC) and in two children ------


def open_as(url: str, key: Path, passfile: Path) -> None:
    os.environ["PGPASSFILE"] = str(passfile)
    from gasdesk.storage.db import open_database

    open_database(url=url, key_path=key)


def set_up_company() -> None:
    """What the set-up dialog does on the first PC, then the tellers and a few customer
    accounts (as an import from the company's records would bring them)."""
    from gasdesk.services import search, users
    from gasdesk.services.office_setup import FirstRun, set_up_first_run, shipped_entries
    from gasdesk.storage.db import write_transaction
    from gasdesk.storage.models import Account, Office

    ms, wc = shipped_entries()
    set_up_first_run(FirstRun(ms, 1, "MS09", "张伟", STAFF_PASSWORD, other_offices=(wc,)))
    users.add_user("MS01", "李娜", "teller", "MS", STAFF_PASSWORD)
    users.add_user("MS02", "王芳", "teller", "MS", STAFF_PASSWORD)
    with write_transaction():
        office = Office.get(Office.code == "MS")
        for number, name, phone in ACCOUNTS:
            account = Account.create(
                number=number, name=name, phone=phone, address="文昌湖区", office=office
            )
            search.index_account(account.id)


def counter(argv: list[str]) -> int:
    """A counter PC: log in, open the shift, wait for 'go', pay, (void), count, close."""
    url, key, passfile, badge, number, payments = (
        argv[0],
        argv[1],
        argv[2],
        argv[3],
        argv[4],
        argv[5],
    )
    open_as(url, Path(key), Path(passfile))
    from gasdesk.domain.fees import PaymentRequest
    from gasdesk.services import auth, drawer, offices, reconcile, shift_close, shifts
    from gasdesk.services import payments as pay
    from gasdesk.services.voids import void_payment
    from gasdesk.storage.models import Account, Payment

    place = offices.find_counter("MS", int(number))
    assert place is not None
    session = auth.login(badge, STAFF_PASSWORD, place.id)
    shift = shifts.open_shift(session.staff.id, place.id, FLOAT)
    accounts = [a.id for a in Account.select().order_by(Account.id)]
    print("ready", flush=True)
    sys.stdin.readline()  # 'go': both counters start paying at the same moment
    first = None
    for n in range(int(payments)):
        receipt = pay.collect_payment(
            PaymentRequest(
                account_id=accounts[n % len(accounts)],
                staff_id=session.staff.id,
                counter_id=place.id,
                kind="prepay",
                method="cash",
                expected_due_fen=1000 + n,
                idempotency_key=uuid.uuid4().hex,
                tendered_fen=1000 + n,
            )
        )
        first = first or receipt.code
        print(f"paid {receipt.code} {1000 + n}", flush=True)
    if int(number) == 1 and first is not None:  # a mistake at counter 1, voided
        original = Payment.get(Payment.amount_fen == 1000, Payment.counter == place.id)
        void = void_payment(
            payment_id=original.id,
            staff_id=session.staff.id,
            counter_id=place.id,
            supervisor_badge="MS09",
            supervisor_password=STAFF_PASSWORD,
            reason="金额录错",
            idempotency_key=uuid.uuid4().hex,
        )
        print(f"voided {void.code}", flush=True)
    expected = drawer.expected_totals(shift.id)
    cash, pieces = expected["cash"], {}
    for value in sorted(FLOAT, reverse=True):
        pieces[value], cash = divmod(cash, value)
    declared = {m: v for m, v in expected.items() if m != "cash"}
    reconcile.record_blind_count(shift.id, session.staff.id, pieces, declared)
    shift_close.close_shift(shift.id, session.staff.id)
    print("closed", flush=True)
    return 0


def run_counters(server: Server, work: Path, key: Path, payments: int) -> dict[str, list[str]]:
    children = {}
    for badge, number in (("MS01", 1), ("MS02", 2)):
        pc = work / f"pc{number}"
        pc.mkdir()
        own_key = pc / "audit.key"
        shutil.copy(key, own_key)  # the key file, installed on the counter
        children[badge] = subprocess.Popen(
            [sys.executable, __file__, "counter", server.url("gasdesk_app"), str(own_key),
             str(server.passfile), badge, str(number), str(payments)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            env=server.env(XDG_DATA_HOME=str(pc / "data")), cwd=ROOT,
        )  # fmt: skip
    for badge, child in children.items():
        assert child.stdout is not None
        line = child.stdout.readline()
        check(line.strip() == "ready", f"counter {badge} did not start: {line}{child.stderr}")
    for child in children.values():
        assert child.stdin is not None
        child.stdin.write("go\n")
        child.stdin.flush()
    out = {}
    for badge, child in children.items():
        stdout, stderr = child.communicate(timeout=600)
        check(child.returncode == 0, f"counter {badge} failed: {stderr}")
        out[badge] = stdout.split("\n")
    return out


# --- the checks ---------------------------------------------------------------------------


def refused(server: Server, role: str, sql: str) -> str:
    """The SQLSTATE with which `role` is refused `sql` (empty when it was allowed)."""
    import psycopg2

    con = psycopg2.connect(server.url(role))
    try:
        with con.cursor() as cur:
            cur.execute(sql)
        con.rollback()
        return ""
    except psycopg2.Error as exc:
        return str(exc.pgcode)
    finally:
        con.close()


def check_rights(server: Server) -> int:
    app_refused = [
        "CREATE TABLE intruder (x integer)",
        "DROP TABLE payment",
        "ALTER TABLE payment DISABLE TRIGGER payment_append_only",
        "UPDATE payment SET amount_fen = 0",
        "DELETE FROM audit_event",
        "TRUNCATE receipt",
        "UPDATE cash_count SET total_fen = 0",
        "UPDATE gasdesk_schema SET name = 'x'",
        "DELETE FROM account",
        "INSERT INTO gasdesk_schema (version, name, applied_at) VALUES (999, 'x', now())",
    ]
    for sql in app_refused:
        check(refused(server, "gasdesk_app", sql) == "42501", f"gasdesk_app may: {sql}")
    check(refused(server, "gasdesk_app", "SELECT count(*) FROM payment") == "", "app reads")
    check(
        refused(server, "gasdesk_backup", "UPDATE account SET balance_fen = 0") == "42501",
        "gasdesk_backup may write",
    )
    # the owner may change the schema, but not the rows the triggers protect
    check(
        refused(server, "gasdesk_owner", "UPDATE receipt SET number = number") == "23001",
        "the append-only trigger let the owner change a receipt",
    )
    return len(app_refused) + 3


def check_books(payments: int, outputs: dict[str, list[str]]) -> dict[str, int]:
    from peewee import fn

    from gasdesk.storage.models import Account, Payment, Receipt

    reported = [
        line.split()[1]
        for lines in outputs.values()
        for line in lines
        if line.startswith(("paid", "voided"))
    ]
    numbers = sorted(r.number for r in Receipt.select(Receipt.number))
    codes = {f"{r.series}-{r.number:06d}" for r in Receipt.select(Receipt.series, Receipt.number)}
    check(numbers == list(range(1, len(numbers) + 1)), "receipt numbers have a gap or a repeat")
    check(len(numbers) == 2 * payments + 1, f"{len(numbers)} receipts for {2 * payments + 1}")
    check(
        set(reported) <= codes and len(set(reported)) == len(reported),
        "a reported receipt is missing",
    )
    total = Payment.select(fn.SUM(Payment.amount_fen)).scalar() or 0
    balances = Account.select(fn.SUM(Account.balance_fen)).scalar() or 0
    check(total == balances, f"payments {total} fen but balances {balances} fen")
    order = _payers_in_receipt_order(outputs)
    switches = sum(1 for a, b in itertools.pairwise(order) if a != b)
    return {"receipts": len(numbers), "total_fen": int(total), "interleavings": switches}


def _payers_in_receipt_order(outputs: dict[str, list[str]]) -> list[str]:
    """The badge that took each payment, in the order of the receipt numbers."""
    paid = [
        (line.split()[1], badge)
        for badge, lines in outputs.items()
        for line in lines
        if line.startswith("paid")
    ]
    return [badge for _code, badge in sorted(paid)]


def main(argv: list[str]) -> int:
    if argv[:1] == ["counter"]:
        return counter(argv[1:])
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--payments", type=int, default=40, help="payments per counter (40)")
    p.add_argument("--keep", action="store_true", help="keep the work folder")
    args = p.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="gasdesk-deploy-"))
    server = Server(work)
    times: dict[str, float] = {}
    started = time.perf_counter()
    try:
        with step("1. PostgreSQL server on loopback (initdb, password logins)", times):
            server.start()
        with step("2. database and roles (scripts/postgres_roles.sql)", times):
            server.client(
                "psql", "-U", "postgres", "-d", "postgres", "-q",
                "-v", f"owner_password={PASSWORDS['gasdesk_owner']}",
                "-v", f"app_password={PASSWORDS['gasdesk_app']}",
                "-v", f"backup_password={PASSWORDS['gasdesk_backup']}",
                "-f", str(ROOT / "scripts" / "postgres_roles.sql"),
            )  # fmt: skip
        key = work / "it" / "audit.key"
        with step("3. schema and rights: gasdesk migrate --grant gasdesk_app (owner)", times):
            said = gasdesk(server, "gasdesk_owner", work / "it-data", "migrate", "--grant",
                           "gasdesk_app", "--key", str(key))  # fmt: skip
            print("   " + said.strip().replace("\n", "\n   "))
            check(key.exists(), "migrate made no audit key")
        first_pc = work / "pc0"
        first_pc.mkdir()
        shutil.copy(key, first_pc / "audit.key")
        os.environ["XDG_DATA_HOME"] = str(first_pc / "data")
        with step("4. first run for the company, two tellers, three accounts (app role)", times):
            open_as(server.url("gasdesk_app"), first_pc / "audit.key", server.passfile)
            set_up_company()
        with step(f"5. two counters paying at once, {args.payments} payments each", times):
            outputs = run_counters(server, work, key, args.payments)
        with step("   the supervisor closes the day (app role)", times):
            from gasdesk.services import day_close
            from gasdesk.storage.models import Office

            office = Office.get(Office.code == "MS")
            closure = day_close.close_day(office.id, dt.date.today(), "MS09", STAFF_PASSWORD)
        with step("6. receipts gapless, balances, gasdesk verify (app role)", times):
            books = check_books(args.payments, outputs)
            verified = gasdesk(server, "gasdesk_app", first_pc / "data", "verify", "--key",
                               str(first_pc / "audit.key"), "--no-backups")  # fmt: skip
        with step("7. what the roles may not do", times):
            refusals = check_rights(server)
        with step("   an upgrade: the counters' role may not migrate, the owner does", times):
            server.client("psql", "-U", "gasdesk_owner", "-d", "gasdesk", "-qc",
                          "DELETE FROM gasdesk_schema WHERE version = "
                          "(SELECT max(version) FROM gasdesk_schema)")  # fmt: skip
            try:
                gasdesk(server, "gasdesk_app", first_pc / "data", "migrate")
                raise CheckFailed("the counters' role ran a migration")
            except CheckFailed as exc:
                check("gasdesk migrate --grant" in str(exc), f"not the upgrade message: {exc}")
            gasdesk(server, "gasdesk_owner", work / "it-data", "migrate", "--grant",
                    "gasdesk_app", "--key", str(key))  # fmt: skip
            gasdesk(server, "gasdesk_app", first_pc / "data", "migrate")  # nothing left to do
        dump = work / "gasdesk.dump"
        with step("8. pg_dump as gasdesk_backup, restored into a new database", times):
            server.client(
                "pg_dump", "-U", "gasdesk_backup", "-d", "gasdesk", "-Fc", "-f", str(dump)
            )
            server.client("createdb", "-U", "postgres", "gasdesk_restored")
            server.client("pg_restore", "-U", "postgres", "-d", "gasdesk_restored", str(dump))
            query = (
                "SELECT (SELECT count(*) FROM payment), (SELECT count(*) FROM receipt), "
                "(SELECT count(*) FROM audit_event), "
                "(SELECT hash FROM audit_event ORDER BY seq DESC LIMIT 1)"
            )
            here = server.client("psql", "-U", "postgres", "-d", "gasdesk", "-Atc", query)
            there = server.client("psql", "-U", "postgres", "-d", "gasdesk_restored", "-Atc", query)
            check(here == there and bool(here.strip()), f"restored {there!r} differs from {here!r}")
            dump_kib = dump.stat().st_size / 1024
            gasdesk(server, "gasdesk_owner", work / "it-data", "verify", "--key", str(key),
                    "--no-backups", database="gasdesk_restored")  # fmt: skip
    except CheckFailed as exc:
        print(f"deploy check FAILED: {exc}", file=sys.stderr)
        return 1
    finally:
        from gasdesk.storage.models import db

        if db.obj is not None:
            db.obj.close()
        server.stop()
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    payments_s = times[f"5. two counters paying at once, {args.payments} payments each"]
    print(
        "\nfigures: "
        f"{books['receipts']} receipts (2 x {args.payments} payments + 1 void), numbers 1.."
        f"{books['receipts']} each once; ¥{books['total_fen'] / 100:.2f} paid = balances moved; "
        f"the two counters took turns {books['interleavings']} times in receipt order; "
        f"day closed with {closure.payments} payments; {refusals} refusals held; "
        f"verify: {verified.strip().splitlines()[-1] if verified.strip() else 'ok'}; "
        f"dump {dump_kib:.0f} KiB; "
        f"counters' step {payments_s:.1f} s; whole check {time.perf_counter() - started:.1f} s"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
