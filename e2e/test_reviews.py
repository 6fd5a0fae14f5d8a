"""A review from planning to a published report, as its users meet it: the regional quality team
plans it, names the panel and records the visit and a finding; the provider's education lead
answers with an evidence file and the team accepts it; the report goes to the provider for
factual accuracy and is published; anyone then finds it through the public search. axe-core and
both widths on every new page."""
import datetime
import pathlib
import tempfile

from selenium.webdriver.common.by import By

from conftest import ACCOUNTS, checked, main_text, press, set_value, sign_in, submit


def test_planning_to_publication_then_public_search(browser, server):
    base = server["base"]
    visit = (datetime.date.today() - datetime.timedelta(days=3)).isoformat()
    words = "Escalation rota for foundation doctors at night"

    sign_in(browser, base, ACCOUNTS["regional-quality-team"])
    browser.get(base + "/quality/reviews")
    checked(browser)
    assert "RV-0" in main_text(browser)  # the demo's reviews
    browser.get(base + "/quality/reviews/new")
    checked(browser)
    submit(browser, browser.find_element(By.CSS_SELECTOR, "form[action='/quality/reviews/new'] button[type=submit]"))
    assert "There is a problem" in main_text(browser)
    checked(browser)
    browser.find_element(By.ID, "type-risk-based").click()
    set_value(browser, "organisation", "T001")
    browser.find_element(By.ID, "professions-doctor-foundation").click()
    set_value(browser, "plannedOn", visit)
    submit(browser, browser.find_element(By.CSS_SELECTOR, "form[action='/quality/reviews/new'] button[type=submit]"))
    assert "The review has been planned." in main_text(browser)
    review = browser.current_url.split("/quality/reviews/")[1].split("?")[0]
    checked(browser)

    action = f"/quality/reviews/{review}"
    set_value(browser, "panelName", "Dr Robin Reviewer")
    set_value(browser, "panelRole", "lead")
    press(browser, action + "/panel")
    assert "Dr Robin Reviewer" in main_text(browser)
    press(browser, action + "/status")  # evidence gathering
    press(browser, action + "/status")  # visited, on the planned date
    assert "Visited" in main_text(browser)
    browser.execute_script("document.getElementById('requirementKind-immediate-mandatory').checked = true")
    set_value(browser, "requirementText", words)
    browser.execute_script("document.querySelector(\"input[name='requirementStandards']\").checked = true")
    press(browser, action + "/requirements")
    assert "The finding has been recorded." in main_text(browser)
    requirement = f"{review}-IMR1"
    assert requirement in main_text(browser)
    checked(browser)

    sign_in(browser, base, ACCOUNTS["provider-education-lead"])
    browser.get(f"{base}/quality/requirements")
    checked(browser)
    browser.get(f"{base}/quality/requirements/{requirement}")
    checked(browser)
    with tempfile.TemporaryDirectory() as folder:
        pdf = pathlib.Path(folder) / "escalation-rota.pdf"
        pdf.write_bytes(b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
        set_value(browser, "text", "The rota now names a senior on call every night; attached.")
        browser.find_element(By.ID, "evidence").send_keys(str(pdf))
        press(browser, f"/quality/requirements/{requirement}/updates")
    assert "Your update has been sent" in main_text(browser)
    assert "escalation-rota.pdf" in main_text(browser)
    checked(browser)

    sign_in(browser, base, ACCOUNTS["regional-quality-team"])
    browser.get(f"{base}/quality/requirements/{requirement}")
    browser.find_element(By.ID, "decision-accept").click()
    set_value(browser, "reason", "Rota seen for the last four weeks")
    press(browser, f"/quality/requirements/{requirement}/decision")
    assert "Closed (accepted)" in main_text(browser)
    checked(browser)

    browser.get(base + action)
    press(browser, action + "/status")  # report drafting
    for section in ("what-works-well", "areas-for-improvement", "overview", "background", "follow-up"):
        set_value(browser, section, f"The panel's {section.replace('-', ' ')} for this review.")
    press(browser, action + "/report")
    browser.find_element(By.ID, "reportTo-factual-accuracy").click()
    press(browser, action + "/report/transition")
    assert "With the provider for factual accuracy" in main_text(browser)
    checked(browser)

    sign_in(browser, base, ACCOUNTS["provider-education-lead"])
    browser.get(base + action)
    assert "Comment on the report" in main_text(browser)
    checked(browser)
    press(browser, action + "/report/done")
    assert "no more comments" in main_text(browser)

    sign_in(browser, base, ACCOUNTS["regional-quality-team"])
    browser.get(base + action)
    browser.find_element(By.ID, "reportTo-published").click()
    press(browser, action + "/report/transition")
    assert "Published" in main_text(browser)
    checked(browser)

    browser.delete_all_cookies()
    browser.get(base + "/reviews?q=" + "escalation+rota")
    checked(browser)
    link = browser.find_element(By.CSS_SELECTOR, f"main a[href='/reviews/{review}']")
    submit(browser, link)
    text = main_text(browser)
    assert words in text and "Closed (accepted)" in text
    checked(browser)
