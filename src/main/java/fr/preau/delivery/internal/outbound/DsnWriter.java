package fr.preau.delivery.internal.outbound;

import fr.preau.delivery.internal.outbound.QueueRepository.MessageRow;
import fr.preau.delivery.internal.outbound.QueueRepository.Notice;
import fr.preau.delivery.internal.outbound.QueueRepository.RecipientRow;
import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;

/**
 * Writes delivery status notifications (RFC 3464): a {@code multipart/report;
 * report-type=delivery-status} from {@code MAILER-DAEMON@<hostname>}, marked
 * {@code Auto-Submitted: auto-replied}, with
 * <ol>
 * <li>a plain-text explanation in French and in English (the sender's language first), from
 *     the {@code dsn.*} keys of {@code i18n/delivery}: what happened to each recipient in
 *     words an agent understands, then what the remote server said;</li>
 * <li>the {@code message/delivery-status} fields: Reporting-MTA, Arrival-Date, and per
 *     recipient Final-Recipient, Action, Status, Remote-MTA, Diagnostic-Code,
 *     Last-Attempt-Date, Will-Retry-Until;</li>
 * <li>the original message ({@code message/rfc822}) for a failure, when it is small and the
 *     sender did not ask for headers only (RET=HDRS), else its header ({@code text/rfc822-headers}).</li>
 * </ol>
 */
final class DsnWriter {

    /** Failed messages up to this size come back whole; larger ones, and other notices, with their header only. */
    static final long FULL_MESSAGE_LIMIT = 256 * 1024;
    /** The original header is cut after this many bytes. */
    static final int MAX_HEADER_BYTES = 64 * 1024;

    private static final DateTimeFormatter RFC_5322 =
            DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final Pattern SUBJECT = Pattern.compile("(?im)^subject:[ \\t]*(.*(?:\\r?\\n[ \\t].*)*)");
    private static final Pattern MESSAGE_ID = Pattern.compile("(?im)^message-id:[ \\t]*(<[^>\\r\\n]+>)");
    private static final List<Locale> LANGUAGES = List.of(Locale.FRENCH, Locale.ENGLISH);

    private final String hostname;
    private final MessageSource messages;
    private final ZoneId zone;
    private final RetryPolicy policy;
    private final Clock clock;

    DsnWriter(String hostname, MessageSource messages, ZoneId zone, RetryPolicy policy, Clock clock) {
        this.hostname = hostname;
        this.messages = messages;
        this.zone = zone;
        this.policy = policy;
        this.clock = clock;
    }

    /** The notice of {@code kind} about {@code recipients} of {@code message}, whose bytes are {@code original}. */
    byte[] write(MessageRow message, Notice kind, List<RecipientRow> recipients, RawMessage original)
            throws IOException, MessagingException {
        byte[] header = header(original);
        String headerText = new String(header, StandardCharsets.UTF_8);
        String subject = subject(headerText);
        boolean full = kind == Notice.FAILED && !"HDRS".equalsIgnoreCase(message.ret())
                && original.size() <= FULL_MESSAGE_LIMIT;
        Locale first = "en".equals(message.locale().getLanguage()) ? Locale.ENGLISH : Locale.FRENCH;

        MimeMessage dsn = new NoticeMessage(Session.getInstance(new Properties()), hostname);
        dsn.setFrom(new InternetAddress("MAILER-DAEMON@" + hostname, t(first, "dsn.from-name"), "UTF-8"));
        dsn.setHeader("To", message.sender());
        dsn.setSubject(t(first, Texts.of(kind).subject(),
                subject == null ? t(first, "dsn.no-subject") : subject), "UTF-8");
        dsn.setSentDate(Date.from(clock.instant()));
        dsn.setHeader("Auto-Submitted", "auto-replied");
        Matcher id = MESSAGE_ID.matcher(headerText);
        if (id.find()) {
            dsn.setHeader("In-Reply-To", id.group(1));
            dsn.setHeader("References", id.group(1));
        }

        MimeMultipart report = new ReportMultipart();
        MimeBodyPart text = new MimeBodyPart();
        StringBuilder body = new StringBuilder();
        body.append(explanation(first, message, kind, recipients, subject, full));
        body.append("\n----------------------------------------------------------------------\n\n");
        body.append(explanation(first.equals(Locale.FRENCH) ? Locale.ENGLISH : Locale.FRENCH, message, kind,
                recipients, subject, full));
        text.setText(body.toString(), "UTF-8");
        report.addBodyPart(text);
        report.addBodyPart(part(statusFields(message, kind, recipients).getBytes(StandardCharsets.US_ASCII),
                "message/delivery-status"));
        report.addBodyPart(full ? part(readAll(original), "message/rfc822") : part(header, "text/rfc822-headers"));
        dsn.setContent(report);
        dsn.saveChanges();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        dsn.writeTo(out);
        return out.toByteArray();
    }

