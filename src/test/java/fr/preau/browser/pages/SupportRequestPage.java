package fr.preau.browser.pages;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/** {@code /support/requests/HD-...}: what was typed, the matching accounts and the actions on them. */
public final class SupportRequestPage extends PreauPage {

    private final String reference;

    public SupportRequestPage(Page page, String reference) {
        super(page, "/support/requests/" + reference);
        this.reference = reference;
    }

    public String typed() {
        return page.locator("#typed").innerText();
    }

    public Locator account(long id) {
        return page.locator("#account-" + id);
    }

    /** The outcome of the last action on an account, or empty. */
    public String accountFlash(long id) {
        Locator flash = page.locator("#account-" + id + "-flash");
        return flash.count() == 0 ? "" : flash.innerText().strip();
    }

    public SupportRequestPage checkNumen(long account, String numen) {
        page.locator("#numen-" + account).fill(numen);
        account(account).locator("form.hd-check button[type=submit]").click();
        return new SupportRequestPage(page, reference);
    }

    public SupportRequestPage sendResetLink(long account) {
        account(account).locator("form[action$='/reset-link'] button[type=submit]").click();
        return new SupportRequestPage(page, reference);
    }

    /** Turns off the account's two-step verification (shown only when it is on). */
    public SupportRequestPage turnOffTwoFactor(long account) {
        account(account).locator("form[action$='/two-factor-off'] button[type=submit]").click();
        return new SupportRequestPage(page, reference);
    }

    /** Asks for a letter without the confirmation an active account needs: the page comes back. */
    public SupportRequestPage askLetterUnconfirmed(long account) {
        account(account).locator("form[action$='/letter'] button[type=submit]").click();
        return new SupportRequestPage(page, reference);
    }

    public LetterPrintPage printLetter(long account) {
        Locator confirm = page.locator("#confirm-" + account);
        if (confirm.count() > 0) {
            confirm.check();
        }
        account(account).locator("form[action$='/letter'] button[type=submit]").click();
        return new LetterPrintPage(page);
    }

    public SupportRequestPage reply(String text, boolean internal, String statusValue) {
        page.locator(internal ? "#kind-note" : "#kind-answer").check();
        page.locator("#reply").fill(text);
        page.locator("form[action$='/reply'] #status").selectOption(statusValue);
        page.locator("form[action$='/reply'] button[type=submit]").click();
        return new SupportRequestPage(page, reference);
    }

    public String status() {
        return page.locator("#request-status").innerText().strip();
    }

    public String history() {
        return page.locator("#history").innerText();
    }

    public String requestFlash() {
        Locator flash = page.locator("#request-flash");
        return flash.count() == 0 ? "" : flash.innerText().strip();
    }
}
