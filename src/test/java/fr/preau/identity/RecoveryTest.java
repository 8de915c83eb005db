package fr.preau.identity;

import static fr.preau.identity.IdentityServices.CLIENT;
import static fr.preau.identity.IdentityServices.numen;
import static org.assertj.core.api.Assertions.assertThat;

import fr.preau.identity.internal.RecoveryBackground;
import fr.preau.identity.internal.RecoveryMessages;
import fr.preau.identity.internal.RecoverySender;
import fr.preau.platform.Durability;
import fr.preau.platform.RateLimits;
import fr.preau.platform.web.ClientInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * Self-service recovery on the real services: codes go only to verified contacts, work once,
 * expire, die after a few wrong tries, are limited per account and per address; an unknown
 * identifiant gets the same answers as a real one; nothing changes on the account until the new
 * password is saved.
 */
class RecoveryTest extends IdentityServiceTest {

    static final String OLD = FirstConnectionTest.STRONG;
    static final String NEW = "Wz8$Np3#hTc6%Qy1";
    private static final Pattern CODE = Pattern.compile("(?m)^[^\\n]*: (\\d{6})$");
    private static final Pattern LINK = Pattern.compile("http://localhost:8080/recovery/link/([A-Za-z0-9_-]+)");

    /** Text messages the gateway accepted. */
    record Sms(Long accountId, String mobile, String text) {}

    private final List<Sms> sms = new CopyOnWriteArrayList<>();
    /** Background work held back by the test (null: it runs at once). */
    private List<Runnable> held;
    private Recovery recovery;
    private SecurityQuestions questions;
    private ForgottenIdentifier forgotten;
    private RateLimits rateLimits;
    private Account jean;

    @BeforeEach
    void wire() {
        ResourceBundleMessageSource bundles = new ResourceBundleMessageSource();
        bundles.setBasenames("i18n/recovery");
        bundles.setDefaultEncoding("UTF-8");
        bundles.setFallbackToSystemLocale(false);
        ResourceBundleMessageSource security = new ResourceBundleMessageSource();
        security.setBasenames("i18n/security");
        security.setDefaultEncoding("UTF-8");
        questions = new SecurityQuestions(db.jdbc(), s.repository(), s.hasher(),
                new SecurityNotices(s.repository(), s.contacts(), s.mail(), security, s.clock()), s.audit(), s.clock());
        SmsGateway gateway = (accountId, mobile, text) -> sms.add(new Sms(accountId, mobile, text));
        RecoverySender sender = new RecoverySender(s.repository(), s.contacts(), s.oneTimeCodes(), IdentityServices.RECOVERY,
                new RecoveryMessages(bundles), s.mail(), gateway, s.audit(), s.clock(), "http://localhost:8080/", id -> !questions.questionKeys(id).isEmpty());
        // the background work runs when the test says so (at once, unless it holds it back)
        RecoveryBackground background = new RecoveryBackground(work -> {
            if (held == null) {
                work.run();
            } else {
                held.add(work);
            }
        });
        rateLimits = new RateLimits();
        Durability durability = Durability.of(db.dataSource());
        recovery = new Recovery(s.repository(), s.oneTimeCodes(), IdentityServices.RECOVERY, sender, background,
                s.passwordChanges(), questions, rateLimits, s.keys(), s.audit(), durability);
        forgotten = new ForgottenIdentifier(s.checks(), sender, background, rateLimits, IdentityServices.RECOVERY,
                durability);
        jean = s.createActive("Jean", "Dupont", numen(1), OLD);
    }

    private void verifiedBackup(String address) {
        s.contacts().setBackupEmail(jean.id(), address);
        s.contacts().verifyBackupEmail(jean.id(), address, s.clock().instant());
    }

    private void verifiedMobile(String mobile) {
        s.contacts().setMobile(jean.id(), mobile);
        s.contacts().verifyMobile(jean.id(), mobile, s.clock().instant());
    }

