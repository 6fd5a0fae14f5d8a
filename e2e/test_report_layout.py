"""The reporting tool's layout: no page wider than its window at 375 px and 1,280 px, the flag
grid's indicators in view, a printed report with every column, and screenshots of each to look
at (saved outside the repository, in E2E_SCREENS or /tmp/screens)."""
import base64
import os
import pathlib

from selenium.webdriver.common.by import By

from conftest import overflow, set_viewport

SCREENS = pathlib.Path(os.environ.get("E2E_SCREENS", "/tmp/screens"))
# An A4 page less 12 mm margins each side, at 96 CSS pixels to the inch.
PRINTED_WIDTH = 703


def screenshot(driver, name):
    """The whole page, not only the window."""
    SCREENS.mkdir(parents=True, exist_ok=True)
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True})
    (SCREENS / name).write_bytes(base64.b64decode(shot["data"]))


def grid_fit(driver):
    """How many of the flag grid's columns are visible without scrolling, and how many there are."""
    return driver.execute_script("""
        const box = document.querySelector('.eq-table-scroll');
        const right = box.getBoundingClientRect().right;
        const heads = Array.from(document.querySelectorAll('table.eq-grid thead th'));
        return [heads.filter(th => th.getBoundingClientRect().right <= right + 1).length, heads.length];""")


def test_reports_page_fits_both_widths_and_shows_the_grid(browser, server):
    base = server["base"]
    for view in ("grid", "boxplots", "items", "trends", "ranking"):
        for width in (375, 1280):
            browser.get(f"{base}/reports?view={view}&groupBy=organisation&region=LDN")
            set_viewport(browser, width)
            extra, culprits = overflow(browser)
            assert extra == 0, f"/reports?view={view} is {extra}px wider than {width}px: {culprits}"
            if view in ("grid", "boxplots"):
                screenshot(browser, f"reports-{view}-{width}.png")
    browser.get(f"{base}/reports?view=grid&groupBy=organisation&region=LDN")
    set_viewport(browser, 1280)
    visible, total = grid_fit(browser)
    assert total == 10 and visible == total, f"at 1,280 px {visible} of {total} flag grid columns show without scrolling"
    set_viewport(browser, 375)
    sticky = browser.find_element(By.CSS_SELECTOR, "table.eq-grid tbody th").value_of_css_property("position")
    assert sticky == "sticky", "the group names stay in view while the grid scrolls"


def test_printed_regional_report_keeps_every_column(browser, server):
    browser.get(server["base"] + "/reports/regions/LDN")
    set_viewport(browser, PRINTED_WIDTH, print_media=True)
    try:
        visible, total = grid_fit(browser)
        assert total == 10 and visible == total, f"printed, {visible} of {total} flag grid columns fit the page"
        assert not browser.find_element(By.CSS_SELECTOR, ".nhsuk-header").is_displayed(), "print hides the menu"
        screenshot(browser, "reports-print-region.png")
    finally:
        set_viewport(browser, 1280)
