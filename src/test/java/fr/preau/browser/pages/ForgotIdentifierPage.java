package fr.preau.browser.pages;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/** {@code /forgot-identifier}: NUMEN and backup address or mobile; always the same answer. */
public final class ForgotIdentifierPage extends PreauPage {

    public ForgotIdentifierPage(Page page) {
        super(page, "/forgot-identifier");
    }

    public static ForgotIdentifierPage open(Page page) {
        page.navigate("/forgot-identifier");
        return new ForgotIdentifierPage(page);
    }

    public ForgotIdentifierPage ask(String numen, String contact) {
        page.locator("#numen").fill(numen);
        page.locator("#contact").fill(contact);
        page.locator("form[action='/forgot-identifier'] button[type=submit]").click();
        page.waitForLoadState();
        return new ForgotIdentifierPage(page);
    }

    /** The answer once asked, or empty. */
    public String done() {
        Locator done = page.locator("#forgot-identifier-done");
        return done.count() == 0 ? "" : done.innerText().strip();
    }

    public String fieldError(String field) {
        Locator error = page.locator("#" + field + "-error");
        return error.count() == 0 ? "" : error.innerText().strip();
    }

    public String value(String field) {
        return page.locator("#" + field).inputValue();
    }
}
