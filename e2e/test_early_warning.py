"""The early-warning view as a regional quality team meets it: the region's list with the demo's
signal at Eastgate London (T004) and not at Kingsway (T005), whose one source worsens alone; the
organisation's page with its table, small multiples and reasons; a register entry opened from the
signal; and the signal dismissed (refused first without a reason). axe-core and both widths on
every page, and the page printed."""
from selenium.webdriver.common.by import By

from conftest import ACCOUNTS, checked, main_text, press, set_value, set_viewport, sign_in, submit


def test_signal_list_page_register_entry_and_dismissal(browser, server):
    base = server["base"]
    sign_in(browser, base, ACCOUNTS["regional-quality-team"])
    browser.get(base + "/quality/early-warning")
    checked(browser)
    signals = browser.find_element(By.CSS_SELECTOR, "main table").text
    assert "Eastgate London NHS Trust" in signals and "ISF category rose from 2 to 3" in signals
    assert "Kingsway University Hospitals" not in signals

    browser.get(base + "/quality/early-warning/T005")
    checked(browser)
    assert "One source worsened on its own, which does not raise a signal" in main_text(browser)

    browser.get(base + "/quality/early-warning")
    submit(browser, browser.find_element(By.LINK_TEXT, "Eastgate London NHS Trust"))
    checked(browser)
    text = main_text(browser)
    assert "Early-warning signal" in text and "High and extreme register entries" in text
    assert len(browser.find_elements(By.CSS_SELECTOR, "main svg[role=img]")) >= 10
    set_viewport(browser, 1280, print_media=True)
    assert browser.find_element(By.CSS_SELECTOR, "main table").is_displayed()
    set_viewport(browser, 1280)

    submit(browser, browser.find_element(By.LINK_TEXT, "Open a register entry from this signal"))
    checked(browser)
    assert "Opened from the early-warning signal of" in main_text(browser)
    browser.execute_script("document.querySelector(\"input[name='standards']\").checked = true")
    browser.find_element(By.ID, "likelihood-3").click()
    browser.find_element(By.ID, "impact-4").click()
    press(browser, "/register/new")
    assert "The entry has been opened." in main_text(browser)
    entry = browser.current_url.split("/register/")[1].split("?")[0]

    browser.get(base + "/quality/early-warning/T004")
    assert f"Register entry {entry} was opened from this signal." in main_text(browser)
    press(browser, "/quality/early-warning/T004/dismiss")
    assert "There is a problem" in main_text(browser)
    checked(browser)
    set_value(browser, "reason", "Known to the team: the improvement plan is in place and the entry is open")
    press(browser, "/quality/early-warning/T004/dismiss")
    assert "The signal has been dismissed." in main_text(browser)
    browser.get(base + "/quality/early-warning")
    assert "Dismissed this quarter" in main_text(browser)
    checked(browser)
