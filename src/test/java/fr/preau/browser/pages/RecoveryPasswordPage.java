package fr.preau.browser.pages;

import com.microsoft.playwright.Page;

/** {@code /recovery/password}: the "choose your new password" page where every recovery ends. */
public final class RecoveryPasswordPage extends PreauPage {

    public RecoveryPasswordPage(Page page) {
        super(page, "/recovery/password");
    }

    public PasswordFields password() {
        return new PasswordFields(page);
    }

    /** The "it is you" notice (how the agent proved it). */
    public String proven() {
        return page.locator("#recovery-proven").innerText().strip();
    }

    private void submit() {
        page.locator("form[action='/recovery/password'] button[type=submit]").click();
        page.waitForLoadState();
    }

    public RecoveryPasswordPage submitRefused() {
        submit();
        return new RecoveryPasswordPage(page);
    }

    /** Saved: the login page follows, with its notice and the identifiant filled in. */
    public LoginPage save() {
        submit();
        return new LoginPage(page);
    }
}
