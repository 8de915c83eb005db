package fr.preau.delivery.internal.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import fr.preau.delivery.QueuedRecipient.Status;
import fr.preau.delivery.internal.outbound.QueueRepository.MessageRow;
import fr.preau.delivery.internal.outbound.QueueRepository.Notice;
import fr.preau.delivery.internal.outbound.QueueRepository.RecipientRow;
import fr.preau.testsupport.MutableClock;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.james.mime4j.dom.Entity;
import org.apache.james.mime4j.dom.Message;
import org.apache.james.mime4j.dom.Multipart;
import org.apache.james.mime4j.dom.SingleBody;
import org.apache.james.mime4j.dom.TextBody;
import org.apache.james.mime4j.dom.field.ContentTypeField;
import org.apache.james.mime4j.message.DefaultMessageBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Delivery status notifications as another MUA reads them: parsed back with mime4j, a
 * multipart/report with the bilingual text, the RFC 3464 fields and the original (whole, or
 * its header), the sender's language first.
 */
class DsnWriterTest {

    static final Instant QUEUED = MutableClock.START;
    static final String ORIGINAL = OutboundKit.message("Réunion de rentrée");

    final MutableClock clock = MutableClock.start().advance(Duration.ofHours(5));
    final RetryPolicy policy = new RetryPolicy(Duration.ofMinutes(5), Duration.ofHours(2), Duration.ofDays(5));
    final DsnWriter writer = new DsnWriter("mx.ac-dijon.fr", OutboundKit.messages(), ZoneId.of("Europe/Paris"), policy,
            clock);

    /** A notice parsed back: its message, and its three parts. */
    record Parsed(Message message, String text, List<Map<String, String>> status, Entity original) {}

    static MessageRow message(Locale locale, String ret, long size) {
        return new MessageRow(12, "0".repeat(64), size, "jean.dupont@ac-dijon.fr", 3L, QUEUED, locale, ret, "ENV42");
    }

    static RecipientRow recipient(String address, Status status, Integer code, String enhanced, String reply,
                                  String remoteMta) {
        return new RecipientRow(7, 12, address, address.substring(address.indexOf('@') + 1), null, null, status, 3,
                QUEUED.plus(Duration.ofHours(6)), QUEUED.plus(Duration.ofHours(4)), code, enhanced, reply, remoteMta,
                false, null, null, null, null);
    }

