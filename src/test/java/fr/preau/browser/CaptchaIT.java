package fr.preau.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import fr.preau.browser.Agents.Agent;
import fr.preau.browser.pages.ActivationPasswordPage;
import fr.preau.browser.pages.FirstConnectionPage;
import fr.preau.browser.pages.LoginPage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.test.context.TestPropertySource;

/**
 * The real ALTCHA proof of work, solved by assets/js/captcha.js in Chromium, lets the first
 * connection through. The only browser test with the captcha on (its own Spring context).
 */
@TestPropertySource(properties = "preau.captcha.enabled=true")
class CaptchaIT extends BrowserTest {

    @ParameterizedTest
    @EnumSource(Viewport.class)
    void theCaptchaSolvesItselfAndTheFirstConnectionGoesThrough(Viewport viewport) {
        Agent agent = agents.pending();
        try (Scenario s = scenario("captcha", viewport)) {
            Page page = s.newPage();
            FirstConnectionPage proof = FirstConnectionPage.open(page);
            assertThat(proof.captcha()).isVisible();
            assertThat(proof.captcha()).hasAttribute("data-state", "done",
                    new LocatorAssertions.HasAttributeOptions().setTimeout(60_000));
            assertThat(proof.captchaCheckbox()).isChecked();
            assertThat(proof.captchaState()).hasText(fr("captcha.done"));
            assertThat(page.locator("input[name=altcha]")).not().hasValue("");
            s.step(page, "solved");

            ActivationPasswordPage choose = proof.proveWith(agent.login(), agent.activationCode());
            String chosen = "Tartine-Volcan-Hibou-62!";
            choose.password().type(chosen).confirm(chosen);
            LoginPage login = choose.activate();
            assertThat(login.notice()).isEqualTo(fr("login.notice.activated"));
            assertThat(agents.isActive(agent)).isTrue();
        }
    }
}
