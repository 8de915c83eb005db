package fr.preau.browser.pages;

import com.microsoft.playwright.Page;

/** {@code /help-desk}: "Contacter l'assistance", the request form open to anyone. */
public final class HelpDeskFormPage extends PreauPage {

    public HelpDeskFormPage(Page page) {
        super(page, "/help-desk");
    }

    /** Reached from the login page's link. */
    public static HelpDeskFormPage fromLogin(Page page) {
        LoginPage.open(page);
        page.locator("main a[href='/help-desk']").click();
        return new HelpDeskFormPage(page);
    }

    public HelpDeskFormPage fill(String lastName, String firstName, String identifier, String numen, String department,
                                 String email, String phone, String message) {
        page.locator("#lastName").fill(lastName);
        page.locator("#firstName").fill(firstName);
        page.locator("#identifier").fill(identifier);
        page.locator("#numen").fill(numen);
        page.locator("#department").selectOption(department);
        page.locator("#contactEmail").fill(email);
        page.locator("#contactPhone").fill(phone);
        page.locator("#message").fill(message);
        return this;
    }

    /** Sent with errors: the form comes back. */
    public HelpDeskFormPage sendRefused() {
        page.locator("form[action='/help-desk'] button[type=submit]").click();
        page.waitForLoadState();
        return new HelpDeskFormPage(page);
    }

    public HelpDeskFiledPage send() {
        page.locator("form[action='/help-desk'] button[type=submit]").click();
        page.waitForLoadState();
        return new HelpDeskFiledPage(page);
    }

    public String value(String field) {
        return page.locator("#" + field).inputValue();
    }

    /** The error written under a field, or empty. */
    public String fieldError(String field) {
        var error = page.locator("#" + field + "-error");
        return error.count() == 0 ? "" : error.innerText().strip();
    }
}
