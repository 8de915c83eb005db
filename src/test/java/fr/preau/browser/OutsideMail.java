package fr.preau.browser;

import fr.preau.delivery.SmtpEndpoints;
import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * A mail from a server of the Internet, built with Angus Mail and delivered through Préau's
 * real MX: an HTML body (with its plain text alternative), a sender with a display name, more
 * named addresses in Cc, and attachments with the given file names.
 */
final class OutsideMail {

    record File(String name, String mediaType, byte[] content) {}

    private final SmtpEndpoints smtp;
    private String fromName = "Secrétariat du collège";
    private String fromAddress = "secretariat@college-exemple.example";
    private final List<InternetAddress> cc = new ArrayList<>();
    private String subject = "";
    private String html;
    private String text = "";
    private final List<File> files = new ArrayList<>();

    OutsideMail(SmtpEndpoints smtp) {
        this.smtp = smtp;
    }

    OutsideMail from(String displayName, String address) {
        this.fromName = displayName;
        this.fromAddress = address;
        return this;
    }

    OutsideMail cc(String displayName, String address) {
        try {
            cc.add(new InternetAddress(address, displayName, "UTF-8"));
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    OutsideMail subject(String subject) {
        this.subject = subject;
        return this;
    }

    OutsideMail html(String html) {
        this.html = html;
        return this;
    }

    OutsideMail text(String text) {
        this.text = text;
        return this;
    }

    OutsideMail attach(String name, String mediaType, byte[] content) {
        files.add(new File(name, mediaType, content));
        return this;
    }

    void sendTo(String to) throws Exception {
        Properties p = new Properties();
        p.put("mail.smtp.host", "127.0.0.1");
        p.put("mail.smtp.port", String.valueOf(smtp.endpoint("mx").orElseThrow().port()));
        p.put("mail.mime.encodefilename", "true");
        Session session = Session.getInstance(p);
        MimeMessage m = new MimeMessage(session);
        m.setFrom(new InternetAddress(fromAddress, fromName, "UTF-8"));
        InternetAddress recipient = new InternetAddress(to);
        m.setRecipient(Message.RecipientType.TO, recipient);
        if (!cc.isEmpty()) {
            m.setRecipients(Message.RecipientType.CC, cc.toArray(InternetAddress[]::new));
        }
        m.setSubject(subject, "UTF-8");
        MimeMultipart body = new MimeMultipart("alternative");
        MimeBodyPart plain = new MimeBodyPart();
        plain.setText(text, "UTF-8");
        body.addBodyPart(plain);
        if (html != null) {
            MimeBodyPart rich = new MimeBodyPart();
            rich.setText(html, "UTF-8", "html");
            body.addBodyPart(rich);
        }
        if (files.isEmpty()) {
            m.setContent(body);
        } else {
            MimeMultipart mixed = new MimeMultipart("mixed");
            MimeBodyPart alternative = new MimeBodyPart();
            alternative.setContent(body);
            mixed.addBodyPart(alternative);
            for (File f : files) {
                MimeBodyPart part = new MimeBodyPart();
                part.setDataHandler(new DataHandler(new ByteArrayDataSource(f.content(), f.mediaType())));
                part.setFileName(f.name());
                part.setDisposition(MimeBodyPart.ATTACHMENT);
                mixed.addBodyPart(part);
            }
            m.setContent(mixed);
        }
        m.saveChanges();
        // only to the agent: the Cc addresses are there to be shown, not delivered to
        Transport.send(m, new InternetAddress[] {recipient});
    }
}
