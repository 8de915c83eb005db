package fr.preau.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.RequestOptions;
import fr.preau.browser.Agents.Agent;
import fr.preau.browser.pages.DirectoryCardPage;
import fr.preau.browser.pages.DirectorySearchPage;
import fr.preau.browser.pages.LoginPage;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The staff directory in both interfaces, on the demo académies: an agent finds the two
 * Hélènes of Dijon by typing "helene", narrows to one département, opens a card and finds the
 * link that writes to her; cards of other académies are not found; the simplified pages work
 * without JavaScript and stay small; the compose page's suggestions answer JSON.
 */
class DirectoryIT extends BrowserTest {

    static final String LEFEVRE = "Lefèvre Hélène";
    static final String LEFEBVRE = "Lefebvre Hélène";

    @ParameterizedTest
    @EnumSource(Viewport.class)
    void findAColleagueInTheFullInterface(Viewport viewport) {
        Agent agent = agents.active();
        try (Scenario s = scenario("directory-full", viewport)) {
            Page page = s.newPage();
            LoginPage.open(page).logInFull(agent.login(), Agents.PASSWORD);
            DirectorySearchPage directory = DirectorySearchPage.open(page, "/app");
            assertThat(directory.heading()).isEqualTo(fr("directory.title"));
            // the first page, in name order (other scenarios add agents of Dijon: which names fill it depends on them)
            assertThat(directory.names()).isNotEmpty().doesNotContain("Lambert Hugo");
            s.step(page, "all");

            directory = directory.search("helene");
            assertThat(directory.names()).containsExactly(LEFEBVRE, LEFEVRE);
            assertThat(directory.count()).isEqualTo(fr("directory.results.range", 1, 2, 2));
            s.step(page, "helene");

            directory = directory.department("58 – Nièvre").role(fr("role.ENSEIGNANT")).submit();
            assertThat(directory.results()).singleElement().asString()
                    .contains(LEFEBVRE, "Lycée Jules-Renard (Nevers)", fr("role.ENSEIGNANT"), "helene.lefebvre@ac-dijon.fr");
            s.step(page, "helene-nievre", false);

            directory = DirectorySearchPage.open(page, "/app").search("DUPRE lefevre");
            assertThat(directory.names()).isEmpty();
            directory = directory.search("LEFÈVRE hél");
            DirectoryCardPage card = directory.openCard(LEFEVRE);
            assertThat(card.heading()).isEqualTo("Hélène Lefèvre");
            assertThat(card.facts()).contains(fr("role.ENSEIGNANT"), "helene.lefevre@ac-dijon.fr",
                    "Lycée Carnot, Dijon (0210015C)", "Côte-d'Or (21)");
            assertThat(card.writeTo().innerText().strip()).isEqualTo(fr("directory.card.write", "Hélène Lefèvre"));
            assertThat(card.writeTo().getAttribute("href")).isEqualTo("/app/mail/compose?to=helene.lefevre%40ac-dijon.fr");
            s.step(page, "card");

            long lyon = accounts.byLogin("hlambert").orElseThrow().id();
            Response other = page.navigate("/app/annuaire/" + lyon);
            assertThat(other.status()).as("an agent of another académie").isEqualTo(404);
            assertThat(page.navigate("/app/annuaire/999999999").status()).isEqualTo(404);
            assertThat(page.navigate("/app/annuaire/abc").status()).isEqualTo(404);
            long suspended = accounts.byLogin("ndurand").orElseThrow().id();
            assertThat(page.navigate("/app/annuaire/" + suspended).status()).as("suspended").isEqualTo(404);
            s.step(page, "not-found", false);
        }
    }

    @ParameterizedTest
    @EnumSource(Viewport.class)
    void findAColleagueInTheSimplifiedInterfaceWithoutJavaScript(Viewport viewport) {
        Agent agent = agents.active();
        try (Scenario s = scenario("directory-simple", viewport)) {
            Page page = s.newPage(options -> options.setJavaScriptEnabled(false));
            LoginPage.open(page).logInSimplified(agent.login(), Agents.PASSWORD);
            Response first = page.navigate("/simple/annuaire");
            assertThat(first.body().length).as("bytes of the directory page").isLessThan(25_000);
            DirectorySearchPage directory = new DirectorySearchPage(page, "/simple/annuaire");
            assertThat(directory.scriptCount()).isZero();
            s.step(page, "all");

            directory = directory.search("hélène");
            assertThat(directory.names()).containsExactly(LEFEBVRE, LEFEVRE);
            s.step(page, "helene");

            DirectoryCardPage card = directory.openCard(LEFEBVRE);
            assertThat(card.scriptCount()).isZero();
            assertThat(card.heading()).isEqualTo("Hélène Lefebvre");
            assertThat(card.facts()).contains("Lycée Jules-Renard, Nevers (0580031U)", "Nièvre (58)");
            assertThat(card.writeTo().getAttribute("href")).isEqualTo("/simple/mail/compose?to=helene.lefebvre%40ac-dijon.fr");
            assertThat(page.content().getBytes(StandardCharsets.UTF_8).length).isLessThan(25_000);
            s.step(page, "card");

            directory = card.back();
            assertThat(directory.heading()).isEqualTo(fr("directory.title"));
        }
    }

    @ParameterizedTest
    @EnumSource(value = Viewport.class, names = "DESKTOP")
    void suggestsRecipientsAsJsonToSignedInAgentsOnly(Viewport viewport) {
        Agent agent = agents.active();
        try (Scenario s = scenario("directory-suggest", viewport)) {
            Page page = s.newPage();
            LoginPage.open(page).logInFull(agent.login(), Agents.PASSWORD);
            APIResponse answer = page.request().get("/directory/suggest", RequestOptions.create().setQueryParam("q", "hélène lef"));
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.headers().get("content-type")).startsWith("application/json");
            assertThat(answer.text()).isEqualTo("[{\"name\":\"Hélène Lefebvre\",\"email\":\"helene.lefebvre@ac-dijon.fr\","
                    + "\"detail\":\"Enseignant · Lycée Jules-Renard\"},{\"name\":\"Hélène Lefèvre\","
                    + "\"email\":\"helene.lefevre@ac-dijon.fr\",\"detail\":\"Enseignant · Lycée Carnot\"}]");
            assertThat(page.request().get("/directory/suggest", RequestOptions.create().setQueryParam("q", "hugo")).text())
                    .isEqualTo("[]");

            Page stranger = s.newPage();
            APIResponse refused = stranger.request().get("/directory/suggest", RequestOptions.create()
                    .setQueryParam("q", "lef").setMaxRedirects(0));
            assertThat(refused.status()).isEqualTo(302);
            assertThat(refused.text()).doesNotContain("lefevre");
        }
    }
}
