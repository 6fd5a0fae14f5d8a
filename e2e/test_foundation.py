"""Signing in as each role, walking the main pages, and checking accessibility on each."""
import pytest
from selenium.webdriver.common.by import By

from conftest import ACCOUNTS, check_accessibility, sign_in, submit

PUBLIC_PAGES = ["/", "/login", "/survey", "/quality-framework"]
ADMIN_PAGES = ["/admin", "/admin/organisations", "/admin/organisations/new", "/admin/organisations/T001",
               "/admin/sites", "/admin/sites/T001-01", "/admin/users", "/admin/users/new", "/admin/reference",
               "/admin/reference/profession", "/admin/reference/regions", "/admin/reference/gmc-indicator",
               "/admin/reference/quality-framework",
               "/admin/audit", "/admin/survey", "/admin/outbox"]


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_public_pages_are_accessible(browser, server, path):
    browser.get(server["base"] + path)
    assert browser.find_element(By.TAG_NAME, "h1").text
    check_accessibility(browser)


@pytest.mark.parametrize("role", sorted(ACCOUNTS))
def test_each_role_signs_in_and_sees_their_account(browser, server, role):
    sign_in(browser, server["base"], ACCOUNTS[role])
    browser.get(server["base"] + "/account")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Your account"
    assert ACCOUNTS[role] in browser.page_source
    check_accessibility(browser)
    browser.get(server["base"] + "/admin")
    if role == "administrator":
        assert browser.find_element(By.TAG_NAME, "h1").text == "Administration"
    else:
        assert "You do not have permission" in browser.find_element(By.TAG_NAME, "h1").text


def test_administrator_walks_every_admin_page(browser, server):
    sign_in(browser, server["base"], ACCOUNTS["administrator"])
    for path in ADMIN_PAGES:
        browser.get(server["base"] + path)
        assert browser.find_element(By.TAG_NAME, "h1").text, path
        check_accessibility(browser)


def test_form_errors_are_shown_and_accessible(browser, server):
    sign_in(browser, server["base"], ACCOUNTS["administrator"])
    browser.get(server["base"] + "/admin/organisations/new")
    submit(browser, browser.find_element(By.CSS_SELECTOR, "main form button[type=submit]"))
    summary = browser.find_element(By.CLASS_NAME, "nhsuk-error-summary")
    assert "Enter a code" in summary.text
    check_accessibility(browser)


def test_sign_in_failure_keeps_the_form_usable(browser, server):
    browser.get(server["base"] + "/login")
    browser.find_element(By.ID, "email").send_keys("nobody@example.org")
    browser.find_element(By.ID, "password").send_keys("wrong password")
    submit(browser, browser.find_element(By.CSS_SELECTOR, "form[action='/login'] button[type=submit]"))
    assert "not right" in browser.find_element(By.CLASS_NAME, "nhsuk-error-summary").text
    check_accessibility(browser)
