package fr.preau.browser.pages;

import com.microsoft.playwright.Page;

/** {@code /login/second-factor/enroll}: the enrollment an agent whose role requires it meets after the password. */
public final class ForcedEnrollmentPage extends PreauPage {

    public ForcedEnrollmentPage(Page page) {
        super(page, "/login/second-factor/enroll");
    }

    /** Logs in with the password on the login page; the forced enrollment must follow. */
    public static ForcedEnrollmentPage afterPassword(LoginPage login, String identifier, String password) {
        login.fill(identifier, password);
        login.page().locator("form[action='/login'] button[type=submit]").click();
        login.page().waitForLoadState();
        return new ForcedEnrollmentPage(login.page());
    }

    public TwoFactorSetupForm setup() {
        return new TwoFactorSetupForm(page);
    }

    public String intro() {
        return page.locator("main .alert--warning").first().innerText().strip();
    }

    /** After the recovery codes: on to the agent's home. */
    public FullHomePage proceed() {
        page.locator("form[action='/login/second-factor/continue'] button").click();
        page.waitForLoadState();
        return new FullHomePage(page);
    }
}
