package fr.preau.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIRequestContext;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import fr.preau.browser.Agents.Agent;
import fr.preau.browser.pages.ForgotIdentifierPage;
import fr.preau.browser.pages.LoginPage;
import fr.preau.browser.pages.RecoveryCodePage;
import fr.preau.browser.pages.RecoveryLinkPage;
import fr.preau.browser.pages.RecoveryMethodPage;
import fr.preau.browser.pages.RecoveryPasswordPage;
import fr.preau.browser.pages.RecoveryQuestionsPage;
import fr.preau.browser.pages.RecoveryStartPage;
import fr.preau.identity.Authentication;
import fr.preau.identity.InterfaceChoice;
import fr.preau.identity.LoginResult;
import fr.preau.identity.NewAccount;
import fr.preau.identity.SecurityQuestions;
import fr.preau.identity.SmsOutbox;
import fr.preau.identity.internal.ContactRepository;
import fr.preau.platform.AuditLog;
import fr.preau.platform.web.ClientInfo;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * "Identifiant ou mot de passe oublié ?" as agents live it: by the backup e-mail's code, by its
 * link opened in another browser, by SMS, by the e-mail code and the security questions; the
 * forgotten identifiant; a used code and link replayed, an expired one, a code killed by wrong
 * tries; and what an outsider learns probing identifiants (nothing: same pages, similar times).
 * The codes are read where the agent reads them: the mail relayed to the Internet, the SMS outbox.
 */
class RecoveryIT extends BrowserTest {

    private static final Pattern CODE = Pattern.compile(": (\\d{6})\\b");
    private static final Pattern LINK = Pattern.compile("/recovery/link/[A-Za-z0-9_-]{20,}");
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final ClientInfo CLIENT = new ClientInfo("192.0.2.10", "Mozilla/5.0 Firefox/128.0");
    private static final String CHOSEN = "Girafe-Lanterne-Brioche-37!";
    private static final AtomicInteger NUMENS = new AtomicInteger();

    @Autowired ContactRepository contacts;
    @Autowired SmsOutbox smsOutbox;
    @Autowired SecurityQuestions securityQuestions;
    @Autowired Authentication authentication;
    @Autowired AuditLog audit;
    @Autowired JdbcClient jdbc;

    // ---- the agents' contacts and what reaches them

    private static String backup(Agent agent) {
        return agent.login() + ".perso@example.org";
    }

    private static String mobile(Agent agent) {
        return String.format("+3361%07d", agent.id());
    }

    private void verifiedBackup(Agent agent) {
        contacts.setBackupEmail(agent.id(), backup(agent));
        contacts.verifyBackupEmail(agent.id(), backup(agent), Instant.now());
    }

    private void verifiedMobile(Agent agent) {
        contacts.setMobile(agent.id(), mobile(agent));
        contacts.verifyMobile(agent.id(), mobile(agent), Instant.now());
    }

    private static String codeIn(String mail) {
        Matcher m = CODE.matcher(mail);
        assertThat(m.find()).as("a code in %s", mail).isTrue();
        return m.group(1);
    }

    private static String linkIn(String mail) {
        Matcher m = LINK.matcher(mail);
        assertThat(m.find()).as("a link in %s", mail).isTrue();
        return m.group();
    }

    /** The latest SMS to the number after {@code before} of them, waiting for the background sending. */
    private String sms(String mobile, int before) {
        long deadline = System.currentTimeMillis() + 10_000;
        while (true) {
            List<SmsOutbox.Sms> sent = smsOutbox.latest(mobile, 50);
            if (sent.size() > before) {
                return sent.getFirst().body();
            }
            assertThat(System.currentTimeMillis()).as("an SMS to %s", mobile).isLessThan(deadline);
            pause(100);
        }
    }