    Parsed write(MessageRow message, Notice kind, List<RecipientRow> recipients, byte[] original) throws Exception {
        byte[] dsn = writer.write(message, kind, recipients, RawMessage.of(original));
        Message parsed = new DefaultMessageBuilder().parseMessage(new ByteArrayInputStream(dsn));
        Multipart report = (Multipart) parsed.getBody();
        List<Entity> parts = report.getBodyParts();
        assertThat(parts).hasSize(3);
        assertThat(parts.get(0).getMimeType()).isEqualTo("text/plain");
        assertThat(parts.get(1).getMimeType()).isEqualTo("message/delivery-status");
        String text;
        try (var reader = ((TextBody) parts.get(0).getBody()).getReader()) {
            java.io.StringWriter all = new java.io.StringWriter();
            reader.transferTo(all);
            text = all.toString();
        }
        String fields;
        try (InputStream in = ((SingleBody) parts.get(1).getBody()).getInputStream()) {
            fields = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
        return new Parsed(parsed, text, groups(fields), parts.get(2));
    }

    @Test
    void aFailureIsAMultipartReportFromTheMailerDaemonInBothLanguages() throws Exception {
        Parsed p = write(message(Locale.FRENCH, null, ORIGINAL.length()), Notice.FAILED,
                List.of(recipient("nobody@example.org", Status.FAILED, 550, "5.1.1",
                        "550 5.1.1 <nobody@example.org>: Recipient address rejected", "mx1.example.org")),
                ORIGINAL.getBytes(StandardCharsets.UTF_8));

        Message m = p.message();
        assertThat(m.getMimeType()).isEqualTo("multipart/report");
        assertThat(((ContentTypeField) m.getHeader().getField("Content-Type")).getParameter("report-type"))
                .isEqualTo("delivery-status");
        assertThat(m.getFrom().get(0).getAddress()).isEqualTo("MAILER-DAEMON@mx.ac-dijon.fr");
        assertThat(m.getTo().flatten().get(0).getAddress()).isEqualTo("jean.dupont@ac-dijon.fr");
        assertThat(m.getSubject()).isEqualTo("Non distribué : Réunion de rentrée");
        assertThat(m.getHeader().getField("Auto-Submitted").getBody()).isEqualTo("auto-replied");
        assertThat(m.getHeader().getField("In-Reply-To").getBody()).isEqualTo("<" + Math.abs("Réunion de rentrée".hashCode()) + "@ac-dijon.fr>");
        assertThat(m.getMessageId()).endsWith("@mx.ac-dijon.fr>");

        assertThat(p.text()).contains("Votre message n’a pas pu être remis.", "nobody@example.org",
                "Cette adresse n’existe pas", "Réponse du serveur mx1.example.org : 550 5.1.1",
                "lundi 7 septembre 2026 à 09:30", "Your message could not be delivered.",
                "This address does not exist", "Monday 7 September 2026 at 09:30", "Your message is attached");
        assertThat(p.text().indexOf("Votre message")).isLessThan(p.text().indexOf("Your message"));

        assertThat(p.status().get(0)).containsEntry("Reporting-MTA", "dns; mx.ac-dijon.fr")
                .containsEntry("Arrival-Date", "Mon, 7 Sep 2026 07:30:00 +0000")
                .containsEntry("Original-Envelope-Id", "ENV42");
        assertThat(p.status().get(1)).containsEntry("Final-Recipient", "rfc822; nobody@example.org")
                .containsEntry("Action", "failed").containsEntry("Status", "5.1.1")
                .containsEntry("Remote-MTA", "dns; mx1.example.org")
                .containsEntry("Diagnostic-Code", "smtp; 550 5.1.1 <nobody@example.org>: Recipient address rejected")
                .containsEntry("Last-Attempt-Date", "Mon, 7 Sep 2026 11:30:00 +0000")
                .doesNotContainKey("Will-Retry-Until");

        assertThat(p.original().getMimeType()).isEqualTo("message/rfc822");
        Message original = (Message) p.original().getBody();
        assertThat(original.getSubject()).isEqualTo("Réunion de rentrée");
    }

    @Test
    void anEnglishSenderReadsEnglishFirst() throws Exception {
        Parsed p = write(message(Locale.ENGLISH, null, ORIGINAL.length()), Notice.FAILED,
                List.of(recipient("full@example.org", Status.FAILED, 552, "5.2.2", "552 5.2.2 Mailbox full", "mx")),
                ORIGINAL.getBytes(StandardCharsets.UTF_8));
        assertThat(p.message().getSubject()).isEqualTo("Undelivered: Réunion de rentrée");
        assertThat(p.text().indexOf("Your message")).isLessThan(p.text().indexOf("Votre message"));
        assertThat(p.text()).contains("The recipient’s mailbox is full.", "La boîte aux lettres du destinataire est pleine.");
    }

    @Test
    void headersOnlyWhenAskedOrWhenTheMessageIsLarge() throws Exception {
        Parsed hdrs = write(message(Locale.FRENCH, "HDRS", ORIGINAL.length()), Notice.FAILED,
                List.of(recipient("a@example.org", Status.FAILED, 550, "5.7.1", "550 5.7.1 spam", "mx")),
                ORIGINAL.getBytes(StandardCharsets.UTF_8));
        assertHeadersOnly(hdrs);
        assertThat(hdrs.text()).contains("Les en-têtes de votre message sont joints", "refusé le message (règles de sécurité");

        String large = ORIGINAL + "x".repeat(80).concat("\r\n").repeat(4000);
        Parsed big = write(message(Locale.FRENCH, null, large.length()), Notice.FAILED,
                List.of(recipient("a@example.org", Status.FAILED, 550, "5.1.1", "550 5.1.1 no", "mx")),
                large.getBytes(StandardCharsets.UTF_8));
        assertHeadersOnly(big);
    }

    private static void assertHeadersOnly(Parsed p) throws IOException {
        assertThat(p.original().getMimeType()).isEqualTo("text/rfc822-headers");
        String headers;
        try (InputStream in = ((SingleBody) p.original().getBody()).getInputStream()) {
            headers = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(headers).contains("Subject: Réunion de rentrée", "From: Jean Dupont").doesNotContain("Bonjour");
    }

    @Test
    void aDelayWarningSaysUntilWhenItIsTriedAndAttachesTheHeaderOnly() throws Exception {
        Parsed p = write(message(Locale.FRENCH, null, ORIGINAL.length()), Notice.DELAYED,
                List.of(recipient("a@example.org", Status.DEFERRED, 451, "4.4.1", "451 4.4.1 Connection refused", null),
                        recipient("b@example.org", Status.QUEUED, null, null, null, null)),
                ORIGINAL.getBytes(StandardCharsets.UTF_8));
        assertThat(p.message().getSubject()).isEqualTo("Distribution retardée : Réunion de rentrée");
        assertThat(p.text()).contains("pas encore pu être remis", "jusqu’au samedi 12 septembre 2026 à 09:30",
                "until Saturday 12 September 2026 at 09:30", "Détail : 451 4.4.1 Connection refused",
                "La distribution n’a pas encore pu être tentée.");
        assertThat(p.status()).hasSize(3);
        assertThat(p.status().get(1)).containsEntry("Action", "delayed").containsEntry("Status", "4.4.1")
                .containsEntry("Diagnostic-Code", "X-Preau; 451 4.4.1 Connection refused")
                .containsEntry("Will-Retry-Until", "Sat, 12 Sep 2026 07:30:00 +0000").doesNotContainKey("Remote-MTA");
        assertThat(p.status().get(2)).containsEntry("Final-Recipient", "rfc822; b@example.org")
                .containsEntry("Status", "4.4.7").doesNotContainKey("Diagnostic-Code");
        assertThat(p.original().getMimeType()).isEqualTo("text/rfc822-headers");
    }

    @Test
    void aFailureAtTheEndOfTheWindowSaysHowLongItWasTried() throws Exception {
        Parsed p = write(message(Locale.FRENCH, null, ORIGINAL.length()), Notice.FAILED,
                List.of(recipient("a@example.org", Status.FAILED, 421, "4.4.2", "421 4.4.2 Timeout", "mx.example.org")),
                ORIGINAL.getBytes(StandardCharsets.UTF_8));
        assertThat(p.text()).contains("pendant 5 jours d’essais", "during 5 days of attempts");
        assertThat(p.status().get(1)).containsEntry("Action", "failed").containsEntry("Status", "4.4.2");
    }

    @Test
    void aMessageWithoutSubjectOrHeaderStillGetsANotice() throws Exception {
        Parsed p = write(message(Locale.FRENCH, null, 0), Notice.FAILED,
                List.of(recipient("a@example.org", Status.FAILED, 554, "5.3.0", "554 5.3.0 lost", null)), new byte[0]);
        assertThat(p.message().getSubject()).isEqualTo("Non distribué : (sans objet)");
    }

    @ParameterizedTest
    @CsvSource({
            "550, 5.1.1, dsn.reason.no-such-user",
            "550, 5.1.2, dsn.reason.no-such-domain",
            "556, 5.1.10, dsn.reason.no-such-domain",
            "452, 4.2.2, dsn.reason.mailbox-full",
            "552, 5.3.4, dsn.reason.too-big",
            "554, 5.7.1, dsn.reason.refused",
            "451, 4.4.1, dsn.reason.unreachable",
            "550, 5.0.0, dsn.reason.rejected",
            "451, 4.3.0, dsn.reason.try-later",
    })
    void explainsEnhancedCodesInWords(int code, String enhanced, String key) {
        assertThat(DsnWriter.reasonKey(new SmtpReply(code, enhanced, "x"))).isEqualTo(key);
    }

    @Test
    void decodesTheOriginalSubject() {
        assertThat(DsnWriter.subject("From: a\r\nSubject: =?UTF-8?Q?R=C3=A9union?=\r\n =?UTF-8?Q?_du_lundi?=\r\n\r\n"))
                .isEqualTo("Réunion du lundi");
        assertThat(DsnWriter.subject("Subject: Réunion en UTF-8\r\n")).isEqualTo("Réunion en UTF-8");
        assertThat(DsnWriter.subject("From: a\r\n\r\n")).isNull();
    }

    /** The groups of "Name: value" lines of a delivery-status body, folded lines joined. */
    private static List<Map<String, String>> groups(String fields) {
        List<Map<String, String>> groups = new ArrayList<>();
        Map<String, String> current = new LinkedHashMap<>();
        String last = null;
        for (String line : fields.split("\r\n", -1)) {
            if (line.isEmpty()) {
                if (!current.isEmpty()) {
                    groups.add(current);
                    current = new LinkedHashMap<>();
                }
            } else if (Character.isWhitespace(line.charAt(0)) && last != null) {
                current.merge(last, " " + line.strip(), String::concat);
            } else {
                int colon = line.indexOf(':');
                last = line.substring(0, colon);
                current.put(last, line.substring(colon + 1).strip());
            }
        }
        if (!current.isEmpty()) {
            groups.add(current);
        }
        return groups;
    }
}
