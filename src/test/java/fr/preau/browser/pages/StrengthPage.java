package fr.preau.browser.pages;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/** {@code /password-strength}: the standalone strength tester (live with JavaScript, a form post without). */
public final class StrengthPage extends PreauPage {

    public StrengthPage(Page page) {
        super(page, "/password-strength");
    }

    public static StrengthPage open(Page page) {
        page.navigate("/password-strength");
        return new StrengthPage(page);
    }

    public PasswordFields password() {
        return new PasswordFields(page);
    }

    public Locator level() {
        return page.locator("#strength #strength-level span");
    }

    /** Without JavaScript: fill the field and post the form. */
    public StrengthPage test(String password) {
        page.locator("#password").fill(password);
        page.locator("main form button[type=submit]").click();
        page.waitForLoadState();
        return new StrengthPage(page);
    }
}
