"""The API's page for people: reached from every page's footer, linking to the document, listing
the operations by subject; checked with axe-core and at both widths."""
from selenium.webdriver.common.by import By

from conftest import check_accessibility, navigate, widths_that_overflow


def test_the_api_page_lists_the_operations_and_links_to_the_document(browser, server):
    base = server["base"]
    browser.get(base + "/")
    link = browser.find_element(By.CSS_SELECTOR, "footer a[href='/api']")
    navigate(browser, link.click)
    assert browser.find_element(By.TAG_NAME, "h1").text == "The EduQuality API"
    assert browser.find_elements(By.CSS_SELECTOR, "a[href='/api/v1/openapi.json']")
    assert browser.find_elements(By.CSS_SELECTOR, "a[href='/api/v1/openapi.yaml']")
    paths = [c.text for c in browser.find_elements(By.CSS_SELECTOR, "td code") if c.text.startswith("/api/")]
    assert "/api/v1/organisations" in paths and "/api/v1/reviews/{id}/report" in paths
    check_accessibility(browser)
    assert not widths_that_overflow(browser)
