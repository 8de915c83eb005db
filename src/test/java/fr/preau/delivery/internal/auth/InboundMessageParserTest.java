package fr.preau.delivery.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;

import fr.preau.delivery.internal.dns.Dns;
import fr.preau.testsupport.Corpus;
import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Reading real and made-up mail for the spam filter; real ham from the corpus stays ham. */
class InboundMessageParserTest {

    static final InboundMessage.Envelope ENVELOPE;

    static {
        try {
            ENVELOPE = new InboundMessage.Envelope(InetAddress.getByName("192.0.2.25"), "mail.example.org",
                    "sender@example.org", List.of("agent@ac-dijon.fr"), null);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** DNS that cannot answer: the rules that need it stay silent. */
    static final Dns UNREACHABLE = new Dns() {
        public List<MxRecord> mx(String domain) {
            throw new TemporaryFailure("no DNS in this test");
        }

        public List<String> txt(String name) {
            throw new TemporaryFailure("no DNS in this test");
        }

        public List<InetAddress> addresses(String host) {
            throw new TemporaryFailure("no DNS in this test");
        }

        public List<String> reverse(InetAddress address) {
            throw new TemporaryFailure("no DNS in this test");
        }
    };

    static InboundMessage parse(byte[] raw) throws Exception {
        return InboundMessageParser.parse(() -> new ByteArrayInputStream(raw), ENVELOPE, null, List.of(), null);
    }

    @Test
    void readsHeadersBodiesLinksAndAttachments() throws Exception {
        String raw = """
                From: =?UTF-8?Q?Rectorat_de_l=E2=80=99acad=C3=A9mie?= <noreply@mail.example>
                To: agent@ac-dijon.fr
                Subject: =?UTF-8?B?Vm90cmUgYm/DrnRlIGVzdCBwbGVpbmU=?=
                Date: Tue, 1 Dec 2026 08:00:00 +0100
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="b1"

                --b1
                Content-Type: multipart/alternative; boundary="b2"

                --b2
                Content-Type: text/plain; charset=ISO-8859-1
                Content-Transfer-Encoding: quoted-printable

                Bo=EEte pleine, voir http://203.0.113.5/quota?u=1 maintenant.
                --b2
                Content-Type: text/html; charset=UTF-8

                <p>Cliquez <a href="http://evil.example/x">https://webmail.ac-dijon.fr</a>
                <form action="https://evil.example/post"></form></p>
                --b2--
                --b1
                Content-Type: application/octet-stream
                Content-Disposition: attachment; filename*=UTF-8''facture%C3%A9.pdf.exe

                AAAA
                --b1
                Content-Type: message/rfc822

                From: inner@example.org
                Subject: inner
                Content-Type: application/zip; name="inner.zip"
                Content-Disposition: attachment

                UEsDBA==
                --b1--
                """.replace("\n", "\r\n");
        InboundMessage m = parse(raw.getBytes(StandardCharsets.ISO_8859_1));
        assertThat(m.fromName()).isEqualTo("Rectorat de l\u2019académie");
        assertThat(m.fromAddress()).isEqualTo("noreply@mail.example");
        assertThat(m.fromDomain()).isEqualTo("mail.example");
        assertThat(m.subject()).isEqualTo("Votre boîte est pleine");
        assertThat(m.hasHeader("date")).isTrue();
        assertThat(m.hasHeader("Message-ID")).isFalse();
        assertThat(m.textBody()).contains("Boîte pleine");
        assertThat(m.htmlBody()).contains("<a href=");
        assertThat(m.links()).containsExactlyInAnyOrder(
                new InboundMessage.Link("http://evil.example/x", "https://webmail.ac-dijon.fr"),
                new InboundMessage.Link("https://evil.example/post", ""),
                new InboundMessage.Link("http://203.0.113.5/quota?u=1", ""));
        assertThat(m.attachmentNames()).containsExactly("factureé.pdf.exe", "inner.zip");
        SpamVerdict verdict = new RuleBasedSpamFilter(SpamProperties.defaults(), () -> Set.of("ac-dijon.fr"), UNREACHABLE).check(m);
        assertThat(verdict.rules()).contains("FROM_NAME_ACADEMIC", "LINK_TEXT_MISMATCH", "LINK_TO_IP",
                "ATTACH_EXECUTABLE", "ATTACH_DOUBLE_EXTENSION", "MISSING_MESSAGE_ID");
        assertThat(verdict.spam()).isTrue();
    }

    @Test
    void brokenMailIsReadAsFarAsPossible() throws Exception {
        InboundMessage m = parse("Subject: no body, no From\r\nFrom: <<<\r\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(m.subject()).isEqualTo("no body, no From");
        assertThat(m.fromAddress()).isEmpty();
        assertThat(parse(new byte[0]).headers()).isEmpty();
    }

    /** Real messages of other projects' test suites that are spam or phishing on purpose. */
    static final Set<String> KNOWN_SPAM = Set.of("spamMail.eml", "spam8.eml");

    @Test
    void realHamFromTheCorpusIsNotSpam() throws Exception {
        RuleBasedSpamFilter filter = new RuleBasedSpamFilter(SpamProperties.defaults(), () -> Set.of("ac-dijon.fr"), UNREACHABLE);
        List<String> flagged = new ArrayList<>();
        int checked = 0;
        for (Path file : Corpus.files("mime")) {
            String name = file.getFileName().toString();
            if (KNOWN_SPAM.contains(name) || !name.matches(".*\\.(eml|msg|mail|mime|txt)")) {
                continue;
            }
            InboundMessage m = parse(Files.readAllBytes(file));
            SpamVerdict verdict = filter.check(m);
            checked++;
            if (verdict.spam()) {
                flagged.add(Corpus.root().relativize(file) + " " + verdict.headerValue());
            }
        }
        assertThat(checked).isGreaterThan(100);
        assertThat(flagged).isEmpty();
    }
}
