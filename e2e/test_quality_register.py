"""The quality register and the Intensive Support Framework as a quality lead uses them: a register
entry opened from a red or pink flag in the reporting tool, the provider categorised at ISF 3 with
a support plan and later de-escalated, with axe-core run on every new page."""
import datetime

from selenium.webdriver.common.by import By

from conftest import ACCOUNTS, check_accessibility, sign_in, submit


def set_date(browser, element_id, day):
    browser.execute_script("arguments[0].value = arguments[1]", browser.find_element(By.ID, element_id), day.isoformat())


def click(browser, css):
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", browser.find_element(By.CSS_SELECTOR, css))
    browser.find_element(By.CSS_SELECTOR, css).click()


def decide(browser, category, rationale, reference, conditions=None):
    click(browser, f"input[name='category'][value='{category}']")
    browser.find_element(By.ID, "rationale").send_keys(rationale)
    click(browser, f"input[name='evidence'][value='{reference}']")
    browser.find_element(By.ID, "planAction-1").send_keys("Senior leadership to agree a supervision rota")
    browser.find_element(By.ID, "planOwner-1").send_keys("Medical director")
    set_date(browser, "planDue-1", datetime.date.today() + datetime.timedelta(days=30))
    set_date(browser, "nextReview", datetime.date.today() + datetime.timedelta(days=56))
    if conditions:
        browser.find_element(By.ID, "conditionsMet").send_keys(conditions)
    submit(browser, browser.find_element(By.CSS_SELECTOR, "form[action*='/isf/subject/decide'] button[type=submit]"))


def test_quality_lead_opens_an_entry_from_a_flag_then_categorises_and_de_escalates(browser, server):
    base = server["base"]
    sign_in(browser, base, ACCOUNTS["national-quality-lead"])
    browser.get(base + "/reports?groupBy=organisation")
    links = browser.find_elements(By.CSS_SELECTOR, "a.eq-flag__register")
    assert links, "the flag grid offers a register entry on red and pink cells"
    check_accessibility(browser)
    submit(browser, links[0])

    assert browser.find_element(By.TAG_NAME, "h1").text == "Open a register entry"
    assert "Survey flag" in browser.find_element(By.TAG_NAME, "main").text
    check_accessibility(browser)
    organisation = browser.find_element(By.CSS_SELECTOR, "#organisation option[selected]").get_attribute("value")
    browser.find_element(By.ID, "title").send_keys("Learners report poor supervision")
    browser.find_element(By.ID, "description").send_keys("A red flag in the survey, confirmed by the provider's own report.")
    click(browser, "input[name='standards']")
    click(browser, "input[name='likelihood'][value='4']")
    click(browser, "input[name='impact'][value='3']")
    submit(browser, browser.find_element(By.CSS_SELECTOR, "form[action='/register/new'] button[type=submit]"))

    caption = browser.find_element(By.CSS_SELECTOR, "main .nhsuk-caption-l").text
    reference = caption.split(" ")[0]
    assert reference.startswith("QR-")
    main = browser.find_element(By.TAG_NAME, "main").text
    assert "High" in main and "4 × 3 = 12" in main and "Survey flag" in main
    check_accessibility(browser)

    browser.get(f"{base}/isf/subject?kind=organisation&code={organisation}")
    check_accessibility(browser)
    decide(browser, 3, "Red flags and the provider's report together", reference)
    assert "recorded" in browser.find_element(By.CSS_SELECTOR, ".nhsuk-inset-text").text
    assert "ISF 3" in browser.find_element(By.CSS_SELECTOR, "main dl").text
    check_accessibility(browser)

    decide(browser, 2, "The rota is in place and the flags have cleared", reference, conditions="Rota in place for three months")
    main = browser.find_element(By.TAG_NAME, "main").text
    assert "ISF 2 (down from 3)" in main
    assert "Rota in place for three months" in main
    check_accessibility(browser)

    browser.get(base + "/isf")
    assert "ISF 2 (down from 3)" in browser.find_element(By.TAG_NAME, "main").text
    check_accessibility(browser)
    browser.get(base + "/register")
    assert reference in browser.find_element(By.TAG_NAME, "main").text
    check_accessibility(browser)
    browser.get(base + f"/register/{reference}")
    assert "ISF 2 (down from 3)" in browser.find_element(By.TAG_NAME, "main").text


def test_suspension_page_and_categories_admin_are_accessible(browser, server):
    base = server["base"]
    sign_in(browser, base, ACCOUNTS["national-quality-lead"])
    browser.get(base + "/isf/suspensions/TS-0001")
    assert "Record step 4" in browser.find_element(By.TAG_NAME, "main").text
    check_accessibility(browser)
    sign_in(browser, base, ACCOUNTS["administrator"])
    browser.get(base + "/admin/isf-categories")
    assert "ISF 4" in browser.find_element(By.TAG_NAME, "main").text
    check_accessibility(browser)
