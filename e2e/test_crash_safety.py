"""The server killed (SIGKILL) in the middle of concurrent survey submissions and concern reports,
then started again on the same database: every write it acknowledged (2xx) is there whole, and no
write is there in part, on SQLite (WAL) and on PostgreSQL. The real binary, the demo data, loopback
HTTP from several threads, and the tables read straight from the database afterwards."""
import http.client
import json
import os
import pathlib
import random
import re
import secrets
import shutil
import signal
import sqlite3
import subprocess
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest

from postgres_database import fresh_database, psql

ROOT = pathlib.Path(__file__).resolve().parent.parent
BINARY = os.environ.get("EDUQUALITY_BIN", str(ROOT / ".build" / "debug" / "eduquality"))
PASSWORD = "crash-demo-password"
PORTS = {"sqlite": 18510, "postgres": 18511}
WORKERS = 8
REQUEST_TIMEOUT = 15
# The kill comes at a random moment once this many writes (of both kinds) have been acknowledged.
KILL_AFTER = (250, 450)

PROFESSIONS = ["physiotherapy", "student-nurse", "student-midwife", "medical-student", "doctor-core", "paramedicine",
               "pharmacy", "nursing-associate"]
PLACEMENT_TYPES = ["hospital-inpatient", "hospital-outpatient", "community", "primary-care", "mental-health"]
CONCERN_ORGANISATIONS = ["T001", "T002", "T003", "T010", "T020", "T033"]
CONCERN_CATEGORIES = ["supervision", "teaching", "workload-rota", "facilities", "induction"]


class Unanswered(Exception):
    """No HTTP answer at all: refused, reset or timed out."""


def call(base, method, path, body=None, headers=None):
    req = urllib.request.Request(base + path, data=body, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=REQUEST_TIMEOUT) as r:
            return r.status, r.read().decode(), r.headers
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode(errors="replace"), e.headers
    except (OSError, http.client.HTTPException) as e:
        raise Unanswered(repr(e)) from e


class Server:
    """`eduquality serve --demo` on a port; killed or stopped by its own process id only."""

    def __init__(self, env, port, log_path):
        self.env, self.port, self.log_path = env, port, log_path
        self.base = f"http://127.0.0.1:{port}"
        self.proc = None

    def start(self, timeout=240):
        log = open(self.log_path, "a")
        self.proc = subprocess.Popen([BINARY, "serve", "--demo", "--port", str(self.port)], cwd=ROOT, env=self.env,
                                     stdout=log, stderr=subprocess.STDOUT)
        log.close()
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.proc.poll() is not None:
                raise AssertionError(f"the server exited with {self.proc.returncode}: {self.log_tail()}")
            try:
                if call(self.base, "GET", "/survey")[0] == 200:
                    return
            except Unanswered:
                pass
            time.sleep(0.3)
        raise AssertionError(f"the server did not answer within {timeout} s: {self.log_tail()}")

    def kill(self):
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(timeout=30)

    def stop(self):
        if self.proc is None or self.proc.poll() is not None:
            return
        self.proc.terminate()
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(timeout=20)

    def log_tail(self):
        with open(self.log_path, errors="replace") as f:
            return f.read()[-3000:]


def form_token(base):
    """A form token as a browser gets one: the eq_csrf cookie's nonce and the form's _csrf field."""
    status, html, headers = call(base, "GET", "/survey/resume")
    assert status == 200
    cookie = next(c for c in headers.get_all("Set-Cookie") if c.startswith("eq_csrf="))
    nonce = cookie.split(";")[0].split("=", 1)[1]
    token = re.search(r'name="_csrf" value="([^"]*)"', html).group(1)
    return nonce, token