    private List<IdentityServices.SentMail.Message> mailTo(String address) {
        return s.mail().messages().stream().filter(m -> m.recipient().equals(address)).toList();
    }

    private static String codeIn(String text) {
        Matcher m = CODE.matcher(text);
        assertThat(m.find()).as("a code in %s", text).isTrue();
        return m.group(1);
    }

    private static String linkIn(String text) {
        Matcher m = LINK.matcher(text);
        assertThat(m.find()).as("a link in %s", text).isTrue();
        return m.group(1);
    }

    private boolean oldPasswordWorks() {
        return s.authentication().authenticate("jdupont", OLD, InterfaceChoice.FULL, CLIENT) instanceof LoginResult.Success;
    }

    @Test
    void theEmailCodeGoesOnlyToAVerifiedBackupAddress() {
        s.contacts().setBackupEmail(jean.id(), "jean.perso@example.org");
        Recovery.Claim claim = recovery.claim(" JDupont ");
        assertThat(claim.accountId()).isEqualTo(jean.id());
        assertThat(claim.identifier()).isEqualTo("JDupont");

        assertThat(recovery.requestCode(claim, Recovery.Method.EMAIL, CLIENT)).isEqualTo(new Recovery.Request.Accepted());
        assertThat(s.mail().messages()).isEmpty();
        assertThat(audit().getLast().type()).isEqualTo("RECOVERY_CODE_NOT_SENT");
        assertThat(audit().getLast().details()).contains("reason=no-verified-backup-email");

        verifiedBackup("jean.perso@example.org");
        recovery.requestCode(recovery.claim("jean.dupont@ac-dijon.fr"), Recovery.Method.EMAIL, CLIENT);
        IdentityServices.SentMail.Message mail = mailTo("jean.perso@example.org").getFirst();
        assertThat(mail.subject()).contains("votre code").contains("your code");
        assertThat(mail.text()).contains("Bonjour Jean").contains("jdupont").contains("Hello Jean");
        assertThat(codeIn(mail.text())).hasSize(6);
        assertThat(linkIn(mail.text())).hasSizeGreaterThan(30);
        assertThat(audit().getLast().type()).isEqualTo("RECOVERY_CODE_SENT");
        assertThat(audit().getLast().details()).isEqualTo("method=email-code to=j•••@example.org")
                .doesNotContain(codeIn(mail.text()));
        assertThat(oldPasswordWorks()).isTrue();
    }

    @Test
    void theRightCodeWorksOnceAndLeadsToTheReset() {
        verifiedBackup("jean.perso@example.org");
        s.sessions().endAll("jdupont");
        Recovery.Claim claim = recovery.claim("jdupont");
        recovery.requestCode(claim, Recovery.Method.EMAIL, CLIENT);
        String code = codeIn(mailTo("jean.perso@example.org").getFirst().text());

        assertThat(recovery.checkCode(claim, Recovery.Method.EMAIL, code, 0, CLIENT))
                .isEqualTo(new Recovery.CodeCheck.Accepted(jean.id(), "j•••@example.org"));
        assertThat(oldPasswordWorks()).as("nothing changes before the new password is saved").isTrue();
        assertThat(recovery.checkCode(claim, Recovery.Method.EMAIL, code, 0, CLIENT)).isEqualTo(new Recovery.CodeCheck.Used());
        assertThat(recovery.checkCode(claim, Recovery.Method.SMS, code, 0, CLIENT))
                .as("a code of one method is worth nothing for another").isInstanceOf(Recovery.CodeCheck.Wrong.class);

        assertThat(recovery.reset(jean.id(), NEW, NEW, "email-code", CLIENT)).isEmpty();
        assertThat(oldPasswordWorks()).isFalse();
        assertThat(s.authentication().authenticate("jdupont", NEW, InterfaceChoice.FULL, CLIENT))
                .isInstanceOf(LoginResult.Success.class);
        assertThat(s.events()).contains(new CredentialsReset(jean.id()));
        assertThat(auditTypes()).containsSubsequence("RECOVERY_CODE_SENT", "RECOVERY_CODE_ACCEPTED",
                "RECOVERY_CODE_REFUSED", "PASSWORD_RESET");
    }

