package fr.preau.browser.pages;

import com.microsoft.playwright.Page;

/** {@code /recovery/method}: every method, whatever the account has, and the two buttons. */
public final class RecoveryMethodPage extends PreauPage {

    public RecoveryMethodPage(Page page) {
        super(page, "/recovery/method");
    }

    /** "EMAIL", "SMS" or "QUESTIONS". */
    public RecoveryMethodPage choose(String method) {
        page.locator("input[name=method][value=" + method + "]").check();
        return this;
    }

    /** "Recevoir un code". */
    public RecoveryCodePage sendCode() {
        page.locator("form[action='/recovery/method'] button[value=send]").click();
        return new RecoveryCodePage(page);
    }

    /** "Recevoir un code" expected to be refused (no method chosen): the page comes back. */
    public RecoveryMethodPage sendRefused() {
        page.locator("form[action='/recovery/method'] button[value=send]").click();
        return new RecoveryMethodPage(page);
    }

    /** "J'ai déjà reçu un code". */
    public RecoveryCodePage haveCode() {
        page.locator("form[action='/recovery/method'] button[value=have-code]").click();
        return new RecoveryCodePage(page);
    }
}