class Workload:
    """Surveys and concerns, each numbered and told apart by a marker in its free text. A survey
    carries two comments and random answers to every item that applies to its profession, so its
    stored row is recognised by the packed answers (one character per item, `.` not asked, `N`
    not applicable)."""

    def __init__(self, base, run):
        self.base, self.run = base, run
        status, body, _ = call(base, "GET", "/api/v1/survey/rounds")
        self.round = next(r["code"] for r in json.loads(body) if r["state"] == "open")
        status, body, _ = call(base, "GET", f"/api/v1/survey/rounds/{self.round}/questionnaire")
        self.items = [item for theme in json.loads(body)["themes"] for item in theme["items"]]
        status, body, _ = call(base, "GET", "/api/v1/organisations")
        self.organisations = [o["code"] for o in json.loads(body)
                              if o["type"] in ("nhs-trust", "primary-care-provider", "independent-provider")]
        self.nonce, self.token = form_token(base)

    def survey_marker(self, n):
        return f"crash-{self.run}-s{n}-"

    def concern_marker(self, n):
        return f"crash-{self.run}-c{n}-"

    def survey(self, n):
        """The form body and the packed answers it must be stored with."""
        rng = random.Random(f"{self.run}-{n}")
        profession = rng.choice(PROFESSIONS)
        fields = [("_csrf", self.token), ("profession", profession), ("organisation", rng.choice(self.organisations)),
                  ("placement-type", rng.choice(PLACEMENT_TYPES)), ("training-level", "year-2")]
        packed = []
        for item in self.items:
            if item.get("professions") and profession not in item["professions"]:
                packed.append(".")
                continue
            value = "NA" if item.get("allowsNA") and rng.random() < 0.2 else str(rng.randint(1, 5))
            fields.append((item["code"], value))
            packed.append("N" if value == "NA" else value)
        marker = self.survey_marker(n)
        fields += [("WORKED-WELL", marker + "worked well: a named supervisor made time every week."),
                   ("COULD-IMPROVE", marker + "could improve: rota gaps meant teaching was cancelled.")]
        return urllib.parse.urlencode(fields).encode(), "".join(packed)

    def submit_survey(self, n):
        body, _ = self.survey(n)
        status, _, _ = call(self.base, "POST", f"/survey/{self.round}/submit", body,
                            {"Content-Type": "application/x-www-form-urlencoded", "Cookie": "eq_csrf=" + self.nonce})
        return status, None

    def submit_concern(self, n):
        rng = random.Random(f"{self.run}-c-{n}")
        body = json.dumps({"anonymity": "anonymous", "organisation": rng.choice(CONCERN_ORGANISATIONS),
                           "category": rng.choice(CONCERN_CATEGORIES), "pathway": 1,
                           "description": self.concern_marker(n) + " no supervisor on the night shift, twice."}).encode()
        status, text, _ = call(self.base, "POST", "/api/v1/concerns", body, {"Content-Type": "application/json"})
        return status, (json.loads(text) if 200 <= status < 300 else None)


class Load:
    """WORKERS threads sending surveys and concerns (two to one) until told to stop."""

    def __init__(self, work):
        self.work = work
        self.lock = threading.Lock()
        self.next = 0
        self.sent = {}            # n -> "survey" | "concern"
        self.acknowledged = {}    # n -> None (survey) | the concern's answer {reference, receiptCode, …}
        self.failures = []        # answers other than 2xx, or no answer, before the kill
        self.unanswered = 0       # sent before the kill, never answered
        self.killed = threading.Event()
        self.stop = threading.Event()
        self.threads = [threading.Thread(target=self.worker, daemon=True) for _ in range(WORKERS)]

    def worker(self):
        while not self.stop.is_set():
            with self.lock:
                n = self.next
                self.next += 1
                kind = "concern" if n % 3 == 2 else "survey"
                self.sent[n] = kind
            try:
                status, answer = (self.work.submit_concern if kind == "concern" else self.work.submit_survey)(n)
            except Unanswered as e:
                with self.lock:
                    if self.killed.is_set():
                        self.unanswered += 1
                    else:
                        self.failures.append(f"{kind} {n}: no answer before the kill: {e}")
                continue
            with self.lock:
                if 200 <= status < 300:
                    self.acknowledged[n] = answer
                elif not self.killed.is_set():
                    self.failures.append(f"{kind} {n}: {status}")

    def count(self):
        with self.lock:
            return len(self.acknowledged)


