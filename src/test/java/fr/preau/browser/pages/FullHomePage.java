package fr.preau.browser.pages;

import com.microsoft.playwright.Page;

/** {@code /app}: the full interface's home. */
public final class FullHomePage extends PreauPage {

    public FullHomePage(Page page) {
        super(page, "/app");
    }

    public String agentCard() {
        return page.locator("#agent-title").locator("xpath=..").innerText();
    }

    public SimpleHomePage switchToSimplified() {
        page.locator("form[action='/interface'] button").click();
        return new SimpleHomePage(page);
    }
}
