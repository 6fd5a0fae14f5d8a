"""The raise-a-concern form with JavaScript: name and email only for an open or confidential
concern (hidden ones are not sent), the pathway-1 recipient only at pathway 1, and the site list
narrowed to the chosen organisation. Without JavaScript the Swift suite covers the same form."""
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import check_accessibility


def shown(browser, label_for):
    return browser.find_element(By.CSS_SELECTOR, f"label[for='{label_for}']").is_displayed()


def test_the_form_reveals_what_the_choices_need(browser, server):
    browser.get(server["base"] + "/concerns/new")
    name = browser.find_element(By.ID, "reporterName")
    assert name.is_displayed()
    browser.find_element(By.CSS_SELECTOR, "label[for=howRaised-anonymous]").click()
    assert not name.is_displayed() and not name.is_enabled(), "hidden for an anonymous concern, and not sent"
    browser.find_element(By.CSS_SELECTOR, "label[for=howRaised-confidential]").click()
    assert name.is_displayed() and name.is_enabled()

    assert shown(browser, "recipient-guardian"), "pathway 1 is chosen at first"
    browser.find_element(By.CSS_SELECTOR, "label[for=pathway-3]").click()
    assert not shown(browser, "recipient-guardian")
    browser.find_element(By.CSS_SELECTOR, "label[for=pathway-1]").click()
    assert shown(browser, "recipient-guardian")

    Select(browser.find_element(By.ID, "organisation")).select_by_value("T001")
    groups = browser.execute_script("return Array.from(document.querySelectorAll('#site optgroup')).map(g => g.label)")
    assert groups == ["Thamesbank University Hospitals NHS Foundation Trust"]
    Select(browser.find_element(By.ID, "site")).select_by_value("T001-01")
    Select(browser.find_element(By.ID, "organisation")).select_by_value("T002")
    assert browser.find_element(By.ID, "site").get_attribute("value") == "", "a site of the other organisation is cleared"
    check_accessibility(browser)
