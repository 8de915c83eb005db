package fr.preau.browser.pages;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/** {@code /first-connection}, step one: identifiant and activation code (or NUMEN), and the captcha. */
public final class FirstConnectionPage extends PreauPage {

    public FirstConnectionPage(Page page) {
        super(page, "/first-connection");
    }

    public static FirstConnectionPage open(Page page) {
        page.navigate("/first-connection");
        return new FirstConnectionPage(page);
    }

    public FirstConnectionPage fill(String identifier, String proof) {
        page.locator("#identifier").fill(identifier);
        page.locator("#proof").fill(proof);
        return this;
    }

    private void submit() {
        page.locator("form[action='/first-connection'] button[type=submit]").click();
        page.waitForLoadState();
    }

    /** A proof expected to be refused: the same page comes back with the reason. */
    public FirstConnectionPage attempt(String identifier, String proof) {
        fill(identifier, proof).submit();
        return new FirstConnectionPage(page);
    }

    public ActivationPasswordPage proveWith(String identifier, String proof) {
        fill(identifier, proof).submit();
        return new ActivationPasswordPage(page);
    }

    public Locator captcha() {
        return page.locator("[data-captcha]");
    }

    public Locator captchaCheckbox() {
        return page.locator("#captcha-check");
    }

    public Locator captchaState() {
        return page.locator(".captcha__state");
    }
}
