package fr.preau.browser.pages;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/** {@code /login}: identifiant or address, password, and the interface to open. */
public final class LoginPage extends PreauPage {

    public LoginPage(Page page) {
        super(page, "/login");
    }

    public static LoginPage open(Page page) {
        page.navigate("/login");
        return new LoginPage(page);
    }

    public LoginPage fill(String identifier, String password) {
        page.locator("#identifier").fill(identifier);
        page.locator("#password").fill(password);
        return this;
    }

    public LoginPage chooseSimplified(boolean simplified) {
        page.locator(simplified ? "#interface-simple" : "#interface-full").check();
        return this;
    }

    public boolean simplifiedSelected() {
        return page.locator("#interface-simple").isChecked();
    }

    public boolean fullSelected() {
        return page.locator("#interface-full").isChecked();
    }

    private void submit() {
        page.locator("form[action='/login'] button[type=submit]").click();
        page.waitForLoadState();
    }

    public FullHomePage logInFull(String identifier, String password) {
        fill(identifier, password).chooseSimplified(false).submit();
        return new FullHomePage(page);
    }

    public SimpleHomePage logInSimplified(String identifier, String password) {
        fill(identifier, password).chooseSimplified(true).submit();
        return new SimpleHomePage(page);
    }

    /** A login that is expected to be refused: the login page comes back. */
    public LoginPage attempt(String identifier, String password) {
        fill(identifier, password).submit();
        return new LoginPage(page);
    }

    /** A login with an expired password: the forced renewal follows. */
    public PasswordRenewalPage logInExpectingRenewal(String identifier, String password) {
        fill(identifier, password).submit();
        return new PasswordRenewalPage(page);
    }

    public String identifierValue() {
        return page.locator("#identifier").inputValue();
    }

    public String passwordValue() {
        return page.locator("#password").inputValue();
    }

    /** The alert of a refused login (lock, suspension, maintenance...), or empty. */
    public String failure() {
        Locator failure = page.locator("#login-failure");
        return failure.count() == 0 ? "" : failure.innerText();
    }

    /** The help desk phone number shown with a refusal, as a tel: link. */
    public Locator helpDeskPhone() {
        return page.locator("#login-failure .helpdesk a[href^='tel:']");
    }

    /** The success notice (logged out, account activated...), or empty. */
    public String notice() {
        Locator notice = page.locator("main .alert--success");
        return notice.count() == 0 ? "" : notice.innerText().strip();
    }

    public Locator maintenanceBanner() {
        return page.locator(".banner--warning");
    }

    public FirstConnectionPage goToFirstConnection() {
        page.locator("main a[href='/first-connection']").first().click();
        return new FirstConnectionPage(page);
    }
}
