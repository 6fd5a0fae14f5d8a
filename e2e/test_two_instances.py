"""Two instances on one PostgreSQL database behind nginx round-robin, as production runs them.

The real binary twice (the first with `serve --demo`, which migrates and seeds; the second with
plain `serve`, which finds the schema up to date and the data there), sharing FORM_SECRET,
RECEIPT_SECRET, METRICS_TOKEN, EVIDENCE_DIR and a mail relay (a fake SMTP server here), and
Debian's nginx in front: one worker, an `upstream` of both with no keepalive and no retry on the
other instance, so consecutive requests alternate strictly (only `/admin/survey/imports` goes to
one instance, as the README asks). nginx names the instance that answered in `X-Upstream`, and
every test checks that its requests really alternated.

Needs TEST_DATABASE_URL (a PostgreSQL server the test may create and drop a database on) and
nginx: with CI=true a missing one fails the test, otherwise it is skipped saying why.
"""
import datetime
import hashlib
import http.client
import http.cookies
import os
import pathlib
import random
import re
import secrets
import shutil
import socket
import socketserver
import subprocess
import tempfile
import threading
import time
import urllib.parse

import pytest

from postgres_database import fresh_database, psql

ROOT = pathlib.Path(__file__).resolve().parent.parent
BINARY = os.environ.get("EDUQUALITY_BIN", str(ROOT / ".build" / "debug" / "eduquality"))
# Where the server finds Seed/, Public/ and Resources/ (the checkout the binary was built from).
SERVER_ROOT = os.environ.get("EDUQUALITY_ROOT", str(ROOT))
PASSWORD = "two-instances-demo-password"
METRICS_TOKEN = "two-instances-metrics-token"
# Three consecutive ports: instance 1, instance 2, nginx.
BASE_PORT = int(os.environ.get("TWO_INSTANCES_PORT", "18610"))
IN_CI = os.environ.get("CI") == "true"

NATIONAL_LEAD = "national-lead@demo.eduquality.test"
PROVIDER_LEAD = "provider-lead@demo.eduquality.test"   # handles pathway-1 concerns about T001


def missing(reason):
    if IN_CI:
        pytest.fail(f"{reason}: the two-instance test is mandatory in CI", pytrace=False)
    pytest.skip(f"{reason}: the two-instance test is skipped (it is mandatory in CI)")


# --- a small HTTP client: one connection per request, cookies kept, redirects not followed -------

class Answer:
    def __init__(self, status, headers, text):
        self.status, self.headers, self.text = status, headers, text

    @property
    def upstream(self):
        return self.headers.get("X-Upstream")

    def form_token(self):
        match = re.search(r'name="_csrf" value="([^"]+)"', self.text)
        assert match, f"no form token in the page ({self.status}): {self.text[:300]}"
        return match.group(1)


class Client:
    def __init__(self, port, source="127.0.0.1"):
        self.port = port
        self.source = source   # the loopback address connected from: another "client" machine
        self.cookies = {}

    def request(self, method, path, form=None, headers=None, body=None):
        sent = {"Connection": "close"}
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if form is not None:
            body = urllib.parse.urlencode(form)
            sent["Content-Type"] = "application/x-www-form-urlencoded"
        sent.update(headers or {})
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60, source_address=(self.source, 0))
        try:
            connection.request(method, path, body=body, headers=sent)
            response = connection.getresponse()
            text = response.read().decode("utf-8", "replace")
        finally:
            connection.close()
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in http.cookies.SimpleCookie(header).items():
                if morsel["max-age"] == "0" or morsel["expires"].endswith("1970 00:00:00 GMT"):
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = morsel.value
        return Answer(response.status, response.headers, text)

    def get(self, path, **kw):
        return self.request("GET", path, **kw)

    def post(self, path, form, **kw):
        return self.request("POST", path, form=form, **kw)

    def sign_in(self, email, expect=303):
        page = self.get("/login")
        answer = self.post("/login", {"_csrf": page.form_token(), "email": email, "password": PASSWORD})
        assert answer.status == expect, f"signing in as {email} gave {answer.status}: {answer.text[:300]}"
        return page, answer


def alternated(answers):
    """Whether consecutive answers came from the two instances in turn."""
    names = [a.upstream for a in answers]
    return len(set(names)) == 2 and all(a != b for a, b in zip(names, names[1:]))


