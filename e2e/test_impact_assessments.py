"""An impact assessment from drafting to a decision with conditions, as its users meet it: the
provider's education lead fills in the form (a high rating without evidence is refused with an
error summary), submits it; the regional quality team takes it under review, decides it supported
with conditions and marks a condition met. axe-core and both widths on every new page, the
administrator's form page included."""
from selenium.webdriver.common.by import By

from conftest import ACCOUNTS, checked, main_text, press, set_value, sign_in

SECTIONS = ["placement-capacity", "supervision", "curriculum-coverage", "learning-opportunities", "facilities", "travel", "wellbeing"]


def tick(browser, element_id):
    browser.execute_script("arguments[0].checked = true", browser.find_element(By.ID, element_id))


def test_submitted_reviewed_and_decided_with_conditions(browser, server):
    base = server["base"]

    sign_in(browser, base, ACCOUNTS["provider-education-lead"])
    browser.get(base + "/quality/impact-assessments")
    checked(browser)
    assert "IA-0" in main_text(browser)  # the demo's assessments
    browser.get(base + "/quality/impact-assessments/IA-00001")  # the demo's draft
    checked(browser)
    browser.get(base + "/quality/impact-assessments/IA-00001/edit")
    checked(browser)

    browser.get(base + "/quality/impact-assessments/new")
    checked(browser)
    set_value(browser, "provider", "T001")
    set_value(browser, "commissioner", "Q006")
    set_value(browser, "service", "Acute medicine at night")
    set_value(browser, "description", "Night cover for acute medicine moves to a single hospital at night.")
    set_value(browser, "proposedStart", "2027-06-01")
    set_value(browser, "profession-1", "doctor-foundation")
    set_value(browser, "count-1", "8")
    for code in SECTIONS:
        tick(browser, f"ratings.{code}-none")
    tick(browser, "ratings.supervision-high")  # and no evidence for it
    tick(browser, "overallRating-medium")
    press(browser, "/quality/impact-assessments/new", "Submit")
    assert "There is a problem" in main_text(browser)
    assert browser.find_elements(By.CSS_SELECTOR, ".nhsuk-error-summary a[href='#evidence.supervision']")
    checked(browser)
    set_value(browser, "evidence.supervision", "Two of the three night registrars move; foundation doctors keep a named supervisor on site.")
    press(browser, "/quality/impact-assessments/new", "Submit")
    assert "The assessment has been submitted" in main_text(browser)
    reference = browser.current_url.split("/quality/impact-assessments/")[1].split("?")[0]
    action = f"/quality/impact-assessments/{reference}"
    checked(browser)

    sign_in(browser, base, ACCOUNTS["regional-quality-team"])
    browser.get(base + action)
    press(browser, action + "/review")
    assert "The assessment is under review." in main_text(browser)
    checked(browser)
    press(browser, action + "/decision")  # no decision, no reason
    assert "There is a problem" in main_text(browser)
    checked(browser)
    tick(browser, "decision-supported-with-conditions")
    set_value(browser, "conditions", "Named night supervisors for foundation doctors\nTransport between sites at night")
    set_value(browser, "reason", "Supervision holds if the conditions are met.")
    press(browser, action + "/decision")
    assert "The decision has been recorded." in main_text(browser)
    assert "Supported with conditions" in main_text(browser)
    checked(browser)
    set_value(browser, "note-1", "Rota seen at the regional quality meeting.")
    press(browser, action + "/conditions/1/met")
    assert "The condition has been marked met." in main_text(browser)
    assert "Rota seen at the regional quality meeting." in main_text(browser)
    assert browser.find_elements(By.LINK_TEXT, "Open a register entry from this decision")
    checked(browser)

    sign_in(browser, base, ACCOUNTS["administrator"])
    browser.get(base + "/admin/impact-assessment-form")
    checked(browser)
    assert "Placement capacity" in main_text(browser)
