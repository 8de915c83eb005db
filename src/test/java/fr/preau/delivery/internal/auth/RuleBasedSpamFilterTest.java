package fr.preau.delivery.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;

import fr.preau.delivery.internal.dns.Dns;
import fr.preau.delivery.internal.dns.StaticDns;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each rule on a clean message changed in one way; combinations; and clean mail stays clean. */
class RuleBasedSpamFilterTest {

    static final HostedDomains HOSTED = () -> Set.of("ac-dijon.fr", "ac-lyon.fr");
    static final Dns DNS = StaticDns.parse("""
            example.org.        MX 10 mx.example.org.
            ac-dijon.fr.        MX 10 mx.ac-dijon.fr.
            ac-lyon.fr.         MX 10 mx.ac-lyon.fr.
            partner.example.    A  192.0.2.80
            gmail.example.      MX 5 mx.gmail.example.
            evil.example.       A  203.0.113.66
            ac-dijon-fr.example. A 203.0.113.67
            mail-secure.example. A 203.0.113.68
            dnsdown.example.    SERVFAIL
            """);

    private final RuleBasedSpamFilter filter = new RuleBasedSpamFilter(SpamProperties.defaults(), HOSTED, DNS);

    private static Arguments rule(String rule, boolean spamAlone, UnaryOperator<TestMessage> change) {
        return Arguments.of(rule, spamAlone, change);
    }

