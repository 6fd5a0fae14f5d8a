"""A learner takes the survey end to end without an account, and saves one to finish later with
the resume code; axe-core checks every page on the way. Pages work without JavaScript: the
organisation search is a form button, and every step is a plain form post."""
import datetime
import re

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select

from conftest import check_accessibility, navigate, submit

ROUND = f"NETS-{datetime.date.today().year}"


def _h1(browser):
    return browser.find_element(By.TAG_NAME, "h1").text


def _progress(browser):
    return browser.find_element(By.ID, "progress").text


def _continue(browser):
    submit(browser, browser.find_element(By.CSS_SELECTOR, "main button[name=action][value=continue]"))


def _placement(browser, profession="student-nurse"):
    """Fills in the placement page, finding the organisation with the search button."""
    assert _h1(browser) == "About your placement"
    assert _progress(browser).startswith("Page 1 of ")
    Select(browser.find_element(By.ID, "profession")).select_by_value(profession)
    search = browser.find_element(By.ID, "organisation-search")
    search.send_keys("thamesbank")
    navigate(browser, lambda: search.send_keys(Keys.ENTER))  # Enter in the search box searches; nothing is saved
    assert "organisations match" in browser.find_element(By.ID, "organisation-search-summary").text
    assert Select(browser.find_element(By.ID, "profession")).first_selected_option.get_attribute("value") == profession
    check_accessibility(browser)
    organisations = [o.get_attribute("value") for o in Select(browser.find_element(By.ID, "organisation")).options]
    assert "T001" in organisations and len(organisations) < 10
    Select(browser.find_element(By.ID, "organisation")).select_by_value("T001")
    Select(browser.find_element(By.ID, "site")).select_by_value("T001-01")
    browser.find_element(By.ID, "placement-type-hospital-inpatient").click()
    Select(browser.find_element(By.ID, "specialty")).select_by_value("acute-medicine")
    Select(browser.find_element(By.ID, "training-level")).select_by_value("year-2")
    _continue(browser)


def _answer_theme(browser, rank="4"):
    """Chooses `rank` for every question on the page, by keyboard: focus the radio, press space."""
    for radio in browser.find_elements(By.CSS_SELECTOR, f"main input[type=radio][value='{rank}']"):
        browser.execute_script("arguments[0].focus()", radio)
        radio.send_keys(Keys.SPACE)
        assert radio.is_selected()


def test_complete_survey_end_to_end(browser, server):
    base = server["base"]
    browser.get(base + "/")
    browser.find_element(By.LINK_TEXT, "The learner survey").click()
    assert _h1(browser) == "The learner survey"
    check_accessibility(browser)
    browser.find_element(By.CSS_SELECTOR, f"a[href='/survey/{ROUND}/start']").click()
    check_accessibility(browser)
    browser.find_element(By.ID, "start").click()
    check_accessibility(browser)

    # a page sent empty says what is missing, field by field
    _continue(browser)
    summary = browser.find_element(By.CLASS_NAME, "nhsuk-error-summary").text
    assert "Choose your profession or learner group." in summary
    assert "Choose the organisation that provided your placement." in summary
    check_accessibility(browser)

    _placement(browser)
    themes = []
    while _h1(browser) != "In your own words":
        themes.append(_h1(browser))
        assert re.fullmatch(rf"Page {len(themes) + 1} of \d+", _progress(browser)), browser.find_element(By.TAG_NAME, "main").text
        assert browser.find_elements(By.CSS_SELECTOR, "main fieldset legend")
        check_accessibility(browser)
        _answer_theme(browser)
        _continue(browser)
    assert "Medical education and training" not in themes, "a student nurse sees no doctors' page"
    check_accessibility(browser)
    browser.find_element(By.ID, "WORKED-WELL").send_keys("My practice assessor made time for me every week.")
    _continue(browser)

    assert _h1(browser) == "Check your answers before sending them"
    assert "Thamesbank" in browser.find_element(By.ID, "organisation").text
    check_accessibility(browser)
    # back to the previous page and forward again
    submit(browser, browser.find_element(By.CSS_SELECTOR, "button.nhsuk-back-link"))
    assert _h1(browser) == "In your own words"
    assert "every week" in browser.find_element(By.ID, "WORKED-WELL").get_attribute("value")
    _continue(browser)
    submit(browser, browser.find_element(By.ID, "send"))

    assert "your answers have been sent" in browser.find_element(By.TAG_NAME, "h1").text
    code = browser.find_element(By.ID, "completion-code").text
    assert len(code) == 9 and code[4] == "-"
    check_accessibility(browser)
    assert {c["name"] for c in browser.get_cookies()} <= {"eq_csrf"}, "the survey sets no cookie of its own"


def test_save_and_resume(browser, server):
    base = server["base"]
    browser.get(f"{base}/survey/{ROUND}/questions")
    check_accessibility(browser)
    _placement(browser, profession="doctor-foundation")
    assert _h1(browser) == "Induction"
    _answer_theme(browser, rank="2")
    _continue(browser)
    assert _h1(browser) == "Clinical supervision"
    _answer_theme(browser, rank="5")
    submit(browser, browser.find_element(By.CSS_SELECTOR, "main button[name=action][value=save]"))

    assert _h1(browser) == "Your answers are saved"
    check_accessibility(browser)
    code = browser.find_element(By.ID, "resume-code").text
    assert len(code.split("-")) == 4

    # later, in a fresh browser session, with the code typed carelessly
    browser.delete_all_cookies()
    browser.get(base + "/survey/resume")
    check_accessibility(browser)
    browser.find_element(By.ID, "resume").send_keys("XXXX-XXXX-XXXX-XXXX")
    submit(browser, browser.find_element(By.CSS_SELECTOR, "main form button[type=submit]"))
    assert "No saved survey matches this code" in browser.find_element(By.CLASS_NAME, "nhsuk-error-summary").text
    check_accessibility(browser)
    field = browser.find_element(By.ID, "resume")
    field.clear()
    field.send_keys(code.lower().replace("-", " "))
    submit(browser, browser.find_element(By.CSS_SELECTOR, "main form button[type=submit]"))

    assert _h1(browser) == "Clinical supervision", "back on the page that was saved"
    assert _progress(browser).startswith("Page 3 of ")
    assert all(r.is_selected() for r in browser.find_elements(By.CSS_SELECTOR, "main input[type=radio][value='5']"))
    check_accessibility(browser)
    _continue(browser)
    while _h1(browser) != "In your own words":
        _answer_theme(browser)
        _continue(browser)
    _continue(browser)
    assert "Medical education and training" in browser.find_element(By.TAG_NAME, "main").text
    submit(browser, browser.find_element(By.ID, "send"))
    assert "your answers have been sent" in browser.find_element(By.TAG_NAME, "h1").text

    # the code is spent
    browser.get(base + "/survey/resume")
    browser.find_element(By.ID, "resume").send_keys(code)
    submit(browser, browser.find_element(By.CSS_SELECTOR, "main form button[type=submit]"))
    assert "No saved survey matches this code" in browser.find_element(By.CLASS_NAME, "nhsuk-error-summary").text