    /** Waits until the account's security events hold {@code type}, and returns its details. */
    private String awaitEvent(long accountId, String type) {
        long deadline = System.currentTimeMillis() + 10_000;
        while (true) {
            var found = audit.forAccount(accountId, 50).stream().filter(e -> e.type().equals(type)).findFirst();
            if (found.isPresent()) {
                return found.get().details();
            }
            assertThat(System.currentTimeMillis()).as("event %s", type).isLessThan(deadline);
            pause(100);
        }
    }

    private boolean passwordWorks(Agent agent, String password) {
        return authentication.authenticate(agent.login(), password, InterfaceChoice.FULL, CLIENT) instanceof LoginResult.Success;
    }

    /** An active agent whose NUMEN the test knows. */
    private Agent activeWithNumen(String numen) {
        var created = accounts.create("test", new NewAccount("Lambert", "Sophie", numen, "enseignant", Agents.UAI, null, null));
        firstConnection.complete(created.account().id(), Agents.PASSWORD, Agents.PASSWORD, null, null, CLIENT);
        return new Agent(created.account().id(), created.account().login(), "Sophie", "Lambert", null);
    }

    private static String newNumen() {
        return "07E98" + String.format("%05d", NUMENS.incrementAndGet()) + "REC";
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    // ---- the methods

    @ParameterizedTest
    @EnumSource(Viewport.class)
    void recoverWithTheCodeSentToTheBackupAddress(Viewport viewport) {
        Agent agent = agents.active();
        verifiedBackup(agent);
        try (Scenario s = scenario("recovery-email", viewport)) {
            // a session open elsewhere before the reset (the agent's office PC)
            Page office = s.newPage();
            LoginPage.open(office).logInFull(agent.login(), Agents.PASSWORD);

            Page page = s.newPage();
            RecoveryStartPage start = RecoveryStartPage.fromLogin(LoginPage.open(page));
            assertThat(start.heading()).isEqualTo(fr("recovery.start.title"));
            s.step(page, "start");

            start = start.helpMyselfRefused("  ");
            assertThat(start.errorSummary()).contains(fr("recovery.error.identifier-missing"));
            s.step(page, "identifier-missing", false);

            RecoveryMethodPage method = start.helpMyself(agent.login());
            assertThat(method.heading()).isEqualTo(fr("recovery.method.title"));
            s.step(page, "method");
            method = method.sendRefused();
            assertThat(method.errorSummary()).contains(fr("recovery.error.method-missing"));

            int before = outsideMailTo(backup(agent)).size();
            RecoveryCodePage code = method.choose("EMAIL").sendCode();
            assertThat(code.sentNotice()).isEqualTo(fr("recovery.code.sent.email", agent.login(), 30));
            s.step(page, "code-sent");

            String mail = outsideMail(backup(agent), before);
            assertThat(mail).contains(fr("recovery.mail.code.subject")).contains("Bonjour " + agent.firstName())
                    .contains(agent.login());
            String right = codeIn(mail);

            code = code.attempt("12345");
            assertThat(code.fieldError()).isEqualTo(fr("recovery.error.code-format"));
            assertThat(code.codeValue()).as("what was typed stays").isEqualTo("12345");
            code = code.attempt(right.equals("000000") ? "111111" : "000000");
            assertThat(code.fieldError()).isEqualTo(fr("recovery.error.code-wrong", 4));
            assertThat(page.locator("#code")).hasAttribute("aria-invalid", "true");
            s.step(page, "wrong-code");
            assertThat(passwordWorks(agent, Agents.PASSWORD)).as("nothing changed yet").isTrue();

            RecoveryPasswordPage choose = code.prove(right);
            assertThat(choose.proven()).isEqualTo(fr("recovery.password.proven-by", agent.login().charAt(0) + "•••@example.org"));
            assertThat(choose.page().locator("main")).containsText(agent.displayName());
            s.step(page, "password-form");

            choose.password().type("soleil").expectLevel(fr("password.level.VERY_WEAK"));
            choose.password().confirm("soleil");
            choose = choose.submitRefused();
            assertThat(choose.errorSummary()).contains(fr("password.rule.length.unmet", 12));
            s.step(page, "weak-refused");

            choose.password().type(CHOSEN).expectLevel(fr("password.level.GOOD"), fr("password.level.STRONG")).confirm(CHOSEN);
            LoginPage login = choose.save();
            assertThat(login.notice()).isEqualTo(fr("recovery.login-notice"));
            assertThat(login.identifierValue()).isEqualTo(agent.login());
            s.step(page, "done");

            // the session opened before is closed; the old password is refused, the new one works
            office.navigate("/app/mail");
            assertThat(office).hasURL(Pattern.compile(".*/login.*"));
            assertThat(passwordWorks(agent, Agents.PASSWORD)).isFalse();
            assertThat(login.logInFull(agent.login(), CHOSEN).heading()).isEqualTo(fr("home.welcome", agent.firstName()));
            assertThat(awaitEvent(agent.id(), "PASSWORD_RESET")).isEqualTo("method=email-code");
        }
    }

    @ParameterizedTest
    @EnumSource(Viewport.class)
    void recoverWithTheLinkOpenedInAnotherBrowserWhichThenNoLongerWorks(Viewport viewport) {
        Agent agent = agents.active();
        verifiedBackup(agent);
        try (Scenario s = scenario("recovery-link", viewport)) {
            Page asking = s.newPage();
            int before = outsideMailTo(backup(agent)).size();
            // the académie address names the account as well as the identifiant
            RecoveryCodePage code = RecoveryStartPage.open(asking).helpMyself(agentAddress(agent)).choose("EMAIL").sendCode();
            String mail = outsideMail(backup(agent), before);
            String path = linkIn(mail);

            // the agent reads the mail on their phone: the link is the proof, no session needed
            Page phone = s.newPage();
            RecoveryLinkPage link = RecoveryLinkPage.open(phone, path);
            assertThat(link.page().locator("main")).containsText(fr("recovery.link.valid", agent.login()));
            s.step(phone, "link");
            assertThat(passwordWorks(agent, Agents.PASSWORD)).as("opening the link changes nothing").isTrue();

            RecoveryPasswordPage choose = link.proceed();
            assertThat(choose.proven()).isEqualTo(fr("recovery.password.proven"));
            choose.password().type(CHOSEN).confirm(CHOSEN);
            LoginPage login = choose.save();
            assertThat(login.notice()).isEqualTo(fr("recovery.login-notice"));

            // the same link again, anywhere: already used
            Page later = s.newPage();
            link = RecoveryLinkPage.open(later, path);
            assertThat(link.problem()).contains(fr("recovery.link.used.title")).contains(fr("recovery.link.used.text"));
            assertThat(link.askAgain()).isVisible();
            s.step(later, "link-used");

            // and the code of the same mail, in the first browser: already used too
            code = code.attempt(codeIn(mail));
            assertThat(code.errorSummary()).contains(fr("recovery.error.code-used"));
            s.step(asking, "code-used");
            assertThat(passwordWorks(agent, CHOSEN)).isTrue();
            assertThat(awaitEvent(agent.id(), "PASSWORD_RESET")).isEqualTo("method=email-link");
        }
    }

    private String agentAddress(Agent agent) {
        return accounts.byLogin(agent.login()).orElseThrow().email();
    }

    @ParameterizedTest
    @EnumSource(Viewport.class)
    void recoverWithACodeBySmsWithoutJavaScript(Viewport viewport) {
        Agent agent = agents.active();
        verifiedMobile(agent);
        try (Scenario s = scenario("recovery-sms", viewport)) {
            // an old phone without JavaScript: every step is a plain form
            Page page = s.newPage(o -> o.setJavaScriptEnabled(false));
            int before = smsOutbox.latest(mobile(agent), 50).size();
            RecoveryCodePage code = RecoveryStartPage.open(page).helpMyself(agent.login()).choose("SMS").sendCode();
            assertThat(code.sentNotice()).isEqualTo(fr("recovery.code.sent.sms", agent.login(), 15));
            s.step(page, "code-sent");
            String text = sms(mobile(agent), before);
            assertThat(text).startsWith("Préau : votre code de récupération est ");
            String right = text.replaceAll("(?s)^\\D*(\\d{6}).*", "$1");

            RecoveryPasswordPage choose = code.prove(right);
            assertThat(choose.proven()).isEqualTo(fr("recovery.password.proven-by",
                    "+33 6 •• •• •• " + mobile(agent).substring(10)));
            s.step(page, "password-form");
            choose.password().type(CHOSEN).confirm(CHOSEN);
            assertThat(choose.save().notice()).isEqualTo(fr("recovery.login-notice"));
            assertThat(passwordWorks(agent, Agents.PASSWORD)).isFalse();
            assertThat(passwordWorks(agent, CHOSEN)).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(Viewport.class)
    void recoverWithTheEmailCodeAndTheSecurityQuestions(Viewport viewport) {
        Agent agent = agents.active();
        // questions first: their notice goes to the backup address only once it is verified
        assertThat(securityQuestions.set(agent.id(), List.of(
                new SecurityQuestions.Choice("first-school", "École Jules-Ferry"),
                new SecurityQuestions.Choice("first-pet", "Médor"),
                new SecurityQuestions.Choice("favourite-teacher", "Madame Rivière")), CLIENT)).isEmpty();
        verifiedBackup(agent);
        try (Scenario s = scenario("recovery-questions", viewport)) {
            Page page = s.newPage();
            int before = outsideMailTo(backup(agent)).size();
            RecoveryCodePage code = RecoveryStartPage.open(page).helpMyself(agent.login()).choose("QUESTIONS").sendCode();
            assertThat(code.sentNotice()).isEqualTo(fr("recovery.code.sent.questions", agent.login(), 15));
            String mail = outsideMail(backup(agent), before);
            assertThat(mail).doesNotContain("/recovery/link/");

            RecoveryQuestionsPage questions = code.proveThenQuestions(codeIn(mail));
            assertThat(questions.questions()).containsExactly(fr("security-question.first-school"),
                    fr("security-question.first-pet"), fr("security-question.favourite-teacher"));
            s.step(page, "questions");

            questions = questions.attempt(List.of("ecole jules ferry", "Rex", "madame riviere"));
            assertThat(questions.errorSummary()).contains(fr("recovery.error.answers-wrong", 2));
            assertThat(questions.answerValue(2)).isEqualTo("Rex");
            s.step(page, "answers-wrong");
            assertThat(passwordWorks(agent, Agents.PASSWORD)).isTrue();

            RecoveryPasswordPage choose = questions.answer(List.of("ECOLE JULES-FERRY", "médor", "Madame Riviere"));
            s.step(page, "password-form", false);
            choose.password().type(CHOSEN).confirm(CHOSEN);
            assertThat(choose.save().notice()).isEqualTo(fr("recovery.login-notice"));
            assertThat(passwordWorks(agent, CHOSEN)).isTrue();
            assertThat(awaitEvent(agent.id(), "PASSWORD_RESET")).isEqualTo("method=email-code-and-questions");
        }
    }

    @ParameterizedTest
    @EnumSource(Viewport.class)
    void findTheForgottenIdentifier(Viewport viewport) {
        String numen = newNumen();
        Agent agent = activeWithNumen(numen);
        verifiedBackup(agent);
        verifiedMobile(agent);
        try (Scenario s = scenario("recovery-identifier", viewport)) {
            Page page = s.newPage();
            ForgotIdentifierPage forgot = RecoveryStartPage.open(page).forgotIdentifier();
            assertThat(forgot.heading()).isEqualTo(fr("forgot-identifier.title"));
            s.step(page, "form");

            forgot = forgot.ask("07E12", "sophie@");
            assertThat(forgot.fieldError("numen")).isEqualTo(fr("forgot-identifier.error.numen-format"));
            assertThat(forgot.fieldError("contact")).isEqualTo(fr("forgot-identifier.error.contact-format"));
            assertThat(forgot.value("contact")).isEqualTo("sophie@");
            s.step(page, "bad-input");

            int mails = outsideMailTo(backup(agent)).size();
            forgot = forgot.ask(numen.toLowerCase().substring(0, 5) + " " + numen.substring(5), backup(agent));
            assertThat(forgot.done()).isEqualTo(fr("forgot-identifier.done"));
            s.step(page, "done");
            String mail = outsideMail(backup(agent), mails);
            assertThat(mail).contains(fr("forgot-identifier.mail.subject")).contains(agent.login()).doesNotContain(numen);

            int texts = smsOutbox.latest(mobile(agent), 50).size();
            assertThat(ForgotIdentifierPage.open(page).ask(numen, "06 1" + mobile(agent).substring(5)).done())
                    .isEqualTo(fr("forgot-identifier.done"));
            assertThat(sms(mobile(agent), texts)).contains(agent.login());

            // a NUMEN of nobody, a contact that is not the account's: the same answer, nothing sent
            assertThat(ForgotIdentifierPage.open(page).ask(newNumen(), backup(agent)).done())
                    .isEqualTo(fr("forgot-identifier.done"));
            assertThat(ForgotIdentifierPage.open(page).ask(numen, "someone.else@example.org").done())
                    .isEqualTo(fr("forgot-identifier.done"));
            assertThat(awaitEvent(agent.id(), "IDENTIFIER_REMINDER_NOT_SENT")).contains("reason=not-a-verified-contact");
            assertThat(outsideMailTo("someone.else@example.org")).isEmpty();
        }
    }

    // ---- bad input

    @Test
    void anExpiredCodeAnExpiredLinkAndACodeKilledByWrongTries() {
        Agent agent = agents.active();
        verifiedBackup(agent);
        try (Scenario s = scenario("recovery-expired", Viewport.DESKTOP)) {
            Page page = s.newPage();
            int before = outsideMailTo(backup(agent)).size();
            RecoveryCodePage code = RecoveryStartPage.open(page).helpMyself(agent.login()).choose("EMAIL").sendCode();
            String mail = outsideMail(backup(agent), before);
            // half an hour passes (the code's row, as the clock would leave it)
            jdbc.sql("update one_time_code set expires_at = ? where account_id = ?")
                    .params(OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1), agent.id()).update();
            code = code.attempt(codeIn(mail));
            assertThat(code.errorSummary()).contains(fr("recovery.error.code-expired"));
            assertThat(code.sentNotice()).as("no more \"we sent\" once it is over").isEmpty();
            s.step(page, "code-expired");

            RecoveryLinkPage link = RecoveryLinkPage.open(s.newPage(), linkIn(mail));
            assertThat(link.problem()).contains(fr("recovery.link.expired.title"));
            s.step(link.page(), "link-expired");
            link.askAgain().click();
            assertThat(new RecoveryStartPage(link.page()).heading()).isEqualTo(fr("recovery.start.title"));

            // a new code, then five wrong tries
            before = outsideMailTo(backup(agent)).size();
            code = code.resend();
            String right = codeIn(outsideMail(backup(agent), before));
            String wrong = right.equals("000000") ? "111111" : "000000";
            for (int left = 4; left >= 1; left--) {
                code = code.attempt(wrong);
                assertThat(code.fieldError()).isEqualTo(fr("recovery.error.code-wrong", left));
            }
            code = code.attempt(wrong);
            assertThat(code.errorSummary()).contains(fr("recovery.error.code-dead"));
            assertThat(page.locator("#code").count()).as("only a new code helps now").isZero();
            s.step(page, "code-dead");
            page.navigate("/recovery/code");
            assertThat(new RecoveryCodePage(page).errorSummary()).as("and stays so").contains(fr("recovery.error.code-dead"));
            assertThat(passwordWorks(agent, Agents.PASSWORD)).as("the account stays as it was").isTrue();

            // an unverified backup address: the same pages, nothing sent
            Agent unverified = agents.active();
            contacts.setBackupEmail(unverified.id(), backup(unverified));
            Page other = s.newPage();
            code = RecoveryStartPage.open(other).helpMyself(unverified.login()).choose("EMAIL").sendCode();
            assertThat(code.sentNotice()).isEqualTo(fr("recovery.code.sent.email", unverified.login(), 30));
            assertThat(awaitEvent(unverified.id(), "RECOVERY_CODE_NOT_SENT")).contains("reason=no-verified-backup-email");
            assertThat(outsideMailTo(backup(unverified))).isEmpty();
        }
    }

    // ---- what an outsider learns

    @Test
    void anUnknownIdentifierSeesTheSamePagesInTheSameTime() {
        Agent real = agents.active();
        verifiedBackup(real);
        Agent unverified = agents.active();
        String unknown = "zz" + real.login().substring(2);
        try (Scenario s = scenario("recovery-probe", Viewport.DESKTOP)) {
            Map<String, List<String>> seen = new java.util.LinkedHashMap<>();
            for (String identifier : List.of(real.login(), unverified.login(), unknown)) {
                Page page = s.newPage();
                List<String> texts = new ArrayList<>();
                RecoveryMethodPage method = RecoveryStartPage.open(page).helpMyself(identifier);
                texts.add(visible(page, identifier));
                RecoveryCodePage code = method.choose("EMAIL").sendCode();
                texts.add(visible(page, identifier));
                code.attempt("000000");
                texts.add(visible(page, identifier));
                texts.add(String.valueOf(page.evaluate("() => document.title")));
                page.navigate("/recovery/method");
                new RecoveryMethodPage(page).choose("SMS").haveCode().attempt("000001");
                texts.add(visible(page, identifier));
                seen.put(identifier, texts);
                if (identifier.equals(unknown)) {
                    s.step(page, "unknown");
                }
            }
            assertThat(seen.get(unknown)).isEqualTo(seen.get(real.login())).isEqualTo(seen.get(unverified.login()));

            // timing: the look-up, the request for a code, a wrong code; each step measured alone,
            // alternately for the account and for nobody, each time in a new session
            String address = agentAddress(real);
            Map<String, List<Long>> known = new java.util.HashMap<>();
            Map<String, List<Long>> nobody = new java.util.HashMap<>();
            for (int i = 0; i < 9; i++) {
                String someone = real.login();
                String none = "nobody" + i + real.login();
                sample(known, "identifier", someone, 0);
                sample(nobody, "identifier", none, 0);
                if (i < 8) {
                    sample(known, "request", i % 2 == 0 ? someone : address, 1);
                    sample(nobody, "request", none, 1);
                }
                sample(known, "code", someone, 2);
                sample(nobody, "code", none, 2);
            }
            for (String step : List.of("identifier", "request", "code")) {
                long[] a = stats(known.get(step));
                long[] b = stats(nobody.get(step));
                String what = String.format("%s: min/median %d/%d ms for an account, %d/%d ms for nobody", step,
                        a[0] / 1_000_000, a[1] / 1_000_000, b[0] / 1_000_000, b[1] / 1_000_000);
                // the machine is shared: the minimum shows the cost, the median what the noise leaves of it
                assertThat(similar(a[0], b[0], 20)).as(what).isTrue();
                assertThat(similar(a[1], b[1], 100)).as(what).isTrue();
            }
        }
    }

    @Test
    void theForgottenIdentifierAnswersAlikeInTheSameTime() {
        String numen = newNumen();
        Agent agent = activeWithNumen(numen);
        verifiedBackup(agent);
        List<Long> sent = new ArrayList<>();
        List<Long> nobody = new ArrayList<>();
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            sent.add(remindTimed(numen, backup(agent), answers));
            nobody.add(remindTimed(newNumen(), backup(agent), answers));
        }
        assertThat(answers).as("the page answers the same for a NUMEN of nobody").containsOnly(answers.getFirst());
        long[] a = stats(sent);
        long[] b = stats(nobody);
        String what = String.format("forgotten identifiant: min/median %d/%d ms for an account, %d/%d ms for nobody",
                a[0] / 1_000_000, a[1] / 1_000_000, b[0] / 1_000_000, b[1] / 1_000_000);
        assertThat(similar(a[0], b[0], 20)).as(what).isTrue();
        assertThat(similar(a[1], b[1], 100)).as(what).isTrue();
    }

    /** Posts the forgotten-identifiant form in a new session; returns the time, keeps the page's main text. */
    private long remindTimed(String numen, String contact, List<String> answers) {
        try (var context = browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setBaseURL("http://localhost:" + port))) {
            APIRequestContext http = context.request();
            Matcher m = CSRF.matcher(http.get("/forgot-identifier").text());
            assertThat(m.find()).isTrue();
            long start = System.nanoTime();
            APIResponse response = http.post("/forgot-identifier", form(m.group(1), "numen", numen, "contact", contact));
            long elapsed = System.nanoTime() - start;
            assertThat(response.status()).isEqualTo(200);
            String body = response.text();
            answers.add(body.substring(body.indexOf("<main"), body.indexOf("</main>"))
                    .replaceAll("value=\"[^\"]*\"", ""));
            return elapsed;
        }
    }

