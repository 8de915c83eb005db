package fr.preau.demo;

import fr.preau.delivery.MailQueue;
import fr.preau.delivery.QueuedMessage;
import fr.preau.identity.ContactSettings;
import fr.preau.identity.RecoveryContacts;
import fr.preau.identity.SmsOutbox;
import fr.preau.platform.web.ClientInfo;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Verifies a demo agent's backup address and mobile the way the agent would: asks for the codes,
 * reads them where they arrived (the SMS outbox, the message waiting in the outbound queue —
 * the demo has no Internet) and types them back. Then recovery by e-mail and SMS can be tried.
 */
final class DemoContacts {

    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");
    private static final ClientInfo CLIENT = new ClientInfo("127.0.0.1", "Préau demo");

    private DemoContacts() {}

    static void verify(long accountId, ContactSettings contacts, SmsOutbox sms, MailQueue queue) {
        RecoveryContacts current = contacts.of(accountId);
        if (current.mobile() != null && !current.mobileVerified() && contacts.sendMobileCode(accountId, CLIENT).isEmpty()) {
            sms.latest(current.mobile(), 1).stream().findFirst().flatMap(s -> code(s.body()))
                    .ifPresent(code -> contacts.verifyMobile(accountId, code, CLIENT));
        }
        if (current.backupEmail() != null && !current.backupEmailVerified()
                && contacts.sendEmailCode(accountId, CLIENT).isEmpty()) {
            List<QueuedMessage> toBackup = queue.list(MailQueue.Filter.all().sender("<>")).stream()
                    .filter(m -> m.sender() == null && m.recipients().stream()
                            .anyMatch(r -> r.address().equalsIgnoreCase(current.backupEmail())))
                    .sorted(Comparator.comparingLong(QueuedMessage::id).reversed()).toList();
            toBackup.stream().findFirst().flatMap(m -> queue.systemMessage(m.id()))
                    .flatMap(raw -> code(decoded(raw)))
                    .ifPresent(code -> contacts.verifyEmail(accountId, code, CLIENT));
        }
    }

    private static String decoded(byte[] raw) {
        try {
            var message = new jakarta.mail.internet.MimeMessage(jakarta.mail.Session.getInstance(new java.util.Properties()),
                    new java.io.ByteArrayInputStream(raw));
            return String.valueOf(message.getContent());
        } catch (jakarta.mail.MessagingException | java.io.IOException e) {
            return new String(raw, StandardCharsets.UTF_8);
        }
    }

    private static Optional<String> code(String text) {
        Matcher m = CODE.matcher(text);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
