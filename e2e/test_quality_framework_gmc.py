"""The Quality Framework's draft pages and the GMC survey pages, checked with axe-core. The crawl
reaches the published pages by links; these pages appear only after a form is sent."""
import os
import tempfile

from selenium.webdriver.common.by import By

from conftest import ACCOUNTS, check_accessibility, sign_in, submit


def test_an_administrator_drafts_a_version_and_sees_a_refused_edit(browser, server):
    base = server["base"]
    sign_in(browser, base, ACCOUNTS["administrator"])
    browser.get(base + "/admin/reference/quality-framework")
    check_accessibility(browser)
    buttons = browser.find_elements(By.CSS_SELECTOR, "form[action$='/quality-framework/draft'] button")
    if buttons:
        submit(browser, buttons[0])
    else:
        browser.get(base + "/admin/reference/quality-framework/draft")
    assert "Draft version" in browser.find_element(By.TAG_NAME, "h1").text
    check_accessibility(browser)
    text = browser.find_element(By.ID, "text-1.1")
    text.clear()
    submit(browser, browser.find_element(By.CSS_SELECTOR, "form[action$='/draft/standards/1.1'] button"))
    assert "Enter the text" in browser.find_element(By.CLASS_NAME, "nhsuk-error-summary").text
    check_accessibility(browser)
    submit(browser, browser.find_element(By.CSS_SELECTOR, "form[action$='/draft/discard'] button"))
    browser.get(base + "/quality-framework")
    check_accessibility(browser)


def test_a_regional_team_sees_line_errors_for_a_bad_gmc_file(browser, server):
    base = server["base"]
    sign_in(browser, base, ACCOUNTS["regional-quality-team"])
    browser.get(base + "/quality/gmc-survey")
    check_accessibility(browser)
    with tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False) as f:
        f.write("year,organisation,site,specialty,indicator,score,flag\n2026,T010,,acute-medicine,workload,50,amber\n")
        path = f.name
    try:
        browser.find_element(By.ID, "gmcFile").send_keys(path)
        submit(browser, browser.find_element(By.CSS_SELECTOR, "form[action^='/quality/gmc-survey'] button[type=submit]"))
    finally:
        os.unlink(path)
    assert "nothing was imported" in browser.find_element(By.CLASS_NAME, "nhsuk-error-summary").text
    assert "outside the organisations you may import results for" in browser.page_source
    check_accessibility(browser)
    browser.get(base + "/quality/organisations/T001/gmc-survey")
    assert "Red" in browser.page_source
    check_accessibility(browser)
