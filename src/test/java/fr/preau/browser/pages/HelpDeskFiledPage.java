package fr.preau.browser.pages;

import com.microsoft.playwright.Page;

/** {@code /help-desk/filed}: the request's reference and follow-up code, shown once. */
public final class HelpDeskFiledPage extends PreauPage {

    public HelpDeskFiledPage(Page page) {
        super(page, "/help-desk/filed");
    }

    public String reference() {
        return page.locator("#reference").innerText().strip();
    }

    public String code() {
        return page.locator("#follow-up-code").innerText().strip();
    }

    public HelpDeskStatusPage follow() {
        String reference = reference();
        page.locator("main a.button[href^='/help-desk/status/']").click();
        return new HelpDeskStatusPage(page, reference);
    }
}
