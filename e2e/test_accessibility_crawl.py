"""Every page reachable from the home page (links and GET forms, bounded), as the public and as
every demo account in turn, checked with axe-core (no serious or critical violation anywhere)
and at 375 px and 1,280 px (no page wider than its window)."""
import re
import time
import urllib.parse

import pytest
from selenium.webdriver.common.by import By

from conftest import ACCOUNTS, AXE_SOURCE, sign_in, widths_that_overflow

# Bounds: pages per role, pages per route shape (the same page with other codes or filters
# seldom differs in markup) and seconds per role, so the whole crawl stays within a few minutes.
# A page another role has already checked is followed but not checked again: every role sees the
# same templates, and the menu is checked on every page anyway.
MAX_PAGES = 40
PER_SHAPE = 2
SECONDS_PER_ROLE = 60
CHECKED = set()
SKIP = re.compile(r"^/(logout|static|nhsuk|css|js|favicon)|\.(csv|json|svg|png|ico|js|css)(\?|$)|^/api/")


def shape(path):
    """A page's route shape: its path with codes and numbers folded, and its query's names."""
    parsed = urllib.parse.urlparse(path)
    folded = re.sub(r"/[A-Z0-9][A-Z0-9-]{2,}(?=/|$)", "/CODE", parsed.path)
    folded = re.sub(r"/\d+(?=/|$)", "/N", folded)
    names = sorted({k for k, _ in urllib.parse.parse_qsl(parsed.query, keep_blank_values=True)} - {"page"})
    return folded + "?" + "&".join(names)


def links_and_forms(driver, base):
    found = []
    for a in driver.find_elements(By.CSS_SELECTOR, "a[href]"):
        found.append(a.get_attribute("href"))
    # GET forms, submitted with the values they show
    for form in driver.find_elements(By.CSS_SELECTOR, "form"):
        if (form.get_attribute("method") or "get").lower() != "get":
            continue
        action = form.get_attribute("action") or driver.current_url
        query = driver.execute_script(
            "return new URLSearchParams(new FormData(arguments[0])).toString()", form)
        found.append(action.split("?")[0] + ("?" + query if query else ""))
    result = []
    for url in found:
        if not url or not url.startswith(base):
            continue
        path = url[len(base):].split("#")[0] or "/"
        if not SKIP.search(path):
            result.append(path)
    return result


def violations(driver):
    driver.execute_script(AXE_SOURCE)
    results = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {resultTypes: ['violations']}).then(done, e => done({error: String(e)}));")
    assert "error" not in results, results
    return [f"{v['id']} ({v['impact']}) at {[n['target'] for n in v['nodes']][:2]}"
            for v in results["violations"] if v.get("impact") in ("serious", "critical")]


def crawl(driver, base):
    queue, seen, shapes, problems = ["/"], set(), {}, {}
    started = time.time()
    while queue and len(seen) < MAX_PAGES and time.time() - started < SECONDS_PER_ROLE:
        path = queue.pop(0)
        if path in seen or shapes.get(shape(path), 0) >= PER_SHAPE:
            continue
        seen.add(path)
        shapes[shape(path)] = shapes.get(shape(path), 0) + 1
        driver.get(base + path)
        if driver.execute_script("return document.contentType") != "text/html":
            continue
        found = widths_that_overflow(driver)
        if path not in CHECKED:
            CHECKED.add(path)
            found += violations(driver)
        if found:
            problems[path] = found
        queue.extend(p for p in links_and_forms(driver, base) if p not in seen)
    return seen, problems


@pytest.mark.parametrize("role", [None] + sorted(ACCOUNTS))
def test_every_reachable_page_has_no_serious_violation(server, browser, role):
    base = server["base"]
    if role:
        sign_in(browser, base, ACCOUNTS[role])
    seen, problems = crawl(browser, base)
    assert len(seen) >= 5, f"the crawl reached only {sorted(seen)}"
    assert not problems, f"{role or 'public'}: " + "; ".join(f"{p}: {v}" for p, v in problems.items())
