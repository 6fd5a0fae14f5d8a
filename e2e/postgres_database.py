"""A fresh PostgreSQL database for one test, on the server TEST_DATABASE_URL points to, dropped
afterwards. Outside CI a missing TEST_DATABASE_URL skips the test with a message; in CI (CI=true)
it fails it, as PostgreSQL is mandatory there. Queries go through psql, so no Python driver is needed."""
import contextlib
import os
import secrets
import subprocess
import urllib.parse

import pytest


def server_url():
    url = os.environ.get("TEST_DATABASE_URL", "")
    if url:
        return url
    if os.environ.get("CI") == "true":
        pytest.fail("TEST_DATABASE_URL is not set: the PostgreSQL crash tests are mandatory in CI")
    pytest.skip("TEST_DATABASE_URL is not set: the PostgreSQL crash tests are skipped (set it to a throwaway server's URL)")


def with_database(url, name):
    """The same server URL naming another database (user, host, port and options kept)."""
    parts = urllib.parse.urlsplit(url)
    return urllib.parse.urlunsplit(parts._replace(path="/" + name))


def psql(url, sql, timeout=60):
    """Rows of the last statement, each a list of strings (NULL as the empty string)."""
    out = subprocess.run(["psql", "-X", "-A", "-t", "-q", "-v", "ON_ERROR_STOP=1", "-F", "\t", "-d", url, "-c", sql],
                         check=True, capture_output=True, text=True, timeout=timeout).stdout
    return [line.split("\t") for line in out.splitlines() if line]


@contextlib.contextmanager
def fresh_database(prefix):
    """Yields the URL of a new empty database; drops it (closing what still holds it) on the way out."""
    server = server_url()
    name = f"{prefix}_{secrets.token_hex(4)}"
    psql(server, f"CREATE DATABASE {name}")
    try:
        yield with_database(server, name)
    finally:
        psql(server, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
