package fr.preau.browser.pages;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/** {@code /login/second-factor}: the code (or a recovery code) after a right password, and "trust this browser". */
public final class SecondFactorPage extends PreauPage {

    public SecondFactorPage(Page page) {
        super(page, "/login/second-factor");
    }

    /** Logs in with the password on the login page; the second step must follow. */
    public static SecondFactorPage afterPassword(LoginPage login, String identifier, String password) {
        login.fill(identifier, password);
        login.page().locator("form[action='/login'] button[type=submit]").click();
        login.page().waitForLoadState();
        return new SecondFactorPage(login.page());
    }

    public SecondFactorPage type(String code) {
        page.locator("#code").fill(code);
        return this;
    }

    public SecondFactorPage trustThisBrowser() {
        page.locator("#trust").check();
        return this;
    }

    public boolean trustTicked() {
        return page.locator("#trust").isChecked();
    }

    private void submit() {
        page.locator("form[action='/login/second-factor'] button[type=submit]").click();
        page.waitForLoadState();
    }

    public FullHomePage verify() {
        submit();
        return new FullHomePage(page);
    }

    /** The right code, when the login was for another page than the home: that page follows. */
    public void verifyFor() {
        submit();
    }

    /** A code that is expected to be refused: the step comes back with the error. */
    public SecondFactorPage attempt() {
        submit();
        return new SecondFactorPage(page);
    }

    public String fieldError() {
        Locator error = page.locator("#code-error");
        return error.count() == 0 ? "" : error.innerText().strip();
    }

    public String codeValue() {
        return page.locator("#code").inputValue();
    }
}
