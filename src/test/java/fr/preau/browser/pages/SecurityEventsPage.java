package fr.preau.browser.pages;

import com.microsoft.playwright.Page;
import java.util.List;

/** {@code /account/security-events} ("Dernières connexions"). */
public final class SecurityEventsPage extends PreauPage {

    public SecurityEventsPage(Page page) {
        super(page, "/account/security-events");
    }

    /** The "what" column, most recent first. */
    public List<String> events() {
        return page.locator("main table tbody tr td:nth-child(2)").allInnerTexts().stream()
                .map(s -> s.replaceAll("^.*\\n", "").strip())
                .toList();
    }
}
