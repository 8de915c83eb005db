package fr.preau.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.preau.identity.Account;
import fr.preau.mail.internal.compose.ComposeProperties;
import fr.preau.mail.internal.compose.UploadRepository;
import fr.preau.testsupport.DatabaseContract;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Uploads of the web mail's compose form on the store: names, bytes, account checks, expiry after a day. */
abstract class MailUploadsContract extends DatabaseContract {

    MailServices mail;
    MailUploads uploads;
    Account camille;
    Account thomas;

    @BeforeEach
    void setUp() {
        mail = MailServices.on(db);
        uploads = MailUploads.of(new UploadRepository(db.jdbc()), mail.blobs(), mail.quotas(), ComposeProperties.DEFAULTS,
                db.transactionManager(), mail.identity().clock());
        camille = mail.agent("Camille", "Martin");
        thomas = mail.agent("Thomas", "Bernard");
    }

    Upload stage(Account a, String name, String type, String content) {
        return uploads.stage(a.id(), name, type, new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void keepsTheBytesUnderACleanNameForItsAccountOnly() throws Exception {
        Upload u = stage(camille, "C:\\Users\\camille\\Bulletin trimestre é.pdf", "Application/PDF; name=x", "%PDF");
        assertThat(u.filename()).isEqualTo("Bulletin trimestre é.pdf");
        assertThat(u.contentType()).isEqualTo("application/pdf");
        assertThat(u.size()).isEqualTo(4);
        try (InputStream in = uploads.open(camille.id(), u.id())) {
            assertThat(in.readAllBytes()).isEqualTo("%PDF".getBytes(StandardCharsets.US_ASCII));
        }
        assertThat(stage(camille, "../", "n'importe quoi", "x").filename()).isEqualTo("piece-jointe");
        assertThat(stage(camille, "a.txt", "n'importe quoi", "x").contentType()).isEqualTo("application/octet-stream");
        assertThatThrownBy(() -> uploads.get(thomas.id(), u.id())).isInstanceOf(ComposeException.class);
        assertThatThrownBy(() -> uploads.open(thomas.id(), u.id())).isInstanceOf(ComposeException.class);
        uploads.discard(thomas.id(), u.id());
        assertThat(uploads.get(camille.id(), u.id())).isEqualTo(u);
        uploads.discard(camille.id(), u.id());
        assertThatThrownBy(() -> uploads.get(camille.id(), u.id())).isInstanceOf(ComposeException.class)
                .extracting(e -> ((ComposeException) e).key()).isEqualTo("compose.error.upload-not-found");
    }

    @Test
    void uploadsOlderThanADayAreRemoved() {
        Upload old = stage(camille, "ancien.txt", "text/plain", "ancien");
        mail.identity().clock().advance(Duration.ofHours(23));
        Upload recent = stage(camille, "recent.txt", "text/plain", "récent");
        mail.identity().clock().advance(Duration.ofHours(2));
        assertThat(uploads.purgeExpired()).isEqualTo(1);
        assertThatThrownBy(() -> uploads.get(camille.id(), old.id())).isInstanceOf(ComposeException.class);
        assertThat(uploads.get(camille.id(), recent.id()).filename()).isEqualTo("recent.txt");
    }
}
