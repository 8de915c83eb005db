package fr.preau.browser.pages;

import com.microsoft.playwright.Page;

/** {@code /simple}: the simplified interface's home (plain HTML, no JavaScript). */
public final class SimpleHomePage extends PreauPage {

    public SimpleHomePage(Page page) {
        super(page, "/simple");
    }

    /** The newest messages of INBOX as the home page lists them (sender, subject, date). */
    public java.util.List<String> recentMessages() {
        return page.locator(".message-list__item").allInnerTexts();
    }

    /** The number of unread messages the page marks as such. */
    public int unreadMarked() {
        return page.locator(".message-list__item--unread").count();
    }

    /** The line that says how full the mailbox is. */
    public String quota() {
        return page.locator("#quota").innerText();
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
