package fr.preau.browser.pages;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/** {@code /help}: what to do in case of difficulties, and the help desks. */
public final class HelpPage extends PreauPage {

    public HelpPage(Page page) {
        super(page, "/help");
    }

    public static HelpPage open(Page page) {
        page.navigate("/help");
        return new HelpPage(page);
    }

    public Locator section(String id) {
        return page.locator("section#" + id);
    }

    public Locator contacts() {
        return section("contacts");
    }

    public Locator tocLinks() {
        return page.locator("main nav a");
    }
}
