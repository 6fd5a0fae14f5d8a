"""Two-step sign-in in a real browser: a staff account enrols (reading the key from the page, as
a person typing it into an app would), signs out, and signs in with its password and a code;
axe-core checks each new page at both widths."""
import base64
import hashlib
import hmac
import struct
import time

from selenium.webdriver.common.by import By

from conftest import ACCOUNTS, PASSWORD, WIDTHS, check_accessibility, set_viewport, sign_in, submit, widths_that_overflow

# An account no other browser test signs in with, so its second step troubles none of them.
EMAIL = "regulator-nmc@demo.eduquality.test"


def totp(key_text, at):
    """RFC 6238 with the defaults every authenticator app uses: SHA-1, 6 digits, 30 seconds."""
    compact = key_text.replace(" ", "").upper()
    key = base64.b32decode(compact + "=" * (-len(compact) % 8))
    digest = hmac.new(key, struct.pack(">Q", int(at) // 30), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    number = (struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF) % 1_000_000
    return f"{number:06d}"


def next_code(key_text):
    # The code of the coming time step: the step just used to enrol is never accepted again, and
    # the service allows one step of drift either way.
    return totp(key_text, time.time() + 30)


def accessible_at_both_widths(browser):
    for width in WIDTHS:
        set_viewport(browser, width)
        check_accessibility(browser)
    assert not widths_that_overflow(browser), browser.current_url


def sign_out(browser):
    submit(browser, browser.find_element(By.CSS_SELECTOR, "form.eq-signout button[type=submit]"))


def test_staff_member_enrols_and_signs_in_with_a_code(browser, server):
    base = server["base"]
    sign_in(browser, base, EMAIL)
    browser.get(base + "/account/two-step")
    try:
        assert browser.find_element(By.TAG_NAME, "h1").text == "Set up two-step sign-in"
        assert browser.find_element(By.CSS_SELECTOR, ".eq-qr svg")
        key_text = browser.find_element(By.ID, "two-step-secret").text
        accessible_at_both_widths(browser)

        # a wrong code is refused with an error summary
        browser.find_element(By.ID, "code").send_keys("000000" if totp(key_text, time.time()) != "000000" else "111111")
        submit(browser, browser.find_element(By.CSS_SELECTOR, "form[action='/account/two-step'] button[type=submit]"))
        assert "not right" in browser.find_element(By.CLASS_NAME, "nhsuk-error-summary").text
        check_accessibility(browser)

        browser.find_element(By.ID, "code").send_keys(totp(key_text, time.time()))
        submit(browser, browser.find_element(By.CSS_SELECTOR, "form[action='/account/two-step'] button[type=submit]"))
        assert browser.find_element(By.TAG_NAME, "h1").text == "Your recovery codes"
        codes = [li.text for li in browser.find_elements(By.CSS_SELECTOR, "#recovery-codes li")]
        assert len(codes) == 10
        accessible_at_both_widths(browser)

        sign_out(browser)
        sign_in(browser, base, EMAIL)
        assert browser.current_url.endswith("/login/two-step")
        assert browser.find_element(By.TAG_NAME, "h1").text == "Enter your sign-in code"
        accessible_at_both_widths(browser)
        browser.find_element(By.ID, "code").send_keys(next_code(key_text))
        submit(browser, browser.find_element(By.CSS_SELECTOR, "form[action='/login/two-step'] button[type=submit]"))
        assert browser.find_element(By.TAG_NAME, "h1").text == "Your account"
        assert "(this one)" in browser.find_element(By.ID, "sessions").text
        accessible_at_both_widths(browser)

        browser.get(base + "/account/two-step")
        assert "On since" in browser.find_element(By.ID, "two-step-status").text
        accessible_at_both_widths(browser)
    finally:
        # Leave the demo account as it was: two-step sign-in off.
        browser.get(base + "/account/two-step")
        if browser.find_elements(By.CSS_SELECTOR, "form[action='/account/two-step/disable']"):
            browser.find_element(By.ID, "password").send_keys(PASSWORD)
            submit(browser, browser.find_element(By.CSS_SELECTOR, "form[action='/account/two-step/disable'] button[type=submit]"))
            assert browser.find_element(By.TAG_NAME, "h1").text == "Set up two-step sign-in"


def test_administrator_pages_for_two_step_sign_in_are_accessible(browser, server):
    base = server["base"]
    sign_in(browser, base, ACCOUNTS["administrator"])
    browser.get(base + "/admin/two-step")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Two-step sign-in"
    boxes = browser.find_elements(By.CSS_SELECTOR, "input[name=roles]")
    assert boxes and not any(box.is_selected() for box in boxes), "the demo requires it of no role"
    accessible_at_both_widths(browser)