def value(url, sql):
    """The one value a query answers."""
    rows = psql(url, sql)
    assert len(rows) == 1 and len(rows[0]) == 1, rows
    return rows[0][0]


# --- a mail relay that accepts everything and remembers what it got --------------------------------

class FakeRelay(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True

    def __init__(self):
        super().__init__(("127.0.0.1", 0), RelayHandler)
        self.received = []
        self.lock = threading.Lock()


class RelayHandler(socketserver.StreamRequestHandler):
    def handle(self):
        self.wfile.write(b"220 fake relay\r\n")
        recipient, in_data, lines = None, False, []
        for raw in self.rfile:
            line = raw.decode("utf-8", "replace").rstrip("\r\n")
            if in_data:
                if line == ".":
                    in_data = False
                    with self.server.lock:
                        self.server.received.append((recipient, hashlib.sha256("\n".join(
                            l for l in lines if not l.startswith("Date:")).encode()).hexdigest()))
                    self.wfile.write(b"250 queued\r\n")
                else:
                    lines.append(line)
                continue
            verb = line[:4].upper()
            if verb == "DATA":
                in_data, lines = True, []
                self.wfile.write(b"354 go ahead\r\n")
            elif verb == "RCPT":
                recipient = line.split(":", 1)[1].strip(" <>")
                self.wfile.write(b"250 ok\r\n")
            elif verb == "QUIT":
                self.wfile.write(b"221 bye\r\n")
                return
            else:
                self.wfile.write(b"250 ok\r\n")


# --- the cluster: database, two instances, nginx ----------------------------------------------------

NGINX_CONF = """
worker_processes 1;
daemon off;
pid {prefix}/nginx.pid;
error_log {prefix}/error.log warn;
events {{ worker_connections 256; }}
http {{
    access_log off;
    client_body_temp_path {prefix}/tmp/body;
    proxy_temp_path {prefix}/tmp/proxy;
    fastcgi_temp_path {prefix}/tmp/fastcgi;
    uwsgi_temp_path {prefix}/tmp/uwsgi;
    scgi_temp_path {prefix}/tmp/scgi;
    client_max_body_size 64m;
    # Round-robin over both, no keepalive to them (nginx speaks HTTP/1.0 and closes each upstream
    # connection), never marked down, never retried on the other: requests alternate strictly.
    upstream eduquality {{
        server 127.0.0.1:{one} max_fails=0;
        server 127.0.0.1:{two} max_fails=0;
    }}
    server {{
        listen 127.0.0.1:{port};
        location / {{
            proxy_pass http://eduquality;
            proxy_next_upstream off;
            proxy_set_header Host $http_host;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto $scheme;
            add_header X-Upstream $upstream_addr always;
        }}
        # An import's progress is kept by the instance that took the upload (README, "Scaling
        # out"): uploads and their progress pages go to one instance.
        location /admin/survey/imports {{
            proxy_pass http://127.0.0.1:{one};
            proxy_next_upstream off;
            proxy_set_header Host $http_host;
            add_header X-Upstream $upstream_addr always;
        }}
    }}
}}
"""


class Instance:
    def __init__(self, name, port, proc, log):
        self.name, self.port, self.proc, self.log = name, port, proc, log

    @property
    def address(self):
        return f"127.0.0.1:{self.port}"

    def client(self):
        return Client(self.port)

    def metrics(self):
        answer = Client(self.port).get("/metrics", headers={"Authorization": f"Bearer {METRICS_TOKEN}"})
        assert answer.status == 200, answer.text
        return answer.text

    def job_runs(self, job):
        """`{outcome: count}` of a background job's turns on this instance."""
        runs = {}
        for outcome, count in re.findall(
                r'eduquality_background_job_runs_total\{job="%s",outcome="(\w+)"\} (\d+)' % re.escape(job), self.metrics()):
            runs[outcome] = int(count)
        return runs


def wait_ready(instance, timeout):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if instance.proc.poll() is not None:
            raise AssertionError(f"{instance.name} exited with {instance.proc.returncode}:\n" + tail(instance.log))
        try:
            if Client(instance.port).get("/ready").status == 200:
                return
        except OSError:
            pass
        time.sleep(0.3)
    raise AssertionError(f"{instance.name} was not ready after {timeout} s:\n" + tail(instance.log))


def tail(path, lines=40):
    try:
        return "\n".join(pathlib.Path(path).read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return ""


def stop(proc):
    if proc and proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.fixture(scope="module")
def cluster():
    if not os.environ.get("TEST_DATABASE_URL"):
        missing("TEST_DATABASE_URL is not set (scripts/test starts a throwaway PostgreSQL)")
    nginx = shutil.which("nginx") or ("/usr/sbin/nginx" if os.path.exists("/usr/sbin/nginx") else None)
    if not nginx:
        missing("nginx is not installed (apt-get install nginx)")
    if not shutil.which("psql"):
        missing("psql is not installed (it comes with PostgreSQL's client)")
    if not os.path.exists(BINARY):
        missing(f"the server binary is missing at {BINARY}")

    with fresh_database("eq_two") as database_url:
        yield from run_cluster(nginx, database_url)


def run_cluster(nginx, database_url):
    work = tempfile.mkdtemp(prefix="eq-two-")
    os.chmod(work, 0o755)   # nginx's worker (nobody) reads below it
    relay = FakeRelay()
    threading.Thread(target=relay.serve_forever, daemon=True).start()
    shared = {
        "DATABASE_URL": database_url,
        "FORM_SECRET": secrets.token_hex(32),
        "RECEIPT_SECRET": secrets.token_hex(32),
        "METRICS_TOKEN": METRICS_TOKEN,
        "EVIDENCE_DIR": os.path.join(work, "evidence"),
        "SMTP_HOST": "127.0.0.1",
        "SMTP_PORT": str(relay.server_address[1]),
        "DEMO_PASSWORD": PASSWORD,
    }
    procs, logs = [], []
    instances = []
    nginx_proc = None
    try:
        for index, args in enumerate((["serve", "--demo"], ["serve"])):
            port = BASE_PORT + index
            data = os.path.join(work, f"data{index + 1}")
            os.makedirs(data)
            log_path = os.path.join(work, f"instance{index + 1}.log")
            log = open(log_path, "w")
            logs.append(log)
            env = dict(os.environ, EDUQUALITY_DATA_DIR=data, **shared)
            proc = subprocess.Popen([BINARY, *args, "--port", str(port)], cwd=SERVER_ROOT, env=env,
                                    stdout=log, stderr=subprocess.STDOUT)
            procs.append(proc)
            instance = Instance(f"instance {index + 1}", port, proc, log_path)
            # One after the other: the first migrates and seeds, the second must find it done.
            wait_ready(instance, 300)
            instances.append(instance)

        prefix = os.path.join(work, "nginx")
        for sub in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
            os.makedirs(os.path.join(prefix, "tmp", sub))
            os.chmod(os.path.join(prefix, "tmp", sub), 0o777)
        os.chmod(prefix, 0o755)
        os.chmod(os.path.join(prefix, "tmp"), 0o755)
        conf = os.path.join(prefix, "nginx.conf")
        proxy_port = BASE_PORT + 2
        pathlib.Path(conf).write_text(NGINX_CONF.format(prefix=prefix, one=BASE_PORT, two=BASE_PORT + 1, port=proxy_port))
        nginx_log = open(os.path.join(prefix, "stderr.log"), "w")
        logs.append(nginx_log)
        nginx_proc = subprocess.Popen([nginx, "-c", conf, "-p", prefix], stdout=nginx_log, stderr=subprocess.STDOUT)
        deadline = time.time() + 20
        while True:
            try:
                with socket.create_connection(("127.0.0.1", proxy_port), timeout=1):
                    break
            except OSError:
                if nginx_proc.poll() is not None or time.time() > deadline:
                    raise AssertionError("nginx did not start:\n" + tail(os.path.join(prefix, "stderr.log"))
                                         + tail(os.path.join(prefix, "error.log")))
                time.sleep(0.1)

        yield {"proxy": proxy_port, "instances": instances, "db": database_url, "relay": relay,
               "started": time.time()}
    finally:
        stop(nginx_proc)
        for proc in reversed(procs):
            stop(proc)
        for log in logs:
            log.close()
        relay.shutdown()
        relay.server_close()
        shutil.rmtree(work, ignore_errors=True)


def by_address(cluster):
    return {i.address: i for i in cluster["instances"]}


# --- the tests ---------------------------------------------------------------------------------------

def test_consecutive_requests_through_nginx_alternate_between_the_instances(cluster):
    proxy = Client(cluster["proxy"])
    answers = [proxy.get("/health") for _ in range(6)]
    assert all(a.status == 200 for a in answers)
    assert alternated(answers), [a.upstream for a in answers]
    assert {a.upstream for a in answers} == set(by_address(cluster))


def test_a_signed_in_session_and_its_form_tokens_work_whichever_instance_answers(cluster):
    # a concern for the provider lead's queue, raised through the API
    created = Client(cluster["proxy"]).request(
        "POST", "/api/v1/concerns", headers={"Content-Type": "application/json"},
        body='{"anonymity":"anonymous","organisation":"T001","category":"supervision","pathway":1,'
             '"description":"Two instances: no supervisor on the night shift."}')
    assert created.status == 201, created.text
    reference = re.search(r'"reference":"([^"]+)"', created.text).group(1)

    handler = Client(cluster["proxy"])
    login_page, signed_in = handler.sign_in(PROVIDER_LEAD)
    # the sign-in form came from one instance and was accepted by the other
    assert login_page.upstream != signed_in.upstream

    pages = [handler.get(path) for path in ("/account", "/concerns/queue", f"/concerns/cases/{reference}", "/account")]
    assert [p.status for p in pages] == [200] * 4, [(p.status, p.upstream) for p in pages]
    assert alternated([signed_in] + pages)
    assert all("Priya Provider Lead" in p.text for p in pages), "a page did not show the signed-in handler"
    assert reference in pages[1].text

    # a note posted with the token of a page drawn by the other instance
    case_page = handler.get(f"/concerns/cases/{reference}")
    note = f"Checked the rota with the ward manager ({secrets.token_hex(3)})."
    posted = handler.post(f"/concerns/cases/{reference}/add-internal-note",
                          {"_csrf": case_page.form_token(), "text": note})
    assert posted.status == 303, f"{posted.status} from {posted.upstream}: {posted.text[:400]}"
    assert posted.upstream != case_page.upstream
    shown = [handler.get(f"/concerns/cases/{reference}") for _ in range(2)]
    assert all(s.status == 200 and note in s.text for s in shown)
    assert alternated(shown)

    # the same cookies asked of each instance directly: both know the session; signed out through
    # one, neither does
    cookies = dict(handler.cookies)
    assert "eq_session" in cookies
    for instance in cluster["instances"]:
        direct = Client(instance.port)
        direct.cookies = dict(cookies)
        assert direct.get("/account").status == 200, f"{instance.name} did not know the session"
    signed_out = handler.post("/logout", {"_csrf": shown[-1].form_token()})
    assert signed_out.status == 303
    for instance in cluster["instances"]:
        direct = Client(instance.port)
        direct.cookies = dict(cookies)
        assert direct.get("/account").status == 401, f"{instance.name} still knew the session after signing out"


CORE_ITEMS = ["IND1", "IND2", "IND3", "IND4", "IND5", "SUP1", "SUP3", "SUP4", "SUP5", "SUP6", "FAC1", "FAC2",
              "LRN1", "LRN2", "LRN4", "LRN5", "TEAM1", "TEAM2", "TEAM3", "TEAM4", "OVR1", "OVR2", "EDS1", "EDS2",
              "EDS3", "SPK1", "SPK2", "SUP2", "FAC3", "FAC4", "LRN3", "NMW1", "NMW2"]


def test_a_response_submitted_on_one_instance_shows_in_the_other_instances_reports_within_5_seconds(cluster):
    """Responses reach the reports when their round is published (nothing moves while a round is
    open), so: three surveys are sent to instance 1, the round's last day passes (its dates are
    moved back in the database: the test cannot wait for midnight), a national lead publishes it on
    instance 1, and instance 2's reporting API, asked directly, shows the three within 5 s."""
    one, two = cluster["instances"]
    today = datetime.datetime.now(datetime.timezone.utc).date()
    code = "TWO-" + secrets.token_hex(3).upper()
    lead = Client(cluster["proxy"])
    lead.sign_in(NATIONAL_LEAD)
    admin = lead.get("/admin/survey")
    assert admin.status == 200
    made = lead.post("/admin/survey/rounds", {"_csrf": admin.form_token(), "code": code, "opens": today.isoformat(),
                                             "closes": (today + datetime.timedelta(days=1)).isoformat(),
                                             "questionnaire": "core-2026"})
    assert made.status == 201, made.text[:500]

    learner = one.client()
    token = learner.get("/survey/resume").form_token()
    for _ in range(3):
        answers = {"_csrf": token, "profession": "student-nurse", "organisation": "T001",
                   "placement-type": "community", "training-level": "year-2"}
        answers.update({item: str(random.randint(1, 5)) for item in CORE_ITEMS})
        sent = learner.post(f"/survey/{code}/submit", answers)
        assert sent.status == 201, sent.text[:500]
    query = f"/api/v1/reports/indicators?round={code}&groupBy=profession"
    before = two.client().get(query)
    assert before.status == 200 and '"published":false' in before.text, before.text[:300]

    yesterday = today - datetime.timedelta(days=1)
    psql(cluster["db"], f"UPDATE survey_rounds SET opens_on = '{(today - datetime.timedelta(days=2)).isoformat()}', "
                        f"closes_on = '{yesterday.isoformat()}' WHERE code = '{code}'")
    on_one = Client(one.port)
    on_one.cookies = dict(lead.cookies)
    page = on_one.get("/admin/survey")
    published = on_one.post(f"/admin/survey/rounds/{code}/publish", {"_csrf": page.form_token()})
    assert published.status == 200, published.text[:500]
    at = time.time()
    while True:
        shown = two.client().get(query)
        if shown.status == 200 and '"published":true' in shown.text:
            break
        assert time.time() - at < 5, f"instance 2 did not show the round within 5 s: {shown.text[:300]}"
        time.sleep(0.2)
    took = time.time() - at
    assert re.search(r'"group":"student-nurse","indicator":"[a-z-]+","mean":[\d.]+,"n":3\b', shown.text), shown.text[:600]
    print(f"instance 2 showed the responses sent to instance 1 {took:.1f} s after publication")


def hidden(page, name):
    match = re.search(rf'<input type="hidden" name="{name}" value="([^"]+)">', page.text)
    assert match, f"no hidden {name} in the page ({page.status}): {page.text[:300]}"
    return match.group(1)


def test_a_learner_saving_and_resuming_a_survey_moves_between_instances_freely(cluster):
    """The survey's own tokens (a draft token signed with FORM_SECRET) and drafts (in the
    database): page 1 answered on one instance, page 2 on the other and saved, the resume code
    typed in a new browser, and the survey sent from wherever the next request lands. The code
    then finds nothing on either instance."""
    code = value(cluster["db"], "SELECT code FROM survey_rounds WHERE code LIKE 'NETS-%' ORDER BY opens_on DESC LIMIT 1")
    learner = Client(cluster["proxy"])
    first = learner.get(f"/survey/{code}/questions")
    placement = {"profession": "student-nurse", "organisation": "T001", "placement-type": "community",
                 "training-level": "year-2"}
    second = learner.post(f"/survey/{code}/questions",
                          {"_csrf": first.form_token(), "page": "1", "action": "continue", **placement})
    assert second.status == 200 and 'name="page" value="2"' in second.text, second.text[:300]
    page_two = {"IND1": "4", "IND2": "5", "IND3": "3", "IND4": "4", "IND5": "2"}
    saved = learner.post(f"/survey/{code}/questions", {"_csrf": second.form_token(), "draft": hidden(second, "draft"),
                                                       "page": "2", "action": "save", **page_two})
    assert saved.status == 200 and "Your answers are saved" in saved.text, saved.text[:300]
    assert alternated([first, second, saved])
    resume = re.search(r'id="resume-code">([^<]+)<', saved.text).group(1)

    later = Client(cluster["proxy"])
    form = later.get("/survey/resume")
    resumed = later.post("/survey/resume", {"_csrf": form.form_token(), "resume": resume})
    assert resumed.status == 200, resumed.text[:300]
    for item, answer in page_two.items():
        assert f'name="{item}" type="radio" value="{answer}" checked' in resumed.text, f"{item} lost on the way"
    answers = {"_csrf": form.form_token(), "draft": hidden(resumed, "draft"), **placement, **page_two}
    answers.update({item: "4" for item in CORE_ITEMS if item not in page_two})
    sent = later.post(f"/survey/{code}/submit", answers)
    assert sent.status == 201, sent.text[:300]
    assert alternated([form, resumed, sent])
    for instance in cluster["instances"]:
        again = instance.client()
        token = again.get("/survey/resume").form_token()
        assert again.post("/survey/resume", {"_csrf": token, "resume": resume}).status == 404, \
            f"{instance.name} still found the draft that was sent"


def refusals(answers):
    """The 1-based attempt at which the first 429 came, and the statuses."""
    statuses = [a.status for a in answers]
    return (statuses.index(429) + 1 if 429 in statuses else None), statuses


def receipt_code():
    alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
    return "".join(random.choice(alphabet) for _ in range(20))


def resume_code():
    alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
    return "".join(random.choice(alphabet) for _ in range(16))


def look_up_receipts(client, code, attempts):
    return [client.get("/api/v1/concerns/follow-up", headers={"X-Receipt-Code": code}) for _ in range(attempts)]


def look_up_resume_codes(client, code, attempts):
    token = client.get("/survey/resume").form_token()
    return [client.post("/survey/resume", {"_csrf": token, "resume": code}) for _ in range(attempts)]


def sign_in_wrongly(client, email, attempts):
    """Wrong passwords in a row. Each failure is answered only after a full password check (about
    0.3 s in a debug build), well inside the 2 s the fourth attempt must wait."""
    token = client.get("/login").form_token()
    return [client.post("/login", {"_csrf": token, "email": email, "password": "not the password"})
            for _ in range(attempts)]


@pytest.mark.parametrize("kind, attempts, limit", [
    ("receipt codes (20 failures per case in 15 minutes)", look_up_receipts, 20),
    ("resume codes (5 failures per code in 15 minutes)", look_up_resume_codes, 5),
])
def test_a_code_look_up_limit_holds_across_instances(cluster, kind, attempts, limit):
    make = receipt_code if kind.startswith("receipt") else resume_code
    # one instance alone
    alone, alone_statuses = refusals(attempts(cluster["instances"][0].client(), make(), limit + 2))
    # the same through nginx, alternating
    proxy = Client(cluster["proxy"])
    code = make()
    answers = attempts(proxy, code, limit + 2)
    both, statuses = refusals(answers)
    assert alternated(answers), [a.upstream for a in answers]
    assert alone == limit + 1, f"{kind}: one instance refused at attempt {alone}: {alone_statuses}"
    assert both == alone, f"{kind}: two instances refused at attempt {both}, one at {alone}: {statuses}"
    assert set(statuses[:limit]) == {404}, statuses
    # and once refused, it is refused on each instance asked directly
    for instance in cluster["instances"]:
        again = attempts(instance.client(), code, 1)[0]
        assert again.status == 429, f"{kind}: {instance.name} let a look-up through after the limit"
        if kind.startswith("resume"):
            assert again.headers.get("Retry-After"), "a refusal says when to try again"


def test_the_sign_in_throttle_holds_across_instances(cluster):
    """Three free failures per email and client, then a wait that doubles: the fourth attempt at
    once is refused (429), on one instance and through two alike."""
    alone, alone_statuses = refusals(sign_in_wrongly(cluster["instances"][0].client(),
                                                     f"nobody-{secrets.token_hex(3)}@example.org", 5))
    email = f"nobody-{secrets.token_hex(3)}@example.org"
    proxy = Client(cluster["proxy"])
    answers = sign_in_wrongly(proxy, email, 5)
    both, statuses = refusals(answers)
    assert alternated(answers), [a.upstream for a in answers]
    assert alone == 4, f"one instance refused at attempt {alone}: {alone_statuses}"
    assert both == alone, f"two instances refused at attempt {both}, one at {alone}: {statuses}"
    assert statuses[:3] == [401, 401, 401], statuses
    for instance in cluster["instances"]:
        assert sign_in_wrongly(instance.client(), email, 1)[0].status == 429, f"{instance.name} let an attempt through"


def test_behind_nginx_the_sign_in_throttle_counts_per_email_and_locks_nobody_out(cluster):
    """The tight count is per email and client, by the connection's address (README, "Behind a
    proxy": the server reads no X-Forwarded-For). Directly on an instance, another machine's
    failures leave the owner alone; behind nginx every connection is nginx's, so after three
    failures to an email every attempt at it waits, on either instance — and only waits: once the
    wait is over the owner gets in. Two machines are two loopback source addresses here."""
    email = "reviewer@demo.eduquality.test"   # signed in by no other test
    one = cluster["instances"][0]
    attacker = sign_in_wrongly(Client(one.port, source="127.0.0.2"), email, 4)
    assert [a.status for a in attacker] == [401, 401, 401, 429]
    Client(one.port, source="127.0.0.3").sign_in(email)   # the owner, on another machine: admitted

    attacker = sign_in_wrongly(Client(cluster["proxy"], source="127.0.0.4"), email, 3)
    assert [a.status for a in attacker] == [401, 401, 401]
    owner = Client(cluster["proxy"], source="127.0.0.5")
    page = owner.get("/login")
    refused = owner.post("/login", {"_csrf": page.form_token(), "email": email, "password": PASSWORD})
    assert refused.status == 429, f"{refused.status}: behind nginx the count is per email"
    wait = int(refused.headers["Retry-After"])
    assert 1 <= wait <= 2, wait
    time.sleep(wait + 0.2)
    admitted = owner.post("/login", {"_csrf": page.form_token(), "email": email, "password": PASSWORD})
    assert admitted.status == 303, f"after the wait the owner was refused ({admitted.status})"
    assert refused.upstream != admitted.upstream, "the wait was kept on one instance and honoured by the other"


def test_background_jobs_run_on_one_instance_per_turn(cluster):
    """Housekeeping (hourly) ran once, on the instance that started first; outbox delivery (every
    30 s) ran on one instance per turn and the relay got each notice once."""
    one, two = cluster["instances"]
    deadline = cluster["started"] + 70
    while True:
        delivery = [i.job_runs("outbox-delivery") for i in (one, two)]
        if all(sum(d.values()) >= 1 for d in delivery):
            break
        assert time.time() < deadline, f"outbox delivery has not had a turn on both instances: {delivery}"
        time.sleep(1)
    housekeeping = [i.job_runs("housekeeping") for i in (one, two)]
    assert sum(h.get("ran", 0) for h in housekeeping) == 1, housekeeping
    assert housekeeping[0].get("ran") == 1 and housekeeping[1].get("skipped", 0) >= 1, housekeeping
    holder = value(cluster["db"], "SELECT holder FROM job_leases WHERE name = 'housekeeping'")
    assert f":{one.proc.pid}:" in holder, f"the housekeeping lease is held by {holder}, not instance 1"

    delivery = [i.job_runs("outbox-delivery") for i in (one, two)]
    ran = sum(d.get("ran", 0) for d in delivery)
    turns = max(sum(d.values()) for d in delivery)
    assert 1 <= ran <= turns, f"outbox delivery ran {ran} times in {turns} turns: {delivery}"
    assert all(d.get("failed", 0) == 0 for d in delivery), delivery
    relay = cluster["relay"]
    deadline = time.time() + 10
    while True:
        sent = int(value(cluster["db"], "SELECT count(*) FROM outbox WHERE sent_on IS NOT NULL"))
        with relay.lock:
            received = list(relay.received)
        if sent > 0 and len(received) == sent:
            break
        assert time.time() < deadline, f"{sent} notices marked sent, {len(received)} received by the relay"
        time.sleep(0.5)
    assert len(set(received)) == len(received), "a notice was delivered twice"


def test_an_import_uploaded_through_nginx_shows_its_progress(cluster):
    """An import's progress page is kept by the instance that took the upload, so the proxy sends
    `/admin/survey/imports` to one instance (README, "Scaling out"; the location in NGINX_CONF):
    the upload and every refresh of its progress page answer, while other pages still alternate."""
    lead = Client(cluster["proxy"])
    lead.sign_in(NATIONAL_LEAD)
    page = lead.get("/admin/survey")
    boundary = "eq" + secrets.token_hex(8)
    parts = [("_csrf", page.form_token()), ("round", "NETS-2025"), ("dryRun", "true")]
    body = "".join(f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n' for k, v in parts)
    body += (f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="late.csv"\r\n'
             f"Content-Type: text/csv\r\n\r\nresponse_id,submitted_on,profession\r\n\r\n--{boundary}--\r\n")
    started = lead.request("POST", "/admin/survey/imports", body=body.encode(),
                           headers={"Content-Type": f"multipart/form-data; boundary={boundary}"})
    assert started.status == 303, started.text[:400]
    progress = urllib.parse.urlsplit(started.headers["Location"]).path
    views = [lead.get(progress) for _ in range(3)]
    assert [v.status for v in views] == [200] * 3, [(v.status, v.upstream) for v in views]
    assert {v.upstream for v in views} == {started.upstream}
    assert "late.csv" in views[-1].text
    others = [lead.get("/admin/survey") for _ in range(2)]
    assert alternated(others)
