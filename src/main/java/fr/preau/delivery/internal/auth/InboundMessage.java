package fr.preau.delivery.internal.auth;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.util.List;

/**
 * What the spam filter looks at in one inbound message: the SMTP envelope, the header fields,
 * the decoded subject and From, the text and HTML bodies (decoded, cut at a size limit), the
 * links and attachment names, and the SPF, DKIM and DMARC results. Fill it by hand or with
 * {@link InboundMessageParser#parse}. {@code raw} gives the message's bytes again (for
 * rspamd); it may be {@code null}.
 */
public record InboundMessage(
        Envelope envelope,
        List<Header> headers,
        String subject,
        String fromName,
        String fromAddress,
        String textBody,
        String htmlBody,
        List<Link> links,
        List<String> attachmentNames,
        SpfResult spf,
        List<DkimResult> dkim,
        DmarcResult dmarc,
        RawSource raw) {

    /** The SMTP session: client address, HELO name, MAIL FROM (empty for the null sender), RCPT TOs, SASL user if any. */
    public record Envelope(InetAddress client, String helo, String mailFrom, List<String> recipients, String user) {
        public Envelope {
            helo = helo == null ? "" : helo;
            mailFrom = mailFrom == null ? "" : mailFrom;
            recipients = recipients == null ? List.of() : List.copyOf(recipients);
            user = user == null ? "" : user;
        }
    }

    /** A header field: its name and unfolded value as received. */
    public record Header(String name, String value) {}

    /** A link: its target and the text the reader sees (empty for a bare URL in plain text). */
    public record Link(String href, String text) {}

    /** Opens the raw message (RFC 5322 bytes) again. */
    @FunctionalInterface
    public interface RawSource {
        InputStream open() throws IOException;
    }

    public InboundMessage {
        headers = headers == null ? List.of() : List.copyOf(headers);
        subject = subject == null ? "" : subject;
        fromName = fromName == null ? "" : fromName;
        fromAddress = fromAddress == null ? "" : fromAddress;
        textBody = textBody == null ? "" : textBody;
        htmlBody = htmlBody == null ? "" : htmlBody;
        links = links == null ? List.of() : List.copyOf(links);
        attachmentNames = attachmentNames == null ? List.of() : List.copyOf(attachmentNames);
        dkim = dkim == null ? List.of() : List.copyOf(dkim);
    }

    /** The domain of the From address, lower case; empty if there is none. */
    public String fromDomain() {
        int at = fromAddress.lastIndexOf('@');
        return at < 0 ? "" : OrganizationalDomain.normalise(fromAddress.substring(at + 1));
    }

    public boolean hasHeader(String name) {
        return headers.stream().anyMatch(h -> h.name().equalsIgnoreCase(name));
    }

    /** The first value of a header field, or empty. */
    public String header(String name) {
        return headers.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(Header::value).findFirst().orElse("");
    }
}
