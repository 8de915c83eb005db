package fr.preau.browser.pages;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/** {@code .../annuaire/{id}}: an agent's card in the staff directory. */
public final class DirectoryCardPage extends PreauPage {

    private final String base;

    public DirectoryCardPage(Page page, String base) {
        super(page, java.net.URI.create(page.url()).getPath());
        this.base = base;
        if (!java.net.URI.create(page.url()).getPath().matches(java.util.regex.Pattern.quote(base) + "/\\d+")) {
            throw new AssertionError("not a card of " + base + ": " + page.url());
        }
    }

    /** The facts of the card, one "label value" pair a line. */
    public String facts() {
        return page.locator(".directory-card dl.facts").innerText();
    }

    public Locator writeTo() {
        return page.locator("#write-to");
    }

    public DirectorySearchPage back() {
        page.locator("main a[href='" + base + "']").first().click();
        return new DirectorySearchPage(page, base);
    }

    public int scriptCount() {
        return page.locator("script").count();
    }
}
