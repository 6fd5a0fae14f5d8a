"""An import killed part-way leaves nothing behind, and the same command run again imports every
row exactly once (the real binary, SIGKILL), on an embedded SQLite database and on PostgreSQL (a
fresh database on the server TEST_DATABASE_URL points to; skipped outside CI when it is unset)."""
import contextlib
import os
import pathlib
import shutil
import signal
import sqlite3
import subprocess
import tempfile
import time

import pytest

from postgres_database import fresh_database, psql

ROOT = pathlib.Path(__file__).resolve().parent.parent
BINARY = os.environ.get("EDUQUALITY_BIN", str(ROOT / ".build" / "debug" / "eduquality"))
ROWS = 60_000
# Written and not yet committed before the kill: the import is well into its transaction.
GROWTH = 2_000_000


def run(env, *args, check=True):
    return subprocess.run([BINARY, *args], cwd=ROOT, env=env, check=check, capture_output=True, text=True, timeout=600)


class SQLiteTarget:
    """The embedded file; the import is writing once the write-ahead log grows."""

    def __init__(self, data):
        self.path = os.path.join(data, "eduquality.sqlite")
        self.wal = self.path + "-wal"

    def count(self, sql):
        with sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, timeout=30) as db:
            return db.execute(sql).fetchone()[0]

    def written(self):
        return os.path.getsize(self.wal) if os.path.exists(self.wal) else 0


class PostgresTarget:
    """A database of its own; there is no log file to watch, but the rows an open transaction
    inserts extend the table's files before they commit (pg_relation_size reads the files)."""

    def __init__(self, url):
        self.url = url

    def count(self, sql):
        return int(psql(self.url, sql)[0][0])

    def written(self):
        return self.count("SELECT pg_relation_size('survey_responses') + pg_relation_size('survey_comments')")


@contextlib.contextmanager
def target(kind, data):
    env = dict(os.environ, EDUQUALITY_DATA_DIR=data)
    env.pop("DATABASE_URL", None)
    if kind == "sqlite":
        yield env, SQLiteTarget(data)
    else:
        with fresh_database("eq_import_kill") as url:
            env["DATABASE_URL"] = url
            yield env, PostgresTarget(url)


def stored(db):
    return (db.count("select count(*) from survey_responses where round_code = 'KILL-2020'"),
            db.count("select count(*) from survey_comments where round_code = 'KILL-2020'"),
            db.count("select count(*) from audit_entries where action = 'survey.import'"))


@pytest.mark.parametrize("kind", ["sqlite", "postgres"])
def test_a_killed_import_leaves_nothing_and_a_rerun_imports_once(kind):
    data = tempfile.mkdtemp(prefix=f"eq-import-kill-{kind}-")
    try:
        with target(kind, data) as (env, db):
            csv = os.path.join(data, "responses.csv")
            run(env, "seed", "--organisations", "demo/organisations.json")
            run(env, "rounds", "create", "--code", "KILL-2020", "--opens", "2020-09-01", "--closes", "2020-11-30",
                "--questionnaire", "core-2026")
            run(env, "generate-responses", "--round", "KILL-2020", "--count", str(ROWS), csv)
            start_size = db.written()

            # MUT: start the import and kill it once it is writing
            proc = subprocess.Popen([BINARY, "import-responses", "--round", "KILL-2020", csv], cwd=ROOT, env=env,
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            try:
                deadline = time.time() + 300
                while time.time() < deadline and proc.poll() is None:
                    if db.written() > start_size + GROWTH:
                        break
                    time.sleep(0.05)
                assert proc.poll() is None, "the import finished before it could be killed: raise ROWS"
                proc.send_signal(signal.SIGKILL)
                proc.wait(timeout=30)
            finally:
                if proc.poll() is None:
                    proc.kill()
                    proc.wait(timeout=30)

            # validate: nothing of it is stored, not even comments for triage or its audit entry
            assert stored(db) == (0, 0, 0)

            # the same command again imports every row, and a third run adds nothing
            run(env, "import-responses", "--round", "KILL-2020", csv)
            responses, comments, audited = stored(db)
            assert responses == ROWS and comments > 0 and audited == 1
            run(env, "import-responses", "--round", "KILL-2020", csv)
            assert stored(db)[0] == ROWS
            # and the audit chain still verifies
            assert "Audit log intact" in run(env, "audit", "verify").stdout
    finally:
        shutil.rmtree(data, ignore_errors=True)
