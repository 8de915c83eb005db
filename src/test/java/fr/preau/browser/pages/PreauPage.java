package fr.preau.browser.pages;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.regex.Pattern;

/** What every Préau page has: the header (user, navigation, language, logout) and one h1. */
public abstract class PreauPage {

    protected final Page page;

    protected PreauPage(Page page, String path) {
        this.page = page;
        // Playwright hands the pattern to JavaScript, which knows no \\Q...\\E quoting
        String quoted = path.replaceAll("[.?*+^$()\\[\\]{}|\\\\]", "\\\\$0");
        assertThat(page).hasURL(Pattern.compile("^https?://[^/]+" + quoted + "([?#].*)?$"));
    }

    public Page page() {
        return page;
    }

    public String heading() {
        return page.locator("main h1").innerText().strip();
    }

    public Locator headingLocator() {
        return page.locator("main h1");
    }

    /** The name of the signed-in agent in the header, or null when nobody is. */
    public String signedInAs() {
        Locator user = page.locator(".site-nav__user");
        return user.count() == 0 ? null : user.innerText().strip();
    }

    /** Follows the header's link to the other language; the page comes back the same, translated. */
    public void switchLanguage() {
        String before = page.locator("html").getAttribute("lang");
        page.locator(".site-nav a[hreflang]").click();
        assertThat(page.locator("html")).not().hasAttribute("lang", before);
    }

    public LoginPage logout() {
        page.locator(".site-nav form[action='/logout'] button").click();
        return new LoginPage(page);
    }

    /** "Mes sessions", from the account security page. */
    public SessionsPage openSessions() {
        openSecurity().page().locator("main a[href='/account/sessions']").click();
        return new SessionsPage(page);
    }

    /** "Sécurité du compte" from the navigation. */
    public SecuritySettingsPage openSecurity() {
        page.locator(".site-nav a[href='/account/security']").click();
        return new SecuritySettingsPage(page);
    }

    public SecurityEventsPage openSecurityEvents() {
        page.locator(".site-nav a[href='/account/security-events']").click();
        return new SecurityEventsPage(page);
    }

    public HelpPage openHelp() {
        page.locator(".site-nav a[href='/help']").click();
        return new HelpPage(page);
    }

    /** The text of the form's error summary (empty when there is none). */
    public String errorSummary() {
        Locator summary = page.locator("#error-summary");
        return summary.count() == 0 ? "" : summary.innerText();
    }
}
