package fr.preau.browser.pages;

import com.microsoft.playwright.Page;

/** {@code /support}: the requests of the support agent's département. */
public final class SupportConsolePage extends PreauPage {

    public SupportConsolePage(Page page) {
        super(page, "/support");
    }

    /** Reached from the home page's "Assistance" card. */
    public static SupportConsolePage fromHome(FullHomePage home) {
        home.page().locator("#support-console a[href='/support']").click();
        return new SupportConsolePage(home.page());
    }

    public String requests() {
        var table = page.locator("#requests");
        return table.count() == 0 ? "" : table.innerText();
    }

    public SupportRequestPage open(String reference) {
        page.locator("#requests a[href='/support/requests/" + reference + "']").click();
        return new SupportRequestPage(page, reference);
    }
}