class Tables:
    """Read-only SQL on the server's database: the SQLite file or PostgreSQL through psql."""

    def __init__(self, sqlite_path=None, postgres_url=None):
        self.sqlite_path, self.postgres_url = sqlite_path, postgres_url

    def rows(self, sql):
        if self.postgres_url:
            return [tuple(r) for r in psql(self.postgres_url, sql)]
        with sqlite3.connect(f"file:{self.sqlite_path}?mode=ro", uri=True, timeout=30) as db:
            return [tuple("" if v is None else str(v) for v in r) for r in db.execute(sql).fetchall()]

    def number(self, sql):
        return int(self.rows(sql)[0][0])


class Crash:
    """One run on one database: the load, the kill, and the server started again (still running)."""

    def __init__(self, env, port, tables, log_path):
        self.env, self.tables = env, tables
        self.server = Server(env, port, log_path)
        self.work = self.load = None
        self.seconds = 0.0

    def run(self):
        self.server.start()
        self.work = Workload(self.server.base, secrets.token_hex(3))
        self.load = load = Load(self.work)
        started = time.time()
        for t in load.threads:
            t.start()
        target = random.randint(*KILL_AFTER)
        while load.count() < target and time.time() - started < 60 and not load.failures:
            time.sleep(0.02)
        time.sleep(random.uniform(0, 0.3))
        # MUT: SIGKILL the server with writes in flight (the workers send nothing new from here)
        load.stop.set()
        load.killed.set()
        self.server.kill()
        for t in load.threads:
            t.join(timeout=REQUEST_TIMEOUT + 5)
        self.seconds = time.time() - started
        self.server.start()

    def sent(self, kind):
        return {n for n, k in self.load.sent.items() if k == kind}

    def acknowledged(self, kind):
        return {n: a for n, a in self.load.acknowledged.items() if self.load.sent[n] == kind}

    def stored_concerns(self):
        """n -> (reference, timeline length, timeline rows, first and last sequence, audit events, handling body)."""
        run = self.work.run
        stored = {}
        for reference, text, length, entries, first, last, receipts, body in self.tables.rows(f"""
                SELECT c.reference, c.what_happened, c.timeline_length,
                       (SELECT COUNT(*) FROM concern_timeline t WHERE t.concern_id = c.id),
                       (SELECT MIN(t.sequence) FROM concern_timeline t WHERE t.concern_id = c.id),
                       (SELECT MAX(t.sequence) FROM concern_timeline t WHERE t.concern_id = c.id),
                       (SELECT COUNT(*) FROM audit_pending_events p WHERE p.action = 'concern.receive'
                                                                      AND p.entity_id = c.reference)
                     + (SELECT COUNT(*) FROM audit_entries a WHERE a.action = 'concern.receive'
                                                                AND a.entity_id = c.reference),
                       c.handling_body
                FROM concerns c WHERE c.what_happened LIKE 'crash-{run}-c%'"""):
            n = int(re.match(rf"crash-{run}-c(\d+)-", text).group(1))
            assert n not in stored, f"concern {n} stored twice"
            stored[n] = (reference, int(length), int(entries), first, last, int(receipts), body)
        return stored

    def notices(self):
        """reference -> the recipients told of the new case."""
        told = {}
        for reference, recipient in self.tables.rows(f"""
                SELECT c.reference, o.recipient FROM concerns c
                JOIN outbox o ON o.dedupe_key LIKE 'new-case:' || c.reference || ':%'
                WHERE c.what_happened LIKE 'crash-{self.work.run}-c%'"""):
            told.setdefault(reference, set()).add(recipient)
        return told

    def facts(self):
        return {"sent": len(self.load.sent), "acknowledged": len(self.load.acknowledged), "in flight": self.load.unanswered,
                "load seconds": round(self.seconds, 1)}


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def crash(request):
    data = tempfile.mkdtemp(prefix=f"eq-crash-{request.param}-")
    log_path = os.path.join(data, "server.log")
    env = dict(os.environ, EDUQUALITY_DATA_DIR=data, DEMO_PASSWORD=PASSWORD)
    env.pop("DATABASE_URL", None)
    try:
        if request.param == "sqlite":
            crash = Crash(env, PORTS["sqlite"], Tables(sqlite_path=os.path.join(data, "eduquality.sqlite")), log_path)
            try:
                crash.run()
                yield crash
            finally:
                crash.server.stop()
        else:
            with fresh_database("eq_crash") as url:
                env["DATABASE_URL"] = url
                crash = Crash(env, PORTS["postgres"], Tables(postgres_url=url), log_path)
                try:
                    crash.run()
                    yield crash
                finally:
                    crash.server.stop()
    finally:
        shutil.rmtree(data, ignore_errors=True)