    @Test
    void aWrongCodeSaysHowManyTriesAreLeftThenTheCodeDies() {
        verifiedBackup("jean.perso@example.org");
        Recovery.Claim claim = recovery.claim("jdupont");
        recovery.requestCode(claim, Recovery.Method.EMAIL, CLIENT);
        String code = codeIn(mailTo("jean.perso@example.org").getFirst().text());
        String wrong = code.equals("000000") ? "111111" : "000000";

        List<Recovery.CodeCheck> answers = new ArrayList<>();
        for (int tried = 0; tried < 5; tried++) {
            answers.add(recovery.checkCode(claim, Recovery.Method.EMAIL, wrong, tried, CLIENT));
        }
        assertThat(answers).containsExactly(new Recovery.CodeCheck.Wrong(4), new Recovery.CodeCheck.Wrong(3),
                new Recovery.CodeCheck.Wrong(2), new Recovery.CodeCheck.Wrong(1), new Recovery.CodeCheck.Dead());
        assertThat(recovery.checkCode(claim, Recovery.Method.EMAIL, code, 5, CLIENT))
                .as("even the right code, once dead").isEqualTo(new Recovery.CodeCheck.Dead());
        assertThat(audit().getLast().details()).contains("attempts-left=0");
        assertThat(oldPasswordWorks()).isTrue();

        // a new code works again
        recovery.requestCode(claim, Recovery.Method.EMAIL, CLIENT);
        String fresh = codeIn(mailTo("jean.perso@example.org").getLast().text());
        assertThat(recovery.checkCode(claim, Recovery.Method.EMAIL, fresh, 0, CLIENT))
                .isInstanceOf(Recovery.CodeCheck.Accepted.class);
    }

    @Test
    void codesExpire() {
        verifiedMobile("+33612345678");
        Recovery.Claim claim = recovery.claim("jdupont");
        recovery.requestCode(claim, Recovery.Method.SMS, CLIENT);
        assertThat(sms).hasSize(1);
        assertThat(sms.getFirst().mobile()).isEqualTo("+33612345678");
        String code = sms.getFirst().text().replaceAll("(?s).*?(\\d{6}).*", "$1");
        assertThat(sms.getFirst().text()).contains("valable 15 min").contains("valid 15 min");

        s.clock().advance(Duration.ofMinutes(16));
        assertThat(recovery.checkCode(claim, Recovery.Method.SMS, code, 0, CLIENT)).isEqualTo(new Recovery.CodeCheck.Expired());
        assertThat(audit().getLast().details()).isEqualTo("method=sms-code reason=expired");
        assertThat(oldPasswordWorks()).isTrue();
    }

    @Test
    void theEmailLinkIsShownWithoutBeingUsedThenWorksOnce() {
        verifiedBackup("jean.perso@example.org");
        recovery.requestCode(recovery.claim("jdupont"), Recovery.Method.EMAIL, CLIENT);
        String token = linkIn(mailTo("jean.perso@example.org").getFirst().text());

        assertThat(recovery.checkLink(token)).isEqualTo(new Recovery.LinkCheck.Valid(jean.id(), "email-link"));
        assertThat(recovery.checkLink(token)).as("showing it twice does not use it").isInstanceOf(Recovery.LinkCheck.Valid.class);
        assertThat(recovery.useLink(token, CLIENT)).isEqualTo(new Recovery.LinkCheck.Valid(jean.id(), "email-link"));
        assertThat(recovery.useLink(token, CLIENT)).isEqualTo(new Recovery.LinkCheck.Used());
        assertThat(recovery.checkLink(token)).isEqualTo(new Recovery.LinkCheck.Used());
        assertThat(recovery.checkLink(token + "x")).isEqualTo(new Recovery.LinkCheck.Unknown());
        assertThat(recovery.checkLink("short")).isEqualTo(new Recovery.LinkCheck.Unknown());
        assertThat(oldPasswordWorks()).isTrue();
    }

