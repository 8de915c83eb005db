package fr.preau.browser.pages;

import com.microsoft.playwright.Page;

/** {@code /app}: the full interface's home. */
public final class FullHomePage extends PreauPage {

    public FullHomePage(Page page) {
        super(page, "/app");
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

    /** The folder tree, one entry per folder with its unread count. */
    public java.util.List<String> folders() {
        return page.locator(".app-shell__folders li").allInnerTexts();
    }

    public SimpleHomePage switchToSimplified() {
        page.locator("form[action='/interface'] button").click();
        return new SimpleHomePage(page);
    }
}
