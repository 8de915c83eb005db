package fr.preau.browser.pages;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.List;

/**
 * The new-password fields shared by the first connection and the renewal: the password with
 * its live strength meter (refreshed by htmx as the agent types), and the confirmation.
 */
public final class PasswordFields {

    private final Page page;

    PasswordFields(Page page) {
        this.page = page;
    }

    /** Types the password key by key, as an agent would (the meter follows). */
    public PasswordFields type(String password) {
        Locator field = page.locator("#password");
        field.clear();
        field.pressSequentially(password, new Locator.PressSequentiallyOptions().setDelay(15));
        return this;
    }

    public PasswordFields confirm(String password) {
        page.locator("#confirmation").fill(password);
        return this;
    }

    /** The level the meter shows, waiting for htmx to bring it. */
    public Locator level() {
        return page.locator("#strength #strength-level span");
    }

    public Locator meter() {
        return page.locator("#strength meter");
    }

    /** Waits until the meter says {@code level} (in the page's language). */
    public PasswordFields expectLevel(String level) {
        assertThat(level()).hasText(level);
        return this;
    }

    /** Waits until the meter says one of {@code levels}. */
    public PasswordFields expectLevel(String... levels) {
        assertThat(level()).hasText(java.util.regex.Pattern.compile(
                "^(" + String.join("|", levels) + ")$"));
        return this;
    }

    /** The rules' states, e.g. "rule--ok", "rule--ko", or "" before anything is typed. */
    public List<String> ruleStates() {
        return page.locator("#strength ul.rules li").all().stream()
                .map(li -> {
                    String c = li.getAttribute("class");
                    return c == null ? "" : c;
                })
                .toList();
    }

    public String fieldError() {
        Locator error = page.locator("#password-error");
        return error.count() == 0 ? "" : error.innerText();
    }
}
