"""Checks the API against its OpenAPI document on the running demo server.

1. The served document (/api/v1/openapi.json) is a valid OpenAPI 3.1 document
   (openapi-spec-validator), and /api/v1/openapi.yaml carries exactly the same data.
2. schemathesis fuzzes every operation from the served document, bounded in time, first
   anonymously and then with an API token of a concern handler (the demo regional quality team,
   which also works the register, ISF, reviews and self-assessments): no 5xx, every status code
   documented, every answer's body as the document says.

The seed is printed; replay a failure with API_CHECK_SEED=<seed>. Budget: API_CHECK_SECONDS per
run (default 100), API_CHECK_EXAMPLES per operation (default 30).
"""
import html
import json
import os
import pathlib
import random
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time

import requests
import yaml
from openapi_spec_validator import validate

ROOT = pathlib.Path(__file__).resolve().parent.parent
PORT = int(os.environ.get("API_CHECK_PORT", "18090"))
BASE = f"http://127.0.0.1:{PORT}"
PASSWORD = "api-check-demo-password"
HANDLER = os.environ.get("API_CHECK_ACCOUNT", "regional-team@demo.eduquality.test")
SECONDS = int(os.environ.get("API_CHECK_SECONDS", "100"))
EXAMPLES = int(os.environ.get("API_CHECK_EXAMPLES", "30"))
CHECKS = "not_a_server_error,status_code_conformance,response_schema_conformance"


def log(message):
    print(f"api_check: {message}", flush=True)


def wait_for_port(proc, timeout=300):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"api_check: the demo server exited with {proc.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", PORT), timeout=1):
                return
        except OSError:
            time.sleep(0.3)
    raise SystemExit("api_check: the demo server did not start")


def form_token(page):
    match = re.search(r'name="_csrf" value="([^"]+)"', page)
    if not match:
        raise SystemExit("api_check: no form token on the page")
    return html.unescape(match.group(1))


def handler_token():
    """Signs in as the handler and makes a personal API token on the account page, as a person would."""
    browser = requests.Session()
    signed_in = browser.post(BASE + "/login", data={
        "email": HANDLER, "password": PASSWORD, "_csrf": form_token(browser.get(BASE + "/login").text)})
    signed_in.raise_for_status()
    account = browser.get(BASE + "/account")
    if account.status_code != 200:
        raise SystemExit(f"api_check: could not sign in as {HANDLER} ({account.status_code})")
    made = browser.post(BASE + "/account/tokens", data={"name": "API check", "_csrf": form_token(account.text)})
    match = re.search(r'id="new-token">(eqt_[^<]+)<', made.text)
    if made.status_code != 201 or not match:
        raise SystemExit(f"api_check: no token was made ({made.status_code})")
    return match.group(1)


def check_document():
    served = requests.get(BASE + "/api/v1/openapi.json", timeout=30)
    served.raise_for_status()
    document = served.json()
    validate(document)
    as_yaml = requests.get(BASE + "/api/v1/openapi.yaml", timeout=30)
    as_yaml.raise_for_status()
    if yaml.safe_load(as_yaml.text) != document:
        raise SystemExit("api_check: openapi.yaml does not carry the same data as openapi.json")
    operations = sum(1 for item in document["paths"].values() for method in item if method in ("get", "put", "post", "patch", "delete"))
    log(f"the document is valid OpenAPI {document['openapi']} ({operations} operations); the YAML matches")


def fuzz(name, seed, headers=()):
    # One worker: with two threads, hypothesis describes lambdas through ast.parse concurrently,
    # which CPython 3.11 can fail with "AST constructor recursion depth mismatch" (a SystemError
    # in the tool, not an answer of the API); seen in CI with seed 433587200.
    command = [sys.executable, "-m", "schemathesis.cli", "run", BASE + "/api/v1/openapi.json",
               "--checks", CHECKS, "--max-examples", str(EXAMPLES), "--seed", str(seed),
               "--max-time", str(SECONDS), "--request-timeout", "20", "--workers", "1",
               "--generation-with-security-parameters", "false", "--generation-database", "none",
               "--no-color", "--suppress-health-check", "all"]
    for header in headers:
        command += ["--header", header]
    log(f"schemathesis, {name}: seed {seed}, up to {SECONDS} s and {EXAMPLES} examples an operation")
    started = time.time()
    try:
        result = subprocess.run(command, cwd=ROOT, timeout=SECONDS + 120)
    except subprocess.TimeoutExpired:
        raise SystemExit(f"api_check: schemathesis ({name}) overran its time; replay with API_CHECK_SEED={seed}")
    log(f"schemathesis, {name}: exit {result.returncode} after {time.time() - started:.0f} s")
    if result.returncode != 0:
        raise SystemExit(f"api_check: schemathesis ({name}) found failures; replay with API_CHECK_SEED={seed}")


def main():
    seed = int(os.environ.get("API_CHECK_SEED") or random.randrange(1, 2**31))
    log(f"seed {seed} (replay with API_CHECK_SEED={seed})")
    binary = os.environ.get("EDUQUALITY_BIN", str(ROOT / ".build" / "debug" / "eduquality"))
    data = tempfile.mkdtemp(prefix="eq-api-check-")
    env = dict(os.environ, EDUQUALITY_DATA_DIR=data, DEMO_PASSWORD=PASSWORD)
    env.pop("DATABASE_URL", None)
    server_log = os.path.join(data, "server.log")
    with open(server_log, "w") as out:
        proc = subprocess.Popen([binary, "serve", "--demo", "--port", str(PORT)], cwd=ROOT, env=env,
                                stdout=out, stderr=subprocess.STDOUT)
    failed = True
    try:
        wait_for_port(proc)
        check_document()
        fuzz("anonymous", seed)
        fuzz(f"with {HANDLER}'s API token", seed, [f"Authorization: Bearer {handler_token()}"])
        failed = False
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
        if failed:
            critical = [line for line in open(server_log, errors="replace") if "critical" in line.lower()]
            if critical:
                log("the server logged:\n" + "".join(critical[-20:]))
        shutil.rmtree(data, ignore_errors=True)
    log(f"passed (seed {seed})")


if __name__ == "__main__":
    main()
