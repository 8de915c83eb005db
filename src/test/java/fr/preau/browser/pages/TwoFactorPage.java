package fr.preau.browser.pages;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/** {@code /account/two-factor}: turning it on, recovery codes, trusted browsers, turning it off. */
public final class TwoFactorPage extends PreauPage {

    public TwoFactorPage(Page page) {
        super(page, "/account/two-factor");
    }

    private TwoFactorPage(Page page, String path) {
        super(page, path);
    }

    /** The page as a form's POST answers it ({@code /account/two-factor/confirm}...), showing codes made just now. */
    public static TwoFactorPage answerTo(Page page, String action) {
        return new TwoFactorPage(page, "/account/two-factor/" + action);
    }

    public static TwoFactorPage open(Page page) {
        page.navigate("/account/two-factor");
        return new TwoFactorPage(page);
    }

    /** "Activer": shows the QR code, the secret and the field for the first code. */
    public TwoFactorSetupForm start() {
        page.locator("form[action='/account/two-factor/start'] button").click();
        page.waitForLoadState();
        return new TwoFactorSetupForm(page);
    }

    public TwoFactorSetupForm setup() {
        return new TwoFactorSetupForm(page);
    }

    public Locator state() {
        return page.locator("#two-factor-state");
    }

    public String codesLeft() {
        return page.locator("#codes-left").innerText().strip();
    }

    public Locator trustedBrowsers() {
        return page.locator("#browsers tbody tr");
    }

    public TwoFactorPage revokeFirstBrowser() {
        trustedBrowsers().first().locator("button[type=submit]").click();
        page.waitForLoadState();
        return new TwoFactorPage(page);
    }

    public String notice() {
        Locator notice = page.locator("main .alert--success");
        return notice.count() == 0 ? "" : notice.first().innerText().strip();
    }

    public AppPasswordsPage openAppPasswords() {
        page.locator("main a[href='/account/app-passwords']").first().click();
        return new AppPasswordsPage(page);
    }
}
