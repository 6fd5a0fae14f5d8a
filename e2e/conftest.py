"""Browser tests: start the real server (SQLite, demo data) and drive Debian's chromium."""
import os
import pathlib
import shutil
import socket
import subprocess
import tempfile
import time

import pytest
import axe_playwright_python
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

ROOT = pathlib.Path(__file__).resolve().parent.parent
PASSWORD = "e2e-demo-password"
PORT = int(os.environ.get("E2E_PORT", "18080"))
BASE = f"http://127.0.0.1:{PORT}"

ACCOUNTS = {
    "learner": "learner@demo.eduquality.test",
    "educator": "educator@demo.eduquality.test",
    "provider-education-lead": "provider-lead@demo.eduquality.test",
    "education-provider-lead": "university-lead@demo.eduquality.test",
    "ftsu-guardian": "guardian@demo.eduquality.test",
    "regional-quality-team": "regional-team@demo.eduquality.test",
    "national-quality-lead": "national-lead@demo.eduquality.test",
    "regulator-liaison": "regulator@demo.eduquality.test",
    "reviewer": "reviewer@demo.eduquality.test",
    "administrator": "admin@demo.eduquality.test",
}


def _wait_for_port(port, timeout, proc):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited with {proc.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError("server did not start")


@pytest.fixture(scope="session")
def server():
    binary = os.environ.get("EDUQUALITY_BIN", str(ROOT / ".build" / "debug" / "eduquality"))
    data = tempfile.mkdtemp(prefix="eq-e2e-")
    env = dict(os.environ, EDUQUALITY_DATA_DIR=data, DEMO_PASSWORD=PASSWORD)
    env.pop("DATABASE_URL", None)
    log = open(os.path.join(data, "server.log"), "w")
    proc = subprocess.Popen([binary, "serve", "--demo", "--port", str(PORT)], cwd=ROOT, env=env,
                            stdout=log, stderr=subprocess.STDOUT)
    try:
        _wait_for_port(PORT, 300, proc)
        yield {"base": BASE, "log": os.path.join(data, "server.log"), "data": data}
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()
        shutil.rmtree(data, ignore_errors=True)


@pytest.fixture
def browser(server):
    os.environ.setdefault("SE_OFFLINE", "true")
    options = webdriver.ChromeOptions()
    options.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,1000"):
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")), options=options)
    driver.implicitly_wait(2)
    yield driver
    driver.quit()


AXE_SOURCE = (pathlib.Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text()


def check_accessibility(driver):
    """Runs axe-core 4 in the page; fails on any serious or critical violation."""
    driver.execute_script(AXE_SOURCE)
    results = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {resultTypes: ['violations']}).then(done, e => done({error: String(e)}));")
    assert "error" not in results, results
    bad = [v for v in results["violations"] if v.get("impact") in ("serious", "critical")]
    assert not bad, f"{driver.current_url}: " + "; ".join(
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}" for v in bad)


def sign_in(driver, base, email):
    driver.get(base + "/login")
    driver.find_element(By.ID, "email").send_keys(email)
    driver.find_element(By.ID, "password").send_keys(PASSWORD)
    submit(driver, driver.find_element(By.CSS_SELECTOR, "form[action='/login'] button[type=submit]"))


def submit(driver, button):
    """Clicks a submit button and waits until the next page has replaced this one and loaded."""
    navigate(driver, button.click)


def navigate(driver, action):
    """Runs `action` (a click, a key press) and waits until the next page has replaced this one and
    finished loading."""
    from selenium.common.exceptions import WebDriverException
    from selenium.webdriver.support import expected_conditions
    from selenium.webdriver.support.ui import WebDriverWait
    page = driver.find_element(By.TAG_NAME, "html")
    action()

    def replaced(_):
        # chromium answers a query about a node of the page being torn down either "stale element"
        # or, mid-navigation, "Node with given id does not belong to the document": both mean gone.
        try:
            return expected_conditions.staleness_of(page)(driver)
        except WebDriverException:
            return True

    WebDriverWait(driver, 20).until(replaced)
    # and until the new page has loaded: a click on a page still being parsed can hit a node that
    # the parser is about to replace.
    WebDriverWait(driver, 20).until(lambda d: d.execute_script("return document.readyState") == "complete")


WIDTHS = (375, 1280)


def set_viewport(driver, width, height=900, print_media=False):
    """Sets the page's viewport exactly (no browser frame) and the emulated media, in place."""
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print" if print_media else ""})


def overflow(driver):
    """How far the page is wider than its window, in CSS pixels (0 when it fits), and the
    outermost elements that stick out, to say where."""
    return driver.execute_script("""
        const width = document.documentElement.clientWidth;
        const extra = document.documentElement.scrollWidth - width;
        if (extra <= 0) return [0, []];
        const culprits = [];
        for (const el of document.body.querySelectorAll('*')) {
          const r = el.getBoundingClientRect();
          if (r.right > width + 1 && r.width > 0 && !(el.parentElement && el.parentElement.getBoundingClientRect().right > width + 1)) {
            culprits.push(el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).join('.') : ''));
            if (culprits.length >= 3) break;
          }
        }
        return [extra, culprits];""")


def widths_that_overflow(driver):
    """The widths in WIDTHS at which the loaded page is wider than its window, with details;
    leaves the viewport at the last width in WIDTHS."""
    problems = []
    for width in WIDTHS:
        set_viewport(driver, width)
        # the design system's header script gathers menu items under "More" after a resize:
        # give the page a moment to lay itself out for the new width
        for _ in range(15):
            extra, culprits = overflow(driver)
            if extra <= 0:
                break
            time.sleep(0.1)
        if extra > 0:
            problems.append(f"{extra}px too wide at {width}px ({', '.join(culprits)})")
    return problems


def checked(driver):
    """axe-core finds nothing serious, and nothing overflows at a phone's or a desktop's width."""
    check_accessibility(driver)
    assert not widths_that_overflow(driver), driver.current_url


def main_text(driver):
    return driver.find_element(By.TAG_NAME, "main").text


def set_value(driver, element_id, value):
    driver.execute_script("arguments[0].value = arguments[1]", driver.find_element(By.ID, element_id), value)


def press(driver, form_action, text=None):
    """Submits the form posting to `form_action` (the button whose text has `text`, when given),
    opening the details it is folded in first."""
    buttons = driver.find_elements(By.CSS_SELECTOR, f"form[action='{form_action}'] button[type=submit]")
    button = next(b for b in buttons if text is None or text in b.text)
    driver.execute_script("arguments[0].closest('details') && (arguments[0].closest('details').open = true)", button)
    submit(driver, button)
