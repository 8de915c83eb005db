package fr.preau.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Checks the checks: axe does report a broken page, and the browser contexts keep enforcing
 * the pages' CSP (so that a clean console in the scenarios means something).
 */
class HarnessIT extends BrowserTest {

    @Test
    void axeReportsAnUnlabelledFieldAsBlocking() {
        try (BrowserContext context = browser.newContext(Viewport.DESKTOP.options()
                .setBaseURL("http://localhost:" + port))) {
            Page page = context.newPage();
            page.navigate("/login");
            assertThat(Axe.run(page).violations()).isEmpty();

            page.evaluate("() => document.querySelector('main').append(document.createElement('input'))");
            List<Axe.Violation> violations = Axe.run(page).violations();
            assertThat(violations).anySatisfy(v -> {
                assertThat(v.rule()).isEqualTo("label");
                assertThat(v.blocking()).isTrue();
            });
        }
    }

    @Test
    void inlineScriptsAreRefusedAndTheRefusalReachesTheConsole() {
        try (BrowserContext context = browser.newContext(Viewport.DESKTOP.options()
                .setBaseURL("http://localhost:" + port))) {
            Page page = context.newPage();
            List<String> console = new ArrayList<>();
            page.onConsoleMessage(m -> console.add(m.type() + ": " + m.text()));
            page.navigate("/login");
            page.evaluate("""
                    () => {
                      const s = document.createElement('script');
                      s.textContent = 'window.inlineRan = true';
                      document.body.append(s);
                    }""");
            assertThat(page.evaluate("() => window.inlineRan === true")).isEqualTo(false);
            page.waitForCondition(() -> !console.isEmpty());
            assertThat(console).anySatisfy(line -> assertThat(line).startsWith("error:")
                    .contains("Content Security Policy"));
        }
    }
}
