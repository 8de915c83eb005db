package fr.preau.browser.pages;

import com.microsoft.playwright.Page;

/** {@code /password/renew}: the forced choice of a new password after logging in with an expired one. */
public final class PasswordRenewalPage extends PreauPage {

    public PasswordRenewalPage(Page page) {
        super(page, "/password/renew");
    }

    public PasswordFields password() {
        return new PasswordFields(page);
    }

    private void submit() {
        page.locator("form[action='/password/renew'] button[type=submit]").click();
        page.waitForLoadState();
    }

    public PasswordRenewalPage submitRefused() {
        submit();
        return new PasswordRenewalPage(page);
    }

    public FullHomePage renew() {
        submit();
        return new FullHomePage(page);
    }
}
