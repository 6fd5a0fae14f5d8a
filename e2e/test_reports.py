"""The public reporting tool: filters kept in the URL, each view, a CSV export, and axe-core."""
import urllib.request

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import check_accessibility, submit


def test_reporting_tool_filters_views_and_export(browser, server):
    base = server["base"]
    browser.get(base + "/reports")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Survey results"
    check_accessibility(browser)

    Select(browser.find_element(By.ID, "profession")).select_by_value("student-nurse")
    Select(browser.find_element(By.ID, "region")).select_by_value("LDN")
    Select(browser.find_element(By.ID, "groupBy")).select_by_value("organisation")
    submit(browser, browser.find_element(By.CSS_SELECTOR, "form.eq-report-filters button[type=submit]"))
    assert "profession=student-nurse" in browser.current_url and "region=LDN" in browser.current_url
    assert "Profession: Student nurses" in browser.page_source
    assert browser.find_elements(By.CSS_SELECTOR, "table.eq-grid td.eq-flag")
    check_accessibility(browser)

    for label in ["Compared with the benchmark", "Answers to each question", "Trends", "Ranked table"]:
        submit(browser, browser.find_element(By.LINK_TEXT, label))
        assert "profession=student-nurse" in browser.current_url, "the filters stay in the URL"
        check_accessibility(browser)

    href = browser.find_element(By.PARTIAL_LINK_TEXT, "Download this view as CSV").get_attribute("href")
    with urllib.request.urlopen(href) as response:
        assert response.headers["Content-Type"].startswith("text/csv")
        body = response.read().decode()
    lines = body.splitlines()
    assert lines[0].startswith("round,group_by,group")
    assert len(lines) > 1
    for line in lines[1:]:
        fields = line.split(",")
        if fields[5] == "suppressed":
            assert fields[6] == "" and fields[7] == "", "a suppressed row exports no n or mean"

    browser.get(base + "/reports/regions/LDN")
    assert "London" in browser.find_element(By.TAG_NAME, "h1").text
    check_accessibility(browser)
    browser.get(base + "/reports/professions/student-nurse")
    check_accessibility(browser)
