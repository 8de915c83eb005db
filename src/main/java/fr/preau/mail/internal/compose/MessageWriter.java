package fr.preau.mail.internal.compose;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Writes a message with Angus Mail: From, Date, Message-ID, To, Cc (Bcc only in a draft),
 * Subject in RFC 2047 words, {@code text/plain} or {@code multipart/alternative} (text + HTML),
 * {@code multipart/mixed} when there are attachments ({@code message/rfc822} ones unencoded, as
 * RFC 2046 wants), {@code X-Priority} and {@code Importance} when not normal,
 * {@code Disposition-Notification-To}, {@code In-Reply-To} / {@code References}, {@code User-Agent}.
 */
@Component
public class MessageWriter {

    static final String USER_AGENT = "Preau Webmail";
    static final String REPLIED_HEADER = "X-Preau-Replied-Message";
    static final String FORWARDED_HEADER = "X-Preau-Forwarded-Message";

    private final Session session;

    public MessageWriter() {
        this.session = Session.getInstance(new Properties());
    }

    /** Writes the message to {@code out}; returns how many attachment octets (decoded) went into it. */
    public long write(OutgoingMessage m, OutputStream out) throws IOException {
        Counter counter = new Counter();
        try {
            MimeMessage message = new FixedIdMessage(session, m.messageId());
            message.setFrom(m.from());
            message.setSentDate(Date.from(m.date()));
            if (!m.to().isEmpty()) {
                message.setRecipients(Message.RecipientType.TO, m.to().toArray(InternetAddress[]::new));
            }
            if (!m.cc().isEmpty()) {
                message.setRecipients(Message.RecipientType.CC, m.cc().toArray(InternetAddress[]::new));
            }
            if (m.draft() && !m.bcc().isEmpty()) {
                message.setRecipients(Message.RecipientType.BCC, m.bcc().toArray(InternetAddress[]::new));
            }
            message.setSubject(m.subject(), "UTF-8");
            if (m.priority() != 3) {
                message.setHeader("X-Priority", m.priority() < 3 ? "1 (Highest)" : "5 (Lowest)");
                message.setHeader("Importance", m.priority() < 3 ? "high" : "low");
            }
            if (m.readReceipt()) {
                message.setHeader("Disposition-Notification-To", m.from().toString());
            }
            if (m.inReplyTo() != null && !m.inReplyTo().isBlank()) {
                message.setHeader("In-Reply-To", "<" + m.inReplyTo() + ">");
            }
            if (!m.references().isEmpty()) {
                message.setHeader("References", MimeUtility.fold(12,
                        m.references().stream().map(r -> "<" + r + ">").collect(Collectors.joining(" "))));
            }
            message.setHeader("User-Agent", USER_AGENT);
            if (m.draft()) {
                if (m.repliedMessageId() != null) {
                    message.setHeader(REPLIED_HEADER, m.repliedMessageId().toString());
                }
                if (m.forwardedMessageId() != null) {
                    message.setHeader(FORWARDED_HEADER, m.forwardedMessageId().toString());
                }
            }
            if (m.attachments().isEmpty()) {
                setBody(message, m);
            } else {
                MimeMultipart mixed = new MimeMultipart("mixed");
                MimeBodyPart body = new MimeBodyPart();
                setBody(body, m);
                mixed.addBodyPart(body);
                for (AttachmentSource a : m.attachments()) {
                    mixed.addBodyPart(attachment(a, counter));
                }
                message.setContent(mixed);
            }
            message.saveChanges();
            message.writeTo(out);
        } catch (MessagingException e) {
            throw new IOException("cannot write the message", e);
        }
        return counter.bytes;
    }

    private static void setBody(jakarta.mail.internet.MimePart part, OutgoingMessage m) throws MessagingException {
        String text = normalizeLines(m.text());
        if (m.html() == null || m.html().isBlank()) {
            part.setText(text, "UTF-8", "plain");
            return;
        }
        MimeMultipart alternative = new MimeMultipart("alternative");
        MimeBodyPart plain = new MimeBodyPart();
        plain.setText(text, "UTF-8", "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(normalizeLines(m.html()), "UTF-8", "html");
        alternative.addBodyPart(plain);
        alternative.addBodyPart(html);
        part.setContent(alternative);
    }

    private static MimeBodyPart attachment(AttachmentSource a, Counter counter) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        AttachmentSource counted = new AttachmentSource(a.filename(), a.contentType(), () -> counter.wrap(a.getInputStream()));
        part.setDataHandler(new DataHandler(counted));
        // RFC 2231 for a name that is not ASCII (Angus's default)
        part.setFileName(a.filename());
        part.setDisposition(MimeBodyPart.ATTACHMENT);
        if (a.isMessage()) {
            // a message/rfc822 part is never Base64 (RFC 2046 section 5.2.1): its bytes go as they are
            part.setHeader("Content-Transfer-Encoding", eightBit(a) ? "8bit" : "7bit");
        } else {
            // said at once, so that Angus does not read the file once more to choose
            part.setHeader("Content-Transfer-Encoding", "base64");
        }
        return part;
    }

    private static boolean eightBit(AttachmentSource a) {
        try (InputStream in = a.getInputStream()) {
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) > 0) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] < 0) {
                        return true;
                    }
                }
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String normalizeLines(String s) {
        return s == null ? "" : s.replace("\r\n", "\n").replace('\r', '\n');
    }

    /** Angus would make a Message-ID of its own at {@code saveChanges}: ours is at the account's domain. */
    private static final class FixedIdMessage extends MimeMessage {
        private final String id;

        FixedIdMessage(Session session, String id) {
            super(session);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", "<" + id + ">");
        }
    }

    /** Counts the attachment octets read while writing. */
    private static final class Counter {
        long bytes;

        InputStream wrap(InputStream in) {
            return new java.io.FilterInputStream(in) {
                @Override
                public int read() throws IOException {
                    int b = super.read();
                    if (b >= 0) {
                        bytes++;
                    }
                    return b;
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    int n = super.read(b, off, len);
                    if (n > 0) {
                        bytes += n;
                    }
                    return n;
                }
            };
        }
    }

    /** Builds a Message-ID at {@code domain}. */
    public static String newMessageId(String domain) {
        byte[] random = new byte[12];
        new java.security.SecureRandom().nextBytes(random);
        return java.util.HexFormat.of().formatHex(random) + "." + System.currentTimeMillis() + "@" + domain;
    }

    static List<String> noNulls(List<String> list) {
        return list.stream().filter(s -> s != null && !s.isBlank()).toList();
    }
}