    // ---- the human-readable part

    private String explanation(Locale locale, MessageRow message, Notice kind, List<RecipientRow> recipients,
                               String subject, boolean full) {
        StringBuilder out = new StringBuilder();
        Texts texts = Texts.of(kind);
        out.append(t(locale, texts.title())).append("\n\n");
        out.append(t(locale, "dsn.intro", subject == null ? t(locale, "dsn.no-subject") : subject,
                date(locale, message.createdAt()))).append("\n\n");
        out.append(t(locale, texts.recipients())).append("\n\n");
        for (RecipientRow r : recipients) {
            out.append("  * ").append(r.address()).append('\n');
            out.append("    ").append(reason(locale, kind, r)).append('\n');
            SmtpReply reply = r.reply();
            if (reply != null && kind != Notice.DELIVERED) {
                out.append("    ").append(r.remoteMta() != null
                        ? t(locale, "dsn.recipient.reply", r.remoteMta(), reply.toString())
                        : t(locale, "dsn.recipient.local", reply.toString())).append('\n');
            }
            out.append('\n');
        }
        switch (kind) {
            case FAILED -> out.append(t(locale, "dsn.failed.advice")).append("\n\n");
            case DELAYED -> out.append(t(locale, "dsn.delayed.advice", date(locale, policy.expiry(message.createdAt()))))
                    .append("\n\n");
            case DELIVERED -> { }
        }
        out.append(t(locale, full ? "dsn.attached.message" : "dsn.attached.headers")).append("\n\n");
        out.append(t(locale, "dsn.signature", hostname)).append('\n');
        return out.toString();
    }

    /** What happened to one recipient, in words. */
    private String reason(Locale locale, Notice kind, RecipientRow r) {
        if (kind == Notice.DELIVERED) {
            return t(locale, "dsn.reason.delivered");
        }
        SmtpReply reply = r.reply();
        if (reply == null) {
            return t(locale, "dsn.reason.not-tried");
        }
        String words = t(locale, reasonKey(reply));
        if (kind == Notice.FAILED && !reply.permanent()) {
            long days = Math.max(1, policy.window().toDays());
            return t(locale, "dsn.reason.expired", days) + " " + words;
        }
        return words;
    }

    /** The explanation of an enhanced status code (RFC 3463), by subject and detail. */
    static String reasonKey(SmtpReply reply) {
        String detail = reply.status().substring(reply.status().indexOf('.') + 1);
        return switch (detail) {
            case "1.1", "1.6" -> "dsn.reason.no-such-user";
            case "1.2", "1.10", "4.4" -> "dsn.reason.no-such-domain";
            case "2.2" -> "dsn.reason.mailbox-full";
            case "2.3", "3.4" -> "dsn.reason.too-big";
            default -> detail.startsWith("7.") ? "dsn.reason.refused"
                    : detail.startsWith("4.") ? "dsn.reason.unreachable"
                    : reply.permanent() ? "dsn.reason.rejected" : "dsn.reason.try-later";
        };
    }

    // ---- the machine-readable part

