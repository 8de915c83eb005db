package fr.preau.browser.pages;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/**
 * {@code /account/security} ("Sécurité du compte") and the settings pages it leads to: password,
 * recovery contacts, security questions. One page object for the small family of forms.
 */
public final class SecuritySettingsPage extends PreauPage {

    public SecuritySettingsPage(Page page) {
        super(page, "/account/security");
    }

    public static SecuritySettingsPage open(Page page) {
        page.navigate("/account/security");
        return new SecuritySettingsPage(page);
    }

    /** The success notice, or null. */
    public String notice() {
        Locator notice = page.locator("main .alert--success");
        return notice.count() == 0 ? null : notice.innerText().strip();
    }

    public Locator warnings() {
        return page.locator("main .alert--warning");
    }

    public Locator main() {
        return page.locator("main");
    }

    // ---- password

    public SecuritySettingsPage changePassword(String current, String password, String confirmation) {
        page.locator("main a[href='/account/password']").first().click();
        page.locator("#current").fill(current);
        page.locator("#password").fill(password);
        page.locator("#confirmation").fill(confirmation);
        page.locator("main form button[type=submit]").click();
        return this;
    }

    // ---- contacts

    public SecuritySettingsPage openContacts() {
        page.locator("main a[href='/account/contacts']").click();
        return this;
    }

    public SecuritySettingsPage saveBackupEmail(String email, String password) {
        page.locator("#backupEmail").fill(email);
        page.locator("#emailPassword").fill(password);
        page.locator("form[action='/account/contacts/email'] button").click();
        return this;
    }

    public SecuritySettingsPage verifyEmail(String code) {
        page.locator("#emailCode").fill(code);
        page.locator("form[action='/account/contacts/email/verify'] button").click();
        return this;
    }

    public SecuritySettingsPage saveMobile(String mobile, String password) {
        page.locator("#mobile").fill(mobile);
        page.locator("#mobilePassword").fill(password);
        page.locator("form[action='/account/contacts/mobile'] button").click();
        return this;
    }

    public SecuritySettingsPage verifyMobile(String code) {
        page.locator("#mobileCode").fill(code);
        page.locator("form[action='/account/contacts/mobile/verify'] button").click();
        return this;
    }

    // ---- questions

    public SecuritySettingsPage openQuestions() {
        page.locator("main a[href='/account/questions']").click();
        return this;
    }

    public SecuritySettingsPage answer(int n, String questionKey, String answer) {
        page.locator("#question" + n).selectOption(questionKey);
        page.locator("#answer" + n).fill(answer);
        return this;
    }

    public SecuritySettingsPage saveQuestions(String password) {
        page.locator("#currentPassword").fill(password);
        page.locator("form[action='/account/questions'] button[type=submit]").click();
        return this;
    }

    /** The error text next to a field. */
    public String fieldError(String field) {
        Locator error = page.locator("#" + field + "-error");
        return error.count() == 0 ? "" : error.innerText().strip();
    }
}
