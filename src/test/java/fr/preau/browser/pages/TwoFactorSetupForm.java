package fr.preau.browser.pages;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.List;

/** The enrollment widget (account page and forced enrollment): QR code, secret, first code; then the recovery codes. */
public final class TwoFactorSetupForm {

    private final Page page;

    public TwoFactorSetupForm(Page page) {
        this.page = page;
    }

    public Locator qrCode() {
        return page.locator("#setup .qr img");
    }

    /** The secret as shown for manual entry (base32, in groups of four). */
    public String secret() {
        return page.locator("#totp-secret").innerText().strip();
    }

    public void confirm(String code) {
        page.locator("#setup #code").fill(code);
        page.locator("#setup form[method=post] button[type=submit]").first().click();
        page.waitForLoadState();
    }

    public String fieldError() {
        Locator error = page.locator("#setup #code-error");
        return error.count() == 0 ? "" : error.innerText().strip();
    }

    /** The recovery codes shown once after the first code. */
    public List<String> recoveryCodes() {
        return page.locator("#recovery-codes li code").allInnerTexts().stream().map(String::strip).toList();
    }
}
