package fr.preau.browser.pages;

import com.microsoft.playwright.Page;

/** {@code /first-connection/password}, step two: the password (live meter) and the recovery contacts. */
public final class ActivationPasswordPage extends PreauPage {

    public ActivationPasswordPage(Page page) {
        super(page, "/first-connection/password");
    }

    public PasswordFields password() {
        return new PasswordFields(page);
    }

    public ActivationPasswordPage contacts(String backupEmail, String mobile) {
        page.locator("#backupEmail").fill(backupEmail);
        page.locator("#mobile").fill(mobile);
        return this;
    }

    private void submit() {
        page.locator("form[action='/first-connection/password'] button[type=submit]").click();
        page.waitForLoadState();
    }

    /** A password expected to be refused: the page comes back with the errors. */
    public ActivationPasswordPage submitRefused() {
        submit();
        return new ActivationPasswordPage(page);
    }

    /** The account is activated: the login page follows, identifiant filled in. */
    public LoginPage activate() {
        submit();
        return new LoginPage(page);
    }
}
