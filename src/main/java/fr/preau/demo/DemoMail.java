package fr.preau.demo;

import fr.preau.identity.Account;
import fr.preau.identity.Accounts;
import fr.preau.mail.FolderRole;
import fr.preau.mail.LocalRecipient;
import fr.preau.mail.MailDelivery;
import fr.preau.mail.MailFolders;
import fr.preau.platform.BlobStore;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;

/**
 * A few messages in the demo mailboxes, delivered once through the mail store as if they had
 * come by SMTP: a circular of the rectorat, a colleague's question and its answer. Demo data,
 * like the names of the académies: written in French, as the agents would receive them.
 */
final class DemoMail {

    private record Sample(String fromLogin, String fromName, String fromAddress, List<String> to, String subject,
                          String body, Duration ago) {}

    private static final List<Sample> SAMPLES = List.of(
            new Sample(null, "Rectorat de l'académie de Dijon", "ce.rectorat@ac-dijon.fr", List.of("cmartin", "tbernard", "jdupont2"),
                    "Calendrier des conseils de classe du 1er trimestre",
                    "Mesdames et Messieurs,\n\nVous trouverez ci-dessous le calendrier des conseils de classe du premier"
                            + " trimestre. Merci de saisir vos appréciations au plus tard la veille.\n\n"
                            + "- Classes de seconde : du 7 au 10 décembre\n- Classes de première : du 11 au 14 décembre\n"
                            + "- Classes de terminale : du 15 au 18 décembre\n\nLa division des établissements",
                    Duration.ofDays(2)),
            new Sample("tbernard", "Thomas Bernard", null, List.of("cmartin"), "Sortie pédagogique au musée des Beaux-Arts",
                    "Bonjour Camille,\n\nPeux-tu me confirmer le nombre d'élèves pour la sortie du 12 ? Il me faut la liste"
                            + " avant vendredi pour réserver le car.\n\nMerci,\nThomas",
                    Duration.ofHours(5)),
            new Sample("cmartin", "Camille Martin", null, List.of("tbernard"), "Re: Sortie pédagogique au musée des Beaux-Arts",
                    "Bonjour Thomas,\n\n28 élèves et 3 accompagnateurs. Je t'envoie la liste nominative demain.\n\nCamille",
                    Duration.ofHours(3)));

    private DemoMail() {}

    /** Delivers the samples unless the first demo mailbox already has mail (a later start). */
    static void ensure(Accounts accounts, MailFolders folders, MailDelivery delivery, Clock clock) {
        Optional<Account> first = accounts.byLogin("cmartin");
        if (first.isEmpty() || folders.byRole(first.get().id(), FolderRole.INBOX).messages() > 0) {
            return;
        }
        for (Sample sample : SAMPLES) {
            List<Account> recipients = sample.to().stream().map(accounts::byLogin).flatMap(Optional::stream).toList();
            String fromAddress = sample.fromAddress() != null ? sample.fromAddress()
                    : accounts.byLogin(sample.fromLogin()).map(Account::email).orElse("demo@ac-dijon.fr");
            Instant sent = clock.instant().minus(sample.ago());
            byte[] raw = compose(sample, fromAddress, recipients, sent);
            BlobStore.Blob blob = delivery.store(new ByteArrayInputStream(raw));
            delivery.deliver(blob, recipients.stream().map(a -> new LocalRecipient(a.id(), FolderRole.INBOX)).toList(), sent);
        }
    }

    private static byte[] compose(Sample sample, String fromAddress, List<Account> to, Instant sent) {
        try {
            MimeMessage m = new MimeMessage(Session.getInstance(new Properties()));
            m.setFrom(new InternetAddress(fromAddress, sample.fromName(), "UTF-8"));
            for (Account a : to) {
                m.addRecipient(MimeMessage.RecipientType.TO, new InternetAddress(a.email(), a.displayName(), "UTF-8"));
            }
            m.setSubject(sample.subject(), "UTF-8");
            m.setSentDate(Date.from(sent));
            m.setText(sample.body(), "UTF-8");
            m.saveChanges();
            m.setHeader("Message-ID", "<demo-" + UUID.randomUUID() + "@ac-dijon.fr>");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            m.writeTo(out);
            return out.toByteArray();
        } catch (jakarta.mail.MessagingException | java.io.IOException e) {
            throw new IllegalStateException("demo message", e);
        }
    }
}
