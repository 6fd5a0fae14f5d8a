"""An anonymous learner raises a concern, follows it up with the receipt code, reads the
handler's reply and escalates it; axe-core checks every page on the way."""
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import ACCOUNTS, check_accessibility, sign_in, submit


def _follow_up(browser, base, code):
    browser.get(base + "/concerns/follow-up")
    check_accessibility(browser)
    browser.find_element(By.ID, "receiptCode").send_keys(code)
    submit(browser, browser.find_element(By.CSS_SELECTOR, "main form button[type=submit]"))


def test_anonymous_concern_followed_up_and_escalated(browser, server):
    base = server["base"]
    browser.get(base + "/concerns")
    check_accessibility(browser)

    # raise it anonymously
    browser.get(base + "/concerns/new")
    check_accessibility(browser)
    browser.find_element(By.ID, "howRaised-anonymous").click()
    Select(browser.find_element(By.ID, "organisation")).select_by_value("T001")
    browser.find_element(By.ID, "category-supervision").click()
    browser.find_element(By.ID, "whatHappened").send_keys("Nobody supervised the night shift on ward 9 for two weeks.")
    browser.find_element(By.ID, "pathway-1").click()
    Select(browser.find_element(By.ID, "educationProvider")).select_by_value("H008")
    submit(browser, browser.find_element(By.CSS_SELECTOR, "main form button[type=submit]"))
    assert "Your concern has been sent" in browser.find_element(By.TAG_NAME, "h1").text
    check_accessibility(browser)
    code = browser.find_element(By.ID, "receipt-code").text
    reference = browser.find_element(By.ID, "reference").text
    assert len(code.split("-")) == 5

    # follow it up
    browser.delete_all_cookies()
    _follow_up(browser, base, code)
    assert browser.find_element(By.ID, "status").text == "Received"
    check_accessibility(browser)

    # the placement provider's lead replies and resolves it
    browser.delete_all_cookies()
    sign_in(browser, base, ACCOUNTS["provider-education-lead"])
    browser.get(base + "/concerns/queue")
    check_accessibility(browser)
    submit(browser, browser.find_element(By.LINK_TEXT, reference))
    check_accessibility(browser)
    submit(browser, browser.find_element(By.CSS_SELECTOR, f"form[action='/concerns/cases/{reference}/acknowledge'] button"))
    browser.find_element(By.ID, "message-text").send_keys("Thank you. We have spoken to the ward manager.")
    submit(browser, browser.find_element(By.CSS_SELECTOR, f"form[action='/concerns/cases/{reference}/message-reporter'] button"))
    browser.find_element(By.ID, "outcome-text").send_keys("A named supervisor now covers every night shift.")
    submit(browser, browser.find_element(By.CSS_SELECTOR, f"form[action='/concerns/cases/{reference}/resolve'] button"))
    assert browser.find_element(By.ID, "status").text == "Resolved"

    # the learner reads the reply and, not satisfied, escalates to the university
    browser.delete_all_cookies()
    _follow_up(browser, base, code)
    page = browser.find_element(By.ID, "timeline").text
    assert "We have spoken to the ward manager" in page
    assert "A named supervisor" in page
    check_accessibility(browser)
    submit(browser, browser.find_element(By.CSS_SELECTOR, "input[name=action][value=escalate] ~ button"))
    assert browser.find_element(By.ID, "status").text == "Escalated"
    assert "Pathway 2" in browser.find_element(By.ID, "pathway").text
    check_accessibility(browser)


def test_wrong_receipt_code_reveals_nothing(browser, server):
    base = server["base"]
    _follow_up(browser, base, "ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ")
    assert "No concern matches this receipt code" in browser.find_element(By.CLASS_NAME, "nhsuk-error-summary").text
    check_accessibility(browser)
