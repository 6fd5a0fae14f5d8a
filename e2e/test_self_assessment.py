"""Provider self-assessment as its three users meet it: the national lead sets next year's window,
the provider's education lead completes and submits this year's, the regional team compares it
with the evidence and records agreement and a challenge, and the national view shows the result;
axe-core and both widths on every new page."""
import datetime

from selenium.webdriver.common.by import By

from conftest import ACCOUNTS, checked, sign_in, submit


def assessment_year(day):
    first = day.year if day.month >= 4 else day.year - 1
    return f"{first}-{(first + 1) % 100:02d}"


def test_window_then_submission_then_review_then_national_view(browser, server):
    base = server["base"]
    today = datetime.date.today()
    year = assessment_year(today)
    first = int(year[:4]) + 1
    next_year = f"{first}-{(first + 1) % 100:02d}"

    sign_in(browser, base, ACCOUNTS["national-quality-lead"])
    browser.get(base + "/quality/self-assessment/windows")
    checked(browser)
    browser.find_element(By.ID, "year").send_keys(next_year)
    for element_id, day in (("opensOn", f"{first}-10-01"), ("closesOn", f"{first + 1}-01-15")):
        browser.execute_script("arguments[0].value = arguments[1]", browser.find_element(By.ID, element_id), day)
    submit(browser, browser.find_element(By.CSS_SELECTOR, "form[action='/quality/self-assessment/windows'] button[type=submit]"))
    main = browser.find_element(By.TAG_NAME, "main").text
    assert "The window has been set." in main and next_year in main
    checked(browser)

    sign_in(browser, base, ACCOUNTS["provider-education-lead"])
    browser.get(base + "/quality/self-assessment")
    checked(browser)
    assert f"/quality/self-assessment/{year}/T001" in browser.page_source
    browser.get(f"{base}/quality/self-assessment/{year}/T001")
    assert "Draft" in browser.find_element(By.TAG_NAME, "main").text
    checked(browser)
    # Every standard rated; those not fully met get actions.
    browser.execute_script("""
        document.querySelectorAll("input[type=radio][name^='rating-']").forEach(r => {
            if (r.value === (r.name.endsWith('.2') ? 'partly-meets' : 'meets')) r.checked = true; });
        document.querySelectorAll("textarea[name^='evidence-']").forEach(t => { if (!t.value) t.value = 'Board quality report, learner forum minutes'; });
        document.querySelectorAll("textarea[name^='actions-']").forEach(t => { if (t.name.endsWith('.2')) t.value = 'Education lead to agree a plan by March'; });
    """)
    submit(browser, browser.find_element(By.CSS_SELECTOR, "button[name=intent][value=submit]"))
    main = browser.find_element(By.TAG_NAME, "main").text
    assert "has been submitted" in main, main[:2000]
    assert "Partly meets" in main
    checked(browser)

    sign_in(browser, base, ACCOUNTS["regional-quality-team"])
    browser.get(f"{base}/quality/self-assessment/{year}/T001/review")
    main = browser.find_element(By.TAG_NAME, "main").text
    assert "Register entries tagged" in main and "Survey flags" in main
    assert "Review requirements tagged" in main and "RV-0" in main  # the reviews service's requirements beside each standard
    checked(browser)
    browser.execute_script("""
        document.querySelectorAll("input[type=radio][name^='verdict-'][value=agree]").forEach(r => r.checked = true);
        document.querySelector("input[name='verdict-1.2'][value=challenge]").checked = true;
        document.getElementById('note-1.2').value = 'Open register entries on undermining suggest 1.2 is not met';
    """)
    submit(browser, browser.find_element(By.CSS_SELECTOR, "button[name=intent][value=complete]"))
    main = browser.find_element(By.TAG_NAME, "main").text
    assert "The review is complete." in main and "Challenged" in main and "suggest 1.2 is not met" in main
    checked(browser)

    sign_in(browser, base, ACCOUNTS["national-quality-lead"])
    browser.get(f"{base}/quality/self-assessment/national?year={year}")
    main = browser.find_element(By.TAG_NAME, "main").text
    assert "Ratings by domain" in main and "Completion by region" in main
    assert browser.find_elements(By.CSS_SELECTOR, "main svg")
    checked(browser)
    browser.get(f"{base}/quality/self-assessment?year={year}&region=LDN&status=reviewed")
    assert "T001" in browser.page_source or "Reviewed" in browser.find_element(By.TAG_NAME, "main").text
    checked(browser)