    @Test
    void linksExpireAndANewerOneReplacesTheOlder() {
        verifiedBackup("jean.perso@example.org");
        Recovery.Claim claim = recovery.claim("jdupont");
        recovery.requestCode(claim, Recovery.Method.EMAIL, CLIENT);
        String first = linkIn(mailTo("jean.perso@example.org").getLast().text());
        recovery.requestCode(claim, Recovery.Method.EMAIL, CLIENT);
        String second = linkIn(mailTo("jean.perso@example.org").getLast().text());
        assertThat(recovery.checkLink(first)).isEqualTo(new Recovery.LinkCheck.Used());
        s.clock().advance(Duration.ofMinutes(31));
        assertThat(recovery.checkLink(second)).isEqualTo(new Recovery.LinkCheck.Expired());
        assertThat(recovery.useLink(second, CLIENT)).isEqualTo(new Recovery.LinkCheck.Expired());
    }

    @Test
    void anUnknownIdentifierGetsTheSameAnswersAsAnAccountWithoutTheMethod() {
        Recovery.Claim nobody = recovery.claim("nobody");
        Recovery.Claim real = recovery.claim("jdupont");
        assertThat(nobody.accountId()).isNull();
        assertThat(recovery.requestCode(nobody, Recovery.Method.EMAIL, CLIENT)).isEqualTo(new Recovery.Request.Accepted());
        assertThat(recovery.requestCode(real, Recovery.Method.EMAIL, CLIENT)).isEqualTo(new Recovery.Request.Accepted());
        List<Recovery.CodeCheck> unknown = new ArrayList<>();
        List<Recovery.CodeCheck> known = new ArrayList<>();
        for (int tried = 0; tried < 5; tried++) {
            unknown.add(recovery.checkCode(nobody, Recovery.Method.EMAIL, "123456", tried, CLIENT));
            known.add(recovery.checkCode(real, Recovery.Method.EMAIL, "123456", tried, CLIENT));
        }
        assertThat(unknown).isEqualTo(known).endsWith(new Recovery.CodeCheck.Dead());
        assertThat(s.mail().messages()).isEmpty();
    }

    @Test
    void theRequestDoesTheSameWorkForEveryIdentifierAndSendsAfterwards() {
        verifiedBackup("jean.perso@example.org");
        verifiedMobile("+33612345678");
        held = new ArrayList<>();
        int events = audit().size();
        for (String identifier : List.of("jdupont", "nobody")) {
            for (Recovery.Method method : Recovery.Method.values()) {
                assertThat(recovery.requestCode(recovery.claim(identifier), method, CLIENT))
                        .isEqualTo(new Recovery.Request.Accepted());
            }
        }
        assertThat(forgotten.remind(numen(1), "jean.perso@example.org", CLIENT)).isEqualTo(new Recovery.Request.Accepted());
        assertThat(forgotten.remind(numen(2), "jean.perso@example.org", CLIENT)).isEqualTo(new Recovery.Request.Accepted());
        // on the request's thread: nothing sent, nothing written, one piece of background work each
        assertThat(held).hasSize(8);
        assertThat(s.mail().messages()).isEmpty();
        assertThat(sms).isEmpty();
        assertThat(audit()).hasSize(events);
        held.forEach(Runnable::run);
        assertThat(mailTo("jean.perso@example.org")).hasSize(2);
        assertThat(sms).hasSize(1);
    }

