package fr.preau.browser.pages;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/** {@code /account/app-passwords}: passwords of mail clients, shown once, listed with their last use, revocable. */
public final class AppPasswordsPage extends PreauPage {

    public AppPasswordsPage(Page page) {
        super(page, "/account/app-passwords");
    }

    public static AppPasswordsPage open(Page page) {
        page.navigate("/account/app-passwords");
        return new AppPasswordsPage(page);
    }

    public Locator offNotice() {
        return page.locator("#app-passwords-off");
    }

    public Locator accountPasswordRefused() {
        return page.locator("#account-password-refused");
    }

    public AppPasswordsPage create(String name) {
        page.locator("#name").fill(name);
        page.locator("form[action='/account/app-passwords'] button[type=submit]").click();
        page.waitForLoadState();
        return new AppPasswordsPage(page);
    }

    /** The password just created, as shown once. */
    public String newPassword() {
        return page.locator("#app-password-value").innerText().strip();
    }

    public Locator newPasswordBox() {
        return page.locator("#new-app-password");
    }

    public Locator rows() {
        return page.locator("#app-passwords tbody tr");
    }

    public AppPasswordsPage revokeFirst() {
        rows().first().locator("button[type=submit]").click();
        page.waitForLoadState();
        return new AppPasswordsPage(page);
    }

    public String nameError() {
        Locator error = page.locator("#name-error");
        return error.count() == 0 ? "" : error.innerText().strip();
    }

    public String notice() {
        Locator notice = page.locator("main .alert--success");
        return notice.count() == 0 ? "" : notice.first().innerText().strip();
    }
}
