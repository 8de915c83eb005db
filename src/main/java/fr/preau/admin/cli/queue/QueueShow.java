package fr.preau.admin.cli.queue;

import fr.preau.admin.cli.CliCommand;
import fr.preau.delivery.MailQueue;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Properties;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code preau admin queue show ID}: the subject, recipient and text of a message Préau wrote
 * itself (a delivery notice, a recovery code, a security notice) while it waits in the queue.
 * An agent's own mail is never shown.
 */
@Command(name = "show")
public class QueueShow extends CliCommand {

    @Parameters(paramLabel = "ID", descriptionKey = "id")
    long id;

    @Override
    public Integer call() {
        MailQueue queue = bean(MailQueue.class);
        queue.find(id).orElseThrow(() -> refuse("cli.queue.unknown", id));
        byte[] raw = queue.systemMessage(id).orElseThrow(() -> refuse("cli.queue.not-system", id));
        try {
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
            out().println(cli.t("cli.queue.show.subject", message.getSubject()));
            out().println(cli.t("cli.queue.show.to", String.join(", ", message.getHeader("To") == null
                    ? new String[0] : message.getHeader("To"))));
            out().println();
            out().println(text(message));
        } catch (MessagingException | IOException e) {
            throw refuse("cli.queue.not-system", id);
        }
        return 0;
    }

    private static String text(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/plain")) {
            return String.valueOf(part.getContent());
        }
        if (part.getContent() instanceof Multipart multipart && multipart.getCount() > 0) {
            BodyPart first = multipart.getBodyPart(0);
            return text(first);
        }
        return "";
    }
}
