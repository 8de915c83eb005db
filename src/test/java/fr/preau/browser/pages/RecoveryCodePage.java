package fr.preau.browser.pages;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/** {@code /recovery/code}: what was sent (if anything matched), the code field, and a new code. */
public final class RecoveryCodePage extends PreauPage {

    public RecoveryCodePage(Page page) {
        super(page, "/recovery/code");
    }

    private void submit(String code) {
        page.locator("#code").fill(code);
        page.locator("form[action='/recovery/code'] button[type=submit]").click();
        page.waitForLoadState();
    }

    /** A code expected to be refused: the page comes back with the reason next to the field. */
    public RecoveryCodePage attempt(String code) {
        submit(code);
        return new RecoveryCodePage(page);
    }

    /** The right code of the e-mail or SMS method: the new password follows. */
    public RecoveryPasswordPage prove(String code) {
        submit(code);
        return new RecoveryPasswordPage(page);
    }

    /** The right code of the questions method: the questions follow. */
    public RecoveryQuestionsPage proveThenQuestions(String code) {
        submit(code);
        return new RecoveryQuestionsPage(page);
    }

    /** "Recevoir un nouveau code". */
    public RecoveryCodePage resend() {
        page.locator("main form[action='/recovery/method'] button[value=send]").click();
        return new RecoveryCodePage(page);
    }

    /** The "if an account matches, we sent ..." notice, or empty. */
    public String sentNotice() {
        Locator notice = page.locator("#recovery-sent");
        return notice.count() == 0 ? "" : notice.innerText().strip();
    }

    public String fieldError() {
        Locator error = page.locator("#code-error");
        return error.count() == 0 ? "" : error.innerText().strip();
    }

    public String codeValue() {
        return page.locator("#code").inputValue();
    }
}
