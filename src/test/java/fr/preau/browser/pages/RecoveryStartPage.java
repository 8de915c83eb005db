package fr.preau.browser.pages;

import com.microsoft.playwright.Page;

/** {@code /recovery}: "Identifiant ou mot de passe oublié ?", the identifiant and the other ways out. */
public final class RecoveryStartPage extends PreauPage {

    public RecoveryStartPage(Page page) {
        super(page, "/recovery");
    }

    public static RecoveryStartPage open(Page page) {
        page.navigate("/recovery");
        return new RecoveryStartPage(page);
    }

    /** From the login page, by its "Identifiant ou mot de passe oublié ?" link. */
    public static RecoveryStartPage fromLogin(LoginPage login) {
        login.page().locator("main a[href='/recovery']").click();
        return new RecoveryStartPage(login.page());
    }

    /** "M'auto-dépanner" with this identifiant: the choice of method follows. */
    public RecoveryMethodPage helpMyself(String identifier) {
        page.locator("#identifier").fill(identifier);
        page.locator("form[action='/recovery'] button[type=submit]").click();
        return new RecoveryMethodPage(page);
    }

    /** The same, expected to be refused (nothing typed). */
    public RecoveryStartPage helpMyselfRefused(String identifier) {
        page.locator("#identifier").fill(identifier);
        page.locator("form[action='/recovery'] button[type=submit]").click();
        return new RecoveryStartPage(page);
    }

    public ForgotIdentifierPage forgotIdentifier() {
        page.locator("main a[href='/forgot-identifier']").click();
        return new ForgotIdentifierPage(page);
    }

    /** The notice shown when a recovery was cancelled or expired, or empty. */
    public String notice() {
        var notice = page.locator("#recovery-notice");
        return notice.count() == 0 ? "" : notice.innerText().strip();
    }
}
