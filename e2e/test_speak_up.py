"""Freedom to Speak Up: searching the guardian directory as anyone, and a guardian recording a
case, with axe-core run on every page."""
import datetime

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import ACCOUNTS, check_accessibility, sign_in, submit


def h1(browser):
    return browser.find_element(By.TAG_NAME, "h1").text


def follow(browser, by, selector):
    """Clicks the link or button at `selector` and waits for the next page (conftest's `submit`)."""
    submit(browser, browser.find_element(by, selector))


def test_anyone_searches_the_guardian_directory(browser, server):
    browser.get(server["base"] + "/speak-up")
    assert h1(browser) == "Speaking up"
    assert browser.find_element(By.CSS_SELECTOR, "main a[href='/concerns/new']")
    check_accessibility(browser)
    follow(browser, By.LINK_TEXT, "Find a Freedom to Speak Up guardian")
    assert h1(browser) == "Find a Freedom to Speak Up guardian"
    check_accessibility(browser)
    search = browser.find_element(By.ID, "q")
    search.send_keys("thamesbank")
    follow(browser, By.CSS_SELECTOR, "form[action='/speak-up/guardians'] button[type=submit]")
    results = browser.find_element(By.ID, "guardian-results").text
    assert "Gabriel Guardian" in results
    assert "guardian@demo.eduquality.test" in results
    assert "Southwark" not in results
    check_accessibility(browser)
    Select(browser.find_element(By.ID, "organisation")).select_by_value("T002")
    browser.find_element(By.ID, "q").clear()
    follow(browser, By.CSS_SELECTOR, "form[action='/speak-up/guardians'] button[type=submit]")
    assert "Southwark Riverside" in browser.find_element(By.ID, "guardian-results").text


def test_guardian_records_a_case(browser, server):
    base = server["base"]
    sign_in(browser, base, ACCOUNTS["ftsu-guardian"])
    browser.get(base + "/speak-up/cases")
    assert browser.current_url.endswith("/speak-up/cases/T001")
    assert "T001-FTSU-" in browser.page_source
    check_accessibility(browser)

    follow(browser, By.LINK_TEXT, "Record a case")
    assert h1(browser) == "Record a speak-up case"
    check_accessibility(browser)
    # sent empty: every question gets its message, and the page stays accessible
    follow(browser, By.CSS_SELECTOR, "main form button[type=submit]")
    summary = browser.find_element(By.CLASS_NAME, "nhsuk-error-summary").text
    assert "Enter the date the concern was raised." in summary
    assert "Choose at least one theme." in summary
    check_accessibility(browser)

    day = datetime.date.today() - datetime.timedelta(days=3)
    browser.find_element(By.ID, "raisedOn").send_keys(str(day.day))
    browser.find_element(By.ID, "raisedOn-month").send_keys(str(day.month))
    browser.find_element(By.ID, "raisedOn-year").send_keys(str(day.year))
    for choice in ("howRaised-confidential", "themes-bullying-harassment", "themes-worker-safety-wellbeing",
                   "detrimentReported-no", "speakUpAgain-yes"):
        browser.find_element(By.CSS_SELECTOR, f"label[for='{choice}']").click()
    Select(browser.find_element(By.ID, "workerGroup")).select_by_visible_text("Nursing and midwifery")
    browser.find_element(By.ID, "outcome").send_keys("Met the ward manager; rota support agreed.")
    follow(browser, By.CSS_SELECTOR, "main form button[type=submit]")

    assert h1(browser).startswith("Case T001-FTSU-")
    reference = h1(browser).removeprefix("Case ")
    assert "The case has been saved." in browser.page_source
    assert browser.find_element(By.ID, "themes-bullying-harassment").is_selected()
    assert browser.find_element(By.ID, "howRaised-confidential").is_selected()
    check_accessibility(browser)

    follow(browser, By.LINK_TEXT, "Speak-up cases")
    Select(browser.find_element(By.ID, "theme")).select_by_value("bullying-harassment")
    Select(browser.find_element(By.ID, "howRaised")).select_by_value("confidential")
    follow(browser, By.CSS_SELECTOR, "form[aria-label='Filter cases'] button[type=submit]")
    assert reference in browser.page_source
    check_accessibility(browser)

    browser.get(base + "/speak-up/returns")
    assert h1(browser) == "Quarterly speak-up return"
    assert "Thamesbank University Hospitals" in browser.page_source
    check_accessibility(browser)


def test_guardian_keeps_their_directory_entry_up_to_date(browser, server):
    base = server["base"]
    sign_in(browser, base, ACCOUNTS["ftsu-guardian"])
    browser.get(base + "/speak-up/guardians/manage")
    assert h1(browser) == "Manage the guardian directory"
    assert "Southwark" not in browser.page_source
    check_accessibility(browser)
    follow(browser, By.PARTIAL_LINK_TEXT, "Edit")
    check_accessibility(browser)
    availability = browser.find_element(By.ID, "availability")
    availability.clear()
    availability.send_keys("Wednesdays, 10am to 2pm")
    follow(browser, By.CSS_SELECTOR, "main form button[type=submit]")
    assert "The directory entry has been saved." in browser.page_source
    browser.get(base + "/speak-up/guardians?q=gabriel")
    assert "Wednesdays, 10am to 2pm" in browser.find_element(By.ID, "guardian-results").text