    @Test
    void suspendedAndPendingAccountsAreRecoveredByNobody() {
        verifiedBackup("jean.perso@example.org");
        s.accounts().suspend(IdentityServices.ADMIN, "jdupont", "test");
        assertThat(recovery.claim("jdupont").accountId()).isNull();
        s.create("Marie", "Curie", numen(2));
        assertThat(recovery.claim("mcurie").accountId()).isNull();
        assertThat(recovery.claim("").accountId()).isNull();
    }

    @Test
    void codesAreLimitedPerAccountWhateverTheIdentifierTyped() {
        verifiedBackup("jean.perso@example.org");
        for (int i = 0; i < 5; i++) {
            assertThat(recovery.requestCode(recovery.claim("jdupont"), Recovery.Method.EMAIL, CLIENT))
                    .isEqualTo(new Recovery.Request.Accepted());
        }
        assertThat(recovery.requestCode(recovery.claim("jdupont"), Recovery.Method.EMAIL, CLIENT))
                .as("per identifiant typed, the same for every identifiant").isInstanceOf(Recovery.Request.Limited.class);
        assertThat(recovery.requestCode(recovery.claim("nobody"), Recovery.Method.EMAIL, CLIENT))
                .isEqualTo(new Recovery.Request.Accepted());
        // the address names the same account: accepted, but the account has had its five codes this hour
        assertThat(recovery.requestCode(recovery.claim("jean.dupont@ac-dijon.fr"), Recovery.Method.EMAIL, CLIENT))
                .isEqualTo(new Recovery.Request.Accepted());
        assertThat(mailTo("jean.perso@example.org")).hasSize(5);
        assertThat(audit().getLast().details()).contains("reason=account-limit");

        s.clock().advance(Duration.ofMinutes(61));
        rateLimits.reset();
        recovery.requestCode(recovery.claim("jdupont"), Recovery.Method.EMAIL, CLIENT);
        assertThat(mailTo("jean.perso@example.org")).hasSize(6);
    }

    @Test
    void requestsAreLimitedPerAddress() {
        ClientInfo client = new ClientInfo("198.51.100.7", "JUnit");
        for (int i = 0; i < IdentityServices.RECOVERY.perIpPerHour(); i++) {
            assertThat(recovery.requestCode(recovery.claim("someone" + i), Recovery.Method.SMS, client))
                    .isEqualTo(new Recovery.Request.Accepted());
        }
        assertThat(recovery.requestCode(recovery.claim("jdupont"), Recovery.Method.SMS, client))
                .isInstanceOf(Recovery.Request.Limited.class);
        assertThat(forgotten.remind(numen(1), "jean.perso@example.org", client)).isInstanceOf(Recovery.Request.Limited.class);
        assertThat(recovery.requestCode(recovery.claim("jdupont"), Recovery.Method.SMS, CLIENT))
                .as("another address").isEqualTo(new Recovery.Request.Accepted());
    }

    @Test
    void theForgottenIdentifierGoesOnlyToAVerifiedContactOfTheAccount() {
        s.contacts().setBackupEmail(jean.id(), "jean.perso@example.org");
        forgotten.remind(numen(1), "jean.perso@example.org", CLIENT);
        assertThat(s.mail().messages()).as("not verified").isEmpty();
        assertThat(audit().getLast().type()).isEqualTo("IDENTIFIER_REMINDER_NOT_SENT");

        verifiedBackup("jean.perso@example.org");
        forgotten.remind(numen(1), "someone.else@example.org", CLIENT);
        forgotten.remind(numen(99), "jean.perso@example.org", CLIENT);
        assertThat(s.mail().messages()).as("another address, another NUMEN").isEmpty();

        forgotten.remind(numen(1).toLowerCase(), " Jean.Perso@example.org ", CLIENT);
        IdentityServices.SentMail.Message mail = mailTo("jean.perso@example.org").getFirst();
        assertThat(mail.subject()).contains("votre identifiant");
        assertThat(mail.text()).contains("jdupont").contains("jean.dupont@ac-dijon.fr").contains("http://localhost:8080/login")
                .doesNotContain(numen(1));
        assertThat(audit().getLast().type()).isEqualTo("IDENTIFIER_REMINDER_SENT");

        verifiedMobile("+33612345678");
        forgotten.remind(numen(1), "06 12 34 56 78", CLIENT);
        assertThat(sms).singleElement().satisfies(m -> assertThat(m.text()).contains("jdupont"));
        assertThat(oldPasswordWorks()).isTrue();
    }

