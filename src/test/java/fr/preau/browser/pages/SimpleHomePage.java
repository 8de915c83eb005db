package fr.preau.browser.pages;

import com.microsoft.playwright.Page;

/** {@code /simple}: the simplified interface's home (plain HTML, no JavaScript). */
public final class SimpleHomePage extends PreauPage {

    public SimpleHomePage(Page page) {
        super(page, "/simple");
    }

    public String agentCard() {
        return page.locator("#agent-title").locator("xpath=..").innerText();
    }

    /** The number of scripts the page loads (the simplified interface needs none). */
    public int scriptCount() {
        return page.locator("script").count();
    }

    public FullHomePage switchToFull() {
        page.locator("form[action='/interface'] button").click();
        return new FullHomePage(page);
    }
}
