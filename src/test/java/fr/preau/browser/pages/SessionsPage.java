package fr.preau.browser.pages;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/** {@code /account/sessions} ("Mes sessions"): the agent's open sessions, each with a close button. */
public final class SessionsPage extends PreauPage {

    public SessionsPage(Page page) {
        super(page, "/account/sessions");
    }

    public static SessionsPage open(Page page) {
        page.navigate("/account/sessions");
        return new SessionsPage(page);
    }

    public Locator rows() {
        return page.locator("main table tbody tr");
    }

    /** The row of the session this browser is using (marked "Cette session"). */
    public Locator currentRow() {
        return rows().filter(new Locator.FilterOptions().setHas(page.locator(".tag--ok")));
    }

    public Locator otherRows() {
        return rows().filter(new Locator.FilterOptions().setHasNot(page.locator(".tag--ok")));
    }

    /** Closes the one session other than this one. */
    public SessionsPage closeOtherSession() {
        otherRows().first().locator("button[type=submit]").click();
        return new SessionsPage(page);
    }

    public String notice() {
        Locator notice = page.locator("main .alert--success");
        return notice.count() == 0 ? "" : notice.innerText().strip();
    }
}