    private String statusFields(MessageRow message, Notice kind, List<RecipientRow> recipients) {
        StringBuilder out = new StringBuilder();
        out.append("Reporting-MTA: dns; ").append(hostname).append("\r\n");
        if (message.envid() != null) {
            out.append("Original-Envelope-Id: ").append(ascii(message.envid())).append("\r\n");
        }
        out.append("Arrival-Date: ").append(RFC_5322.format(message.createdAt())).append("\r\n");
        for (RecipientRow r : recipients) {
            out.append("\r\n");
            if (r.originalRecipient() != null) {
                out.append("Original-Recipient: ").append(ascii(r.originalRecipient())).append("\r\n");
            }
            out.append("Final-Recipient: rfc822; ").append(ascii(r.address())).append("\r\n");
            out.append("Action: ").append(switch (kind) {
                case FAILED -> "failed";
                case DELAYED -> "delayed";
                case DELIVERED -> "delivered";
            }).append("\r\n");
            SmtpReply reply = r.reply();
            String status = reply != null ? reply.status() : kind == Notice.DELIVERED ? "2.0.0" : "4.4.7";
            out.append("Status: ").append(status).append("\r\n");
            if (r.remoteMta() != null) {
                out.append("Remote-MTA: dns; ").append(ascii(r.remoteMta())).append("\r\n");
            }
            if (reply != null) {
                out.append("Diagnostic-Code: ").append(r.remoteMta() != null ? "smtp" : "X-Preau").append("; ")
                        .append(ascii(reply.toString())).append("\r\n");
            }
            if (r.lastAttemptAt() != null) {
                out.append("Last-Attempt-Date: ").append(RFC_5322.format(r.lastAttemptAt())).append("\r\n");
            }
            if (kind == Notice.DELAYED) {
                out.append("Will-Retry-Until: ").append(RFC_5322.format(policy.expiry(message.createdAt()))).append("\r\n");
            }
        }
        return out.toString();
    }

    // ---- the original

    private static MimeBodyPart part(byte[] content, String type) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(content, type)));
        part.setHeader("Content-Type", type);
        part.setHeader("Content-Transfer-Encoding", isAscii(content) ? "7bit" : "8bit");
        return part;
    }

    /** The header of the original message, up to the blank line that ends it. */
    private static byte[] header(RawMessage original) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = original.open()) {
            int previous = -1;
            int beforePrevious = -1;
            int c;
            while ((c = in.read()) >= 0 && out.size() < MAX_HEADER_BYTES) {
                out.write(c);
                // a line ending right after another one ends the header (CRLF CRLF, or bare LF LF)
                if (c == '\n' && (previous == '\n' || (previous == '\r' && beforePrevious == '\n'))) {
                    break;
                }
                beforePrevious = previous;
                previous = c;
            }
        }
        return out.toByteArray();
    }

    private static byte[] readAll(RawMessage original) throws IOException {
        try (InputStream in = original.open()) {
            return in.readAllBytes();
        }
    }

    /** The decoded Subject of a header, or null. */
    static String subject(String header) {
        Matcher m = SUBJECT.matcher(header);
        if (!m.find()) {
            return null;
        }
        String unfolded = m.group(1).replaceAll("\\r?\\n[ \\t]", " ").strip();
        try {
            unfolded = MimeUtility.decodeText(unfolded);
        } catch (UnsupportedEncodingException unknownCharset) {
            // keep the encoded form
        }
        unfolded = unfolded.replaceAll("[\\p{Cntrl}]", " ").strip();
        return unfolded.isEmpty() ? null : unfolded.length() > 200 ? unfolded.substring(0, 200) + "…" : unfolded;
    }

    private static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    private static String ascii(String value) {
        return value.replaceAll("[^\\x21-\\x7e ]", "?");
    }

    private String date(Locale locale, Instant instant) {
        return DateTimeFormatter.ofPattern(t(locale, "dsn.format.date-time"), locale).format(instant.atZone(zone));
    }

    private String t(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args.length == 0 ? null : args, locale);
    }

    /** The texts of one kind of notice. */
    private record Texts(String subject, String title, String recipients) {
        static Texts of(Notice kind) {
            return switch (kind) {
                case FAILED -> new Texts("dsn.failed.subject", "dsn.failed.title", "dsn.failed.recipients");
                case DELAYED -> new Texts("dsn.delayed.subject", "dsn.delayed.title", "dsn.delayed.recipients");
                case DELIVERED -> new Texts("dsn.delivered.subject", "dsn.delivered.title", "dsn.delivered.recipients");
            };
        }
    }

    /** A notice's Message-ID names our host. */
    private static final class NoticeMessage extends MimeMessage {
        private final String hostname;

        NoticeMessage(Session session, String hostname) {
            super(session);
            this.hostname = hostname;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", "<" + UUID.randomUUID() + ".dsn@" + hostname + ">");
        }
    }

    /** {@code multipart/report; report-type=delivery-status} (RFC 6522). */
    private static final class ReportMultipart extends MimeMultipart {
        ReportMultipart() throws MessagingException {
            super("report");
            ContentType type = new ContentType(contentType);
            type.setParameter("report-type", "delivery-status");
            contentType = type.toString();
        }
    }
}