def test_the_load_ran_cleanly_until_the_kill(crash):
    assert crash.load.failures == [], crash.load.failures[:10]
    assert len(crash.acknowledged("survey")) > 50 and len(crash.acknowledged("concern")) > 25, \
        f"too few writes acknowledged before the kill: {crash.facts()}"
    assert crash.load.unanswered > 0, "no write was in flight when the server was killed"
    if crash.tables.sqlite_path:
        assert crash.tables.rows("PRAGMA journal_mode")[0][0] == "wal"


def test_every_survey_is_stored_whole_or_not_at_all(crash):
    """A response's answers and both its comments are there together or not at all; each once."""
    work, tables = crash.work, crash.tables
    run, round_code = work.run, work.round
    sent = crash.sent("survey")
    expected = {work.survey(n)[1]: n for n in sent}
    assert len(expected) == len(sent), "two surveys of the run drew the same answers"
    stored = [r[0] for r in tables.rows(
        f"SELECT answers FROM survey_responses WHERE round_code = '{round_code}' AND source = 'web'")]
    unexplained = [a for a in stored if a not in expected]
    assert unexplained == [], f"web responses stored that the run never sent (half-written?): {unexplained[:5]}"
    responses = {}
    for answers in stored:
        responses[expected[answers]] = responses.get(expected[answers], 0) + 1
    comments = {}
    for question, text in tables.rows(f"SELECT question_code, text FROM survey_comments "
                                      f"WHERE round_code = '{round_code}' AND text LIKE 'crash-{run}-s%'"):
        comments.setdefault(int(re.match(rf"crash-{run}-s(\d+)-", text).group(1)), []).append(question)
    assert {n: c for n, c in responses.items() if c != 1} == {}, "a survey stored more than once"
    assert {n: sorted(q) for n, q in comments.items() if sorted(q) != ["COULD-IMPROVE", "WORKED-WELL"]} == {}, \
        "a survey stored with some of its comments only"
    assert set(comments) == set(responses), \
        f"answers without their comments {sorted(set(responses) - set(comments))[:10]}, " \
        f"comments without their answers {sorted(set(comments) - set(responses))[:10]}"
    assert sorted(set(crash.acknowledged("survey")) - set(responses)) == [], \
        "acknowledged surveys missing after the restart"
    assert tables.number(f"SELECT COUNT(*) FROM survey_responses WHERE LENGTH(answers) <> {len(work.items)}") == 0
    print(crash.facts(), {"surveys stored": len(responses),
                          "stored unacknowledged": len(responses) - len(crash.acknowledged("survey"))})