    static Stream<Arguments> rules() {
        return Stream.of(
                rule("GTUBE", true, m -> m.text("test " + RuleBasedSpamFilter.GTUBE)),
                rule("SPF_FAIL", false, m -> {
                    m.spf = new SpfResult(SpfResult.Result.FAIL, SpfResult.Identity.MAILFROM, "example.org", "");
                    return m;
                }),
                rule("SPF_SOFTFAIL", false, m -> {
                    m.spf = new SpfResult(SpfResult.Result.SOFTFAIL, SpfResult.Identity.MAILFROM, "example.org", "");
                    return m;
                }),
                rule("DKIM_FAIL", false, m -> {
                    m.dkim = List.of(new DkimResult(DkimResult.Result.FAIL, "example.org", "s1", "body hash"));
                    return m;
                }),
                rule("DMARC_FAIL_REJECT", true, m -> m.dmarcFail(DmarcResult.Policy.REJECT)),
                rule("DMARC_FAIL_QUARANTINE", false, m -> m.dmarcFail(DmarcResult.Policy.QUARANTINE)),
                rule("DMARC_FAIL_NONE", false, m -> m.dmarcFail(DmarcResult.Policy.NONE)),
                rule("FROM_HOSTED_UNAUTHENTICATED", true, m -> m.unauthenticated().from("Rectorat", "rectorat@ac-dijon.fr")),
                rule("FROM_NAME_HOSTED_DOMAIN", true, m -> m.from("Messagerie ac-dijon.fr", "helpdesk@gmail.example")),
                rule("FROM_NAME_ACADEMIC", true, m -> m.from("Rectorat", "x@gmail.example")),
                rule("FROM_NAME_OTHER_ADDRESS", false, m -> m.from("paul@partner.example", "x@evil.example")),
                rule("FROM_DOMAIN_LOOKALIKE", false, m -> m.from("Jean", "jean@ac-dijon-fr.example")),
                rule("LINK_TEXT_MISMATCH", false, m -> m.html(
                        "<p>Connectez-vous : <a href=\"http://evil.example/login\">https://webmail.ac-dijon.fr</a></p>")),
                rule("LINK_TO_IP", false, m -> m.html("<a href=\"http://192.0.2.7/owa/\">Outlook Web</a>")),
                rule("ATTACH_EXECUTABLE", true, m -> {
                    m.attachments.add("Facture.EXE");
                    return m;
                }),
                rule("ATTACH_MACRO_OFFICE", false, m -> {
                    m.attachments.add("releve-notes.xlsm");
                    return m;
                }),
                rule("PHISHING_WORDS_WITH_LINK", false, m -> m.text(
                        "Votre boîte aux  lettres est pleine.\nCliquez sur https://partner.example/quota")),
                rule("SUBJECT_ALL_CAPS", false, m -> {
                    m.subject = "URGENT : FACTURE IMPAYÉE";
                    return m;
                }),
                rule("MISSING_DATE", false, m -> m.without("Date")),
                rule("MISSING_MESSAGE_ID", false, m -> m.without("message-id")),
                rule("FROM_DOMAIN_NOT_FOUND", false, m -> m.from("Paul", "paul@nowhere-at-all.example")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void eachRuleFiresOnItsSign(String rule, boolean spamAlone, UnaryOperator<TestMessage> change) {
        SpamVerdict verdict = filter.check(change.apply(new TestMessage()).build());
        assertThat(verdict.rules()).contains(rule);
        assertThat(verdict.spam()).as("spam with this sign alone").isEqualTo(spamAlone);
        assertThat(verdict.headerValue()).startsWith(spamAlone ? "Yes, score=" : "No, score=").contains(rule);
    }

    @Test
    void everyRuleIsTested() {
        List<String> tested = rules().map(a -> (String) a.get()[0]).toList();
        assertThat(filter.rules()).extracting(RuleBasedSpamFilter.Rule::name)
                .containsExactlyInAnyOrderElementsOf(Stream.concat(tested.stream(), Stream.of("ATTACH_DOUBLE_EXTENSION")).toList());
    }

    @Test
    void aCleanMessageIsNotSpam() {
        SpamVerdict verdict = filter.check(new TestMessage().build());
        assertThat(verdict.rules()).isEmpty();
        assertThat(verdict.spam()).isFalse();
        assertThat(verdict.reject()).isFalse();
        assertThat(verdict.headerValue()).isEqualTo("No, score=0.0 required=5.0 tests=none");
        assertThat(verdict.headerFields()).isEqualTo("X-Spam-Status: No, score=0.0 required=5.0 tests=none\r\nX-Spam-Score: 0.0\r\n");
    }

    @Test
    void legitimateLookalikesAreLeftAlone() {
        assertThat(filter.check(new TestMessage().from("Rectorat de Lyon", "communication@ac-lyon.fr").build()).rules()).isEmpty();
        assertThat(filter.check(new TestMessage().from("Ministère de l'Éducation nationale", "info@education.gouv.fr").build())
                .rules()).doesNotContain("FROM_NAME_ACADEMIC");
        assertThat(filter.check(new TestMessage().from("Académie de Dijon", "dane@ac-dijon.fr").build()).rules()).isEmpty();
        assertThat(filter.check(new TestMessage().from("Académie française", "contact@academie-francaise.example").build())
                .rules()).doesNotContain("FROM_NAME_ACADEMIC");
        assertThat(filter.check(new TestMessage().from("paul.martin@example.org", "paul.martin@example.org").build()).rules())
                .as("an address as its own name").isEmpty();
        assertThat(filter.check(new TestMessage().html("<a href=\"https://www.example.org/a\">example.org/a</a>").build()).rules())
                .as("same organisation").isEmpty();
        assertThat(filter.check(new TestMessage().text("Votre boîte aux lettres est pleine, videz la corbeille.").build()).rules())
                .as("phishing words without a link").isEmpty();
        assertThat(filter.check(new TestMessage().from("Paul", "paul@dnsdown.example").build()).rules())
                .as("DNS down scores nothing").isEmpty();
        TestMessage submitted = new TestMessage().unauthenticated().from("Jeanne", "jeanne@ac-dijon.fr");
        submitted.user = "jeanne.dupont";
        assertThat(filter.check(submitted.build()).rules()).as("authenticated submission").isEmpty();
        TestMessage signed = new TestMessage().unauthenticated().from("Jeanne", "jeanne@ac-dijon.fr");
        signed.dkim = List.of(new DkimResult(DkimResult.Result.PASS, "ac-dijon.fr", "preau202612", ""));
        assertThat(filter.check(signed.build()).rules()).as("our own domain, DKIM-signed").isEmpty();
    }

    @Test
    void attachmentTricks() {
        for (String name : List.of("facture.pdf.exe", "Facture.PDF .scr", "scan.jpg.js", "photo\u202egpj.exe")) {
            TestMessage m = new TestMessage();
            m.attachments.add(name);
            SpamVerdict verdict = filter.check(m.build());
            assertThat(verdict.rules()).as(name).contains("ATTACH_DOUBLE_EXTENSION");
            assertThat(verdict.spam()).as(name).isTrue();
        }
        for (String name : List.of("compte-rendu.pdf", "notes.v2.xlsx", "setup.exe.pdf", "archive.tar.gz", "docs.com.pdf")) {
            TestMessage m = new TestMessage();
            m.attachments.add(name);
            assertThat(filter.check(m.build()).rules()).as(name).isEmpty();
        }
    }

    @Test
    void typicalPhishingAddsUp() {
        TestMessage phish = new TestMessage().from("Service informatique", "helpdesk@mail-secure.example")
                .html("<p>Votre mot de passe expire aujourd'hui.</p><a href=\"http://203.0.113.9/webmail\">"
                        + "https://webmail.ac-dijon.fr</a>")
                .without("Message-ID");
        phish.spf = new SpfResult(SpfResult.Result.SOFTFAIL, SpfResult.Identity.MAILFROM, "mail-secure.example", "");
        SpamVerdict verdict = filter.check(phish.build());
        assertThat(verdict.rules()).contains("PHISHING_WORDS_WITH_LINK", "LINK_TEXT_MISMATCH", "LINK_TO_IP", "MISSING_MESSAGE_ID");
        assertThat(verdict.spam()).isTrue();
        assertThat(verdict.score()).isGreaterThanOrEqualTo(10);
    }

    @Test
    void theRejectThresholdIsOptional() {
        RuleBasedSpamFilter strict = new RuleBasedSpamFilter(new SpamProperties(5.0, 10.0, null, java.time.Duration.ofSeconds(1)), HOSTED, DNS);
        SpamVerdict gtube = strict.check(new TestMessage().text(RuleBasedSpamFilter.GTUBE).build());
        assertThat(gtube.reject()).isTrue();
        SpamVerdict executable = strict.check(withAttachment("a.exe"));
        assertThat(executable.spam()).isTrue();
        assertThat(executable.reject()).isFalse();
        assertThat(filter.check(new TestMessage().text(RuleBasedSpamFilter.GTUBE).build()).reject())
                .as("no reject threshold by default").isFalse();
    }

    @Test
    void hostsOfLinks() {
        assertThat(RuleBasedSpamFilter.host("HTTPS://User:pw@WWW.Example.ORG:8443/x?y")).isEqualTo("www.example.org");
        assertThat(RuleBasedSpamFilter.host("http://[2001:db8::1]/a")).isEqualTo("[2001:db8::1]");
        assertThat(RuleBasedSpamFilter.host("mailto:a@example.org")).isEmpty();
        assertThat(RuleBasedSpamFilter.host("/relative")).isEmpty();
        assertThat(RuleBasedSpamFilter.isIp(RuleBasedSpamFilter.host("http://3232235777/"))).isTrue();
        assertThat(RuleBasedSpamFilter.isIp("[2001:db8::1]")).isTrue();
        assertThat(RuleBasedSpamFilter.isIp("example.org")).isFalse();
    }

    private static InboundMessage withAttachment(String name) {
        TestMessage m = new TestMessage();
        m.attachments.add(name);
        return m.build();
    }
}
