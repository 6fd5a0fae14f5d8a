"""Record retention and subject access as an administrator in a real browser: a bad period is
refused with an error summary linking to the field, good periods are saved, the purge runs and is
listed; the subject-access page refuses a bad address and says when nothing is held. axe-core
checks each page at both widths."""
from selenium.webdriver.common.by import By

from conftest import ACCOUNTS, checked, main_text, press, set_value, sign_in


def test_administrator_sets_periods_and_runs_the_purge(browser, server):
    base = server["base"]
    sign_in(browser, base, ACCOUNTS["administrator"])
    browser.get(base + "/admin")
    browser.find_element(By.LINK_TEXT, "Record retention").click()
    assert browser.find_element(By.TAG_NAME, "h1").text == "Record retention"
    assert browser.find_element(By.ID, "closed-concerns").get_attribute("value") == "2190"
    checked(browser)

    set_value(browser, "survey-drafts", "0")
    press(browser, "/admin/retention")
    summary = browser.find_element(By.CLASS_NAME, "nhsuk-error-summary")
    assert "saved survey drafts must be a whole number" in summary.text
    assert summary.find_element(By.TAG_NAME, "a").get_attribute("href").endswith("#survey-drafts")
    checked(browser)

    set_value(browser, "survey-drafts", "45")
    press(browser, "/admin/retention")
    assert "Saved." in main_text(browser)
    assert browser.find_element(By.ID, "survey-drafts").get_attribute("value") == "45"

    press(browser, "/admin/retention/purge")
    assert "The purge ran." in main_text(browser)
    rows = browser.find_elements(By.CSS_SELECTOR, "table tbody tr")
    assert rows and ACCOUNTS["administrator"] in rows[0].text
    checked(browser)


def test_subject_access_refuses_a_bad_address_and_says_when_nothing_is_held(browser, server):
    base = server["base"]
    sign_in(browser, base, ACCOUNTS["administrator"])
    browser.get(base + "/admin/subject-access")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Subject-access export"
    checked(browser)
    browser.find_element(By.ID, "email").send_keys("not an address")
    press(browser, "/admin/subject-access")
    assert "Enter an email address" in browser.find_element(By.CLASS_NAME, "nhsuk-error-summary").text
    checked(browser)
    field = browser.find_element(By.ID, "email")
    field.clear()
    field.send_keys("nobody.at.all@example.org")
    press(browser, "/admin/subject-access")
    assert "The service holds nothing about nobody.at.all@example.org" in main_text(browser)
    checked(browser)