def test_every_concern_is_stored_whole_or_not_at_all(crash):
    """The concern, its timeline (sequence 0) and its audit event go together; acknowledged ones
    are there under the reference the answer gave, their handlers told."""
    stored = crash.stored_concerns()
    partial = {v[0]: v[1:6] for v in stored.values() if v[1:6] != (1, 1, "0", "0", 1)}
    assert partial == {}, "concerns stored in part: (timeline length, rows, first, last sequence, audit events)"
    assert set(stored) <= crash.sent("concern")
    acknowledged = crash.acknowledged("concern")
    missing = {n: a["reference"] for n, a in acknowledged.items() if n not in stored or stored[n][0] != a["reference"]}
    assert missing == {}, "acknowledged concerns missing (or under another reference) after the restart"
    told = crash.notices()
    unannounced = sorted(a["reference"] for a in acknowledged.values() if not told.get(a["reference"]))
    assert unannounced == [], "acknowledged concerns whose handlers were never told (no new-case notice)"
    # Across the whole database, demo cases included: no timeline row without its concern, no
    # concern whose projection counts other timeline rows than there are.
    tables = crash.tables
    assert tables.number("""SELECT COUNT(*) FROM concern_timeline t
                            WHERE NOT EXISTS (SELECT 1 FROM concerns c WHERE c.id = t.concern_id)""") == 0
    assert tables.number("""SELECT COUNT(*) FROM concerns c WHERE c.timeline_length
                            <> (SELECT COUNT(*) FROM concern_timeline t WHERE t.concern_id = c.id)""") == 0
    print(crash.facts(), {"concerns stored": len(stored), "stored unacknowledged": len(stored) - len(acknowledged)})


def test_no_concern_is_stored_without_its_new_case_notices(crash):
    """A concern that is stored at all has told its handlers, every one of them: the notices are
    part of taking it in. (ConcernIntake.submit commits the concern, then ConcernNotifier.newCase
    writes the outbox rows one by one outside that transaction, so a kill in between leaves a
    case nobody is told of; this test fails until the notices are written in the same transaction.)"""
    stored = crash.stored_concerns()
    told = crash.notices()
    # Who must be told depends on the handling body; the acknowledged concerns show it.
    recipients = {}
    for n, answer in crash.acknowledged("concern").items():
        recipients.setdefault(stored[n][6], []).append(frozenset(told.get(answer["reference"], ())))
    assert all(len(set(r)) == 1 for r in recipients.values()), "acknowledged cases of one body told different people"
    recipients = {body: set(r[0]) for body, r in recipients.items()}
    unannounced = sorted(v[0] for v in stored.values() if not told.get(v[0]))
    partly = sorted(v[0] for v in stored.values() if told.get(v[0]) and v[6] in recipients
                    and told[v[0]] != recipients[v[6]])
    assert (unannounced, partly) == ([], []), \
        f"concerns stored without their new-case notices (none: {unannounced}; some recipients only: {partly})"


def test_the_restarted_server_serves_reads_and_writes(crash):
    """Pages, new writes, and acknowledged concerns read back by their receipt codes."""
    base = crash.server.base
    assert call(base, "GET", "/survey")[0] == 200
    after = Workload(base, crash.work.run + "r")
    assert after.submit_survey(0)[0] == 201
    status, answer = after.submit_concern(1)
    assert status == 201 and answer["reference"]
    read = 0
    for created in crash.acknowledged("concern").values():
        status, text, _ = call(base, "GET", "/api/v1/concerns/follow-up", None, {"X-Receipt-Code": created["receiptCode"]})
        assert status == 200 and json.loads(text)["reference"] == created["reference"], text
        read += 1
        if read == 20:
            break
    assert crash.tables.number(f"SELECT COUNT(*) FROM survey_comments WHERE text LIKE 'crash-{after.run}-s0-%'") == 2


def test_the_audit_chain_verifies_after_the_crash(crash):
    """The waiting anonymous events join the chain, and the whole chain verifies (server stopped)."""
    crash.server.stop()
    for args in (["audit", "batch"], ["audit", "verify"]):
        out = subprocess.run([BINARY, *args], cwd=ROOT, env=crash.env, capture_output=True, text=True, timeout=120)
        assert out.returncode == 0, out.stdout + out.stderr
    assert "Audit log intact" in out.stdout
    assert crash.tables.number("SELECT COUNT(*) FROM audit_pending_events") == 0
    print(out.stdout.strip())