    /** Within a factor of three, or within {@code slackMillis}. */
    private static boolean similar(long a, long b, long slackMillis) {
        return Math.abs(a - b) <= Math.max(slackMillis * 1_000_000, 2 * Math.min(a, b));
    }

    private static long[] stats(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return new long[] {sorted.getFirst(), (sorted.get((sorted.size() - 1) / 2) + sorted.get(sorted.size() / 2)) / 2};
    }

    /**
     * Times one step of a recovery through HTTP in a new session, the steps before it done untimed:
     * 0 the identifiant, 1 the request for a code, 2 a wrong code (after "I already have a code").
     */
    private void sample(Map<String, List<Long>> times, String name, String identifier, int step) {
        try (var context = browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setBaseURL("http://localhost:" + port))) {
            APIRequestContext http = context.request();
            Matcher m = CSRF.matcher(http.get("/recovery").text());
            assertThat(m.find()).isTrue();
            String csrf = m.group(1);
            List<Supplier<APIResponse>> calls = List.of(
                    () -> http.post("/recovery", form(csrf, "identifier", identifier)),
                    () -> http.post("/recovery/method", form(csrf, "method", "EMAIL", "action", step == 1 ? "send" : "have-code")),
                    () -> http.post("/recovery/code", form(csrf, "code", "000000")));
            int[] statuses = {302, 302, 400};
            for (int i = 0; i <= step; i++) {
                long start = System.nanoTime();
                APIResponse response = calls.get(i).get();
                long elapsed = System.nanoTime() - start;
                assertThat(response.status()).as(name).isEqualTo(statuses[i]);
                if (i == step) {
                    times.computeIfAbsent(name, k -> new ArrayList<>()).add(elapsed);
                }
            }
        }
    }

    private static RequestOptions form(String csrf, String... fields) {
        FormData form = FormData.create().set("_csrf", csrf);
        for (int i = 0; i < fields.length; i += 2) {
            form.set(fields[i], fields[i + 1]);
        }
        return RequestOptions.create().setMaxRedirects(0).setForm(form);
    }

    /** The visible text of the page, the identifiant typed replaced (it is echoed, and differs). */
    private static String visible(Page page, String identifier) {
        return page.locator("main").innerText().replace(identifier, "«identifiant»");
    }
}
