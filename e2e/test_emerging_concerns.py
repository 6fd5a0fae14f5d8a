"""The Emerging Concerns protocol as its users meet it: the GMC's liaison raises a concern shared
with the NMC (refused first, with an error summary), requests a regulatory review panel, convenes
it, records the meeting and agrees an action for the NMC; the NMC's liaison follows the action up,
marks it done and closes the panel; a provider never sees any of it. axe-core and both widths on
every page."""
import datetime

from selenium.webdriver.common.by import By

from conftest import ACCOUNTS, checked, main_text, press, set_value, sign_in

NMC = "regulator-nmc@demo.eduquality.test"


def test_raise_share_panel_actions_to_closure(browser, server):
    base = server["base"]
    today = datetime.date.today().isoformat()
    summary = "Four foundation doctors describe unsupervised night shifts in the emergency department"

    sign_in(browser, base, ACCOUNTS["regulator-liaison"])
    browser.get(base + "/quality/emerging-concerns")
    checked(browser)
    assert "EC-0001" in main_text(browser)  # the demo's, shared with the GMC
    browser.get(base + "/quality/emerging-concerns/new")
    checked(browser)
    press(browser, "/quality/emerging-concerns/new")
    assert "There is a problem" in main_text(browser)
    checked(browser)
    set_value(browser, "organisation", "T004")
    browser.find_element(By.ID, "type-professionals").click()
    set_value(browser, "summary", summary)
    set_value(browser, "risk", "Patients seen at night by unsupervised learners")
    browser.find_element(By.ID, "shareWith-NMC").click()
    press(browser, "/quality/emerging-concerns/new")
    assert "The concern has been raised and shared." in main_text(browser)
    reference = browser.current_url.split("/quality/emerging-concerns/")[1].split("?")[0]
    checked(browser)

    page = f"/quality/emerging-concerns/{reference}"
    set_value(browser, "date", today)
    browser.find_element(By.ID, "invite-NMC").click()
    press(browser, page + "/panels")
    assert "The panel has been requested." in main_text(browser)
    panel = f"{page}/panels/{reference}-P1"
    press(browser, panel + "/convene")
    assert "The panel has been convened." in main_text(browser)
    checked(browser)
    press(browser, panel + "/hold")  # nothing typed: refused, with the fields named
    assert "There is a problem" in main_text(browser)
    checked(browser)
    set_value(browser, "panelAttendees", "Dr A Patel, GMC\nB Jones, NMC")
    set_value(browser, "panelInformation", "Four accounts from foundation doctors")
    set_value(browser, "panelDecisions", "The NMC visits the unit; the GMC speaks to the responsible officer")
    press(browser, panel + "/hold")
    assert "The meeting has been recorded." in main_text(browser)
    set_value(browser, "actionOrganisation", "NMC")
    set_value(browser, "actionText", "Visit the emergency department at night")
    set_value(browser, "actionOwner", "NMC regional lead")
    set_value(browser, "actionDue", (datetime.date.today() + datetime.timedelta(days=14)).isoformat())
    press(browser, panel + "/actions")
    assert "The action has been recorded." in main_text(browser)
    assert "Visit the emergency department at night" in main_text(browser)
    checked(browser)

    sign_in(browser, base, NMC)
    browser.get(base + page)
    assert summary in main_text(browser)
    press(browser, panel + "/follow-up")
    assert "being followed up" in main_text(browser)
    press(browser, panel + "/close")  # refused while the action is open
    assert "cannot close while action 1 is open" in main_text(browser)
    press(browser, panel + "/actions/1/done")
    assert "The action has been marked done." in main_text(browser)
    press(browser, panel + "/close")
    assert "The panel has been closed." in main_text(browser)
    assert "Access log" in main_text(browser) and "closed panel" in main_text(browser)
    checked(browser)

    sign_in(browser, base, ACCOUNTS["provider-education-lead"])
    browser.get(base + page)
    assert reference not in main_text(browser)
    browser.get(base + "/quality/emerging-concerns")
    assert reference not in main_text(browser)
