package fr.preau.browser.pages;

import com.microsoft.playwright.Page;

/** {@code /help-desk/status/HD-...}: where the request stands and its public messages. */
public final class HelpDeskStatusPage extends PreauPage {

    public HelpDeskStatusPage(Page page, String reference) {
        super(page, "/help-desk/status/" + reference);
    }

    /** Opens the page with the reference and the follow-up code, as from another device. */
    public static HelpDeskStatusPage open(Page page, String reference, String code) {
        page.navigate("/help-desk/status");
        page.locator("#reference").fill(reference);
        page.locator("#code").fill(code);
        page.locator("form[action='/help-desk/status'] button[type=submit]").click();
        return new HelpDeskStatusPage(page, reference);
    }

    public String status() {
        return page.locator("#request-status").innerText().strip();
    }

    public String history() {
        return page.locator("#history").innerText();
    }

    public HelpDeskStatusPage reload() {
        page.reload();
        return this;
    }
}
