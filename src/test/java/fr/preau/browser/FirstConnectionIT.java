package fr.preau.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import fr.preau.browser.Agents.Agent;
import fr.preau.browser.pages.ActivationPasswordPage;
import fr.preau.browser.pages.FirstConnectionPage;
import fr.preau.browser.pages.LoginPage;
import fr.preau.browser.pages.PasswordFields;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * "J'initialise mon mot de passe" with the letter of a freshly created account: a wrong code
 * first, then the right one; a weak password that the live meter rates as such and the form
 * refuses, then a good one; and the first login with it.
 */
class FirstConnectionIT extends BrowserTest {

    @ParameterizedTest
    @EnumSource(Viewport.class)
    void activateAnAccountWithTheCodeOfItsLetter(Viewport viewport) {
        Agent agent = agents.pending();
        try (Scenario s = scenario("activation", viewport)) {
            Page page = s.newPage();
            FirstConnectionPage proof = LoginPage.open(page).goToFirstConnection();
            assertThat(proof.heading()).isEqualTo("J’initialise mon mot de passe");
            s.step(page, "proof-form");

            proof = proof.attempt(agent.login(), "ABCD-EFGH-JKMN");
            assertThat(proof.errorSummary()).contains(fr("activation.error.invalid-code"));
            s.step(page, "wrong-code");

            ActivationPasswordPage choose = proof.proveWith(agent.login(), agent.activationCode());
            assertThat(choose.heading()).isEqualTo(fr("activation.password.title"));
            assertThat(choose.page().locator("main")).containsText(agent.displayName());
            PasswordFields password = choose.password();
            assertThat(password.ruleStates()).containsOnly("");
            s.step(page, "password-form");

            // the meter follows the typing: a common word is very weak, every rule but one unmet...
            password.type("soleil").expectLevel(fr("password.level.VERY_WEAK"));
            assertThat(password.ruleStates()).contains("rule--ko");
            s.step(page, "weak-typed", false);
            // ...and more characters make it stronger
            password.type("soleil2024").expectLevel(fr("password.level.VERY_WEAK"), fr("password.level.WEAK"));
            assertThat(password.meter()).hasAttribute("value", java.util.regex.Pattern.compile("\\d+"));

            // the weak password is refused, with the reasons tied to the field
            password.confirm("soleil2024");
            choose = choose.submitRefused();
            assertThat(choose.errorSummary()).contains(fr("password.rule.length.unmet", 12));
            assertThat(choose.password().fieldError()).contains(fr("password.rule.upper.unmet"));
            assertThat(page.locator("#password")).hasAttribute("aria-invalid", "true");
            s.step(page, "weak-refused");

            String chosen = "Tartine-Volcan-Hibou-62!";
            choose.password().type(chosen)
                    .expectLevel(fr("password.level.GOOD"), fr("password.level.STRONG"))
                    .confirm(chosen);
            assertThat(choose.password().ruleStates()).containsOnly("rule--ok");
            choose.contacts(agent.login() + ".perso@example.org", "06 12 34 56 78");
            s.step(page, "strong-typed", false);

            LoginPage login = choose.activate();
            assertThat(login.notice()).isEqualTo(fr("login.notice.activated"));
            assertThat(login.identifierValue()).isEqualTo(agent.login());
            s.step(page, "activated");
            assertThat(agents.isActive(agent)).isTrue();

            assertThat(login.logInFull(agent.login(), chosen).heading())
                    .isEqualTo(fr("home.welcome", agent.firstName()));
        }
    }
}