    @Test
    void theQuestionsMethodNeedsTheEmailCodeAndTheAnswers() {
        verifiedBackup("jean.perso@example.org");
        Recovery.Claim claim = recovery.claim("jdupont");
        recovery.requestCode(claim, Recovery.Method.QUESTIONS, CLIENT);
        assertThat(s.mail().messages()).as("no questions set: nothing sent").isEmpty();
        assertThat(audit().getLast().details()).contains("reason=no-security-questions");

        assertThat(questions.set(jean.id(), List.of(new SecurityQuestions.Choice("first-school", "École Jules-Ferry"),
                new SecurityQuestions.Choice("first-pet", "Médor"), new SecurityQuestions.Choice("first-car", "Renault 5")),
                CLIENT)).isEmpty();
        s.mail().messages().clear();
        recovery.requestCode(claim, Recovery.Method.QUESTIONS, CLIENT);
        String text = mailTo("jean.perso@example.org").getFirst().text();
        assertThat(text).contains("questions de sécurité").doesNotContain("/recovery/link/");
        String code = codeIn(text);
        assertThat(recovery.checkCode(claim, Recovery.Method.EMAIL, code, 0, CLIENT))
                .as("the questions' code is not an e-mail method code").isInstanceOf(Recovery.CodeCheck.Wrong.class);
        assertThat(recovery.checkCode(claim, Recovery.Method.QUESTIONS, code, 1, CLIENT))
                .isInstanceOf(Recovery.CodeCheck.Accepted.class);
        assertThat(recovery.questionKeys(jean.id())).containsExactly("first-school", "first-pet", "first-car");
        assertThat(recovery.checkAnswers(jean.id(), List.of("ecole jules ferry", "rex", "renault 5"), CLIENT))
                .isEqualTo(new Recovery.AnswersCheck.Wrong());
        assertThat(recovery.checkAnswers(jean.id(), List.of("ECOLE JULES FERRY", "medor", " renault-5 "), CLIENT))
                .isEqualTo(new Recovery.AnswersCheck.Right());
        assertThat(auditTypes()).containsSubsequence("RECOVERY_CODE_SENT", "RECOVERY_CODE_ACCEPTED",
                "RECOVERY_QUESTIONS_FAILED", "RECOVERY_QUESTIONS_PASSED");
        assertThat(oldPasswordWorks()).isTrue();
    }

    @Test
    void theHelpDeskLinkOpensTheSameReset() {
        verifiedBackup("jean.perso@example.org");
        ResourceBundleMessageSource bundles = new ResourceBundleMessageSource();
        bundles.setBasenames("i18n/security");
        bundles.setDefaultEncoding("UTF-8");
        PasswordResetLinks links = new PasswordResetLinks(s.repository(), s.contacts(), s.oneTimeCodes(),
                IdentityServices.RECOVERY, s.mail(), bundles, s.audit(), s.properties());
        assertThat(links.send(jean.id(), "support:test", CLIENT)).isEqualTo(PasswordResetLinks.Outcome.SENT);
        String token = linkIn(mailTo("jean.perso@example.org").getLast().text());
        assertThat(recovery.useLink(token, CLIENT)).isEqualTo(new Recovery.LinkCheck.Valid(jean.id(), "help-desk-link"));
        assertThat(recovery.reset(jean.id(), NEW, NEW, "help-desk-link", CLIENT)).isEmpty();
        assertThat(recovery.useLink(token, CLIENT)).isEqualTo(new Recovery.LinkCheck.Used());
    }
}
