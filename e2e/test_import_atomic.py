"""An import killed part-way leaves nothing behind, and the same command run again imports every
row exactly once (the real binary, SIGKILL, an embedded SQLite database)."""
import os
import pathlib
import signal
import sqlite3
import subprocess
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
BINARY = os.environ.get("EDUQUALITY_BIN", str(ROOT / ".build" / "debug" / "eduquality"))
ROWS = 60_000


def run(env, *args, check=True):
    return subprocess.run([BINARY, *args], cwd=ROOT, env=env, check=check, capture_output=True, text=True, timeout=600)


def stored(data):
    with sqlite3.connect(os.path.join(data, "eduquality.sqlite")) as db:
        responses = db.execute("select count(*) from survey_responses where round_code = 'KILL-2020'").fetchone()[0]
        comments = db.execute("select count(*) from survey_comments where round_code = 'KILL-2020'").fetchone()[0]
        audited = db.execute("select count(*) from audit_entries where action = 'survey.import'").fetchone()[0]
    return responses, comments, audited


def test_a_killed_import_leaves_nothing_and_a_rerun_imports_once():
    data = tempfile.mkdtemp(prefix="eq-import-kill-")
    env = dict(os.environ, EDUQUALITY_DATA_DIR=data)
    env.pop("DATABASE_URL", None)
    csv = os.path.join(data, "responses.csv")
    run(env, "seed", "--organisations", "demo/organisations.json")
    run(env, "rounds", "create", "--code", "KILL-2020", "--opens", "2020-09-01", "--closes", "2020-11-30",
        "--questionnaire", "core-2026")
    run(env, "generate-responses", "--round", "KILL-2020", "--count", str(ROWS), csv)
    wal = os.path.join(data, "eduquality.sqlite-wal")
    start_size = os.path.getsize(wal) if os.path.exists(wal) else 0

    # MUT: start the import and kill it once it is writing (the write-ahead log grows)
    proc = subprocess.Popen([BINARY, "import-responses", "--round", "KILL-2020", csv], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 300
    while time.time() < deadline and proc.poll() is None:
        if os.path.exists(wal) and os.path.getsize(wal) > start_size + 2_000_000:
            break
        time.sleep(0.05)
    assert proc.poll() is None, "the import finished before it could be killed: raise ROWS"
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)

    # validate: nothing of it is stored, not even comments for triage or its audit entry
    assert stored(data) == (0, 0, 0)

    # the same command again imports every row, and a third run adds nothing
    run(env, "import-responses", "--round", "KILL-2020", csv)
    responses, comments, audited = stored(data)
    assert responses == ROWS and comments > 0 and audited == 1
    run(env, "import-responses", "--round", "KILL-2020", csv)
    assert stored(data)[0] == ROWS
    # and the audit chain still verifies
    assert "Audit log intact" in run(env, "audit", "verify").stdout
