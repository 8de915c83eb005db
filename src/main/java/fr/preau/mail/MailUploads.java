package fr.preau.mail;

import fr.preau.mail.internal.compose.ComposeProperties;
import fr.preau.mail.internal.compose.UploadRepository;
import fr.preau.platform.BlobStore;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Files an agent attaches while writing a message in the web mail: stored as blobs at once (so
 * that the form never carries them), attached by their id ({@link DraftAttachment#upload}),
 * removed when the message is sent, when discarded, or after a day. A file larger than the
 * message size limit (25 MB by default), or that does not fit in what is left of the quota with
 * the other pending uploads, is refused with a {@link ComposeException}.
 */
@Service
public class MailUploads {

    private static final Logger log = LoggerFactory.getLogger(MailUploads.class);
    private static final Pattern MEDIA_TYPE = Pattern.compile("[a-z0-9][a-z0-9!#$&^_.+-]{0,126}/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}");

    private final UploadRepository uploads;
    private final BlobStore blobs;
    private final MailQuotas quotas;
    private final ComposeProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;

    MailUploads(UploadRepository uploads, BlobStore blobs, MailQuotas quotas, ComposeProperties properties,
                PlatformTransactionManager transactions, Clock clock) {
        this.uploads = uploads;
        this.blobs = blobs;
        this.quotas = quotas;
        this.properties = properties;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    public static MailUploads of(UploadRepository uploads, BlobStore blobs, MailQuotas quotas,
                                 ComposeProperties properties, PlatformTransactionManager transactions, Clock clock) {
        return new MailUploads(uploads, blobs, quotas, properties, transactions, clock);
    }

    /** Stores an uploaded file for the account; the stream is read to its end (or to the limit) and not closed. */
    public Upload stage(long accountId, String filename, String contentType, InputStream data) {
        long max = properties.maxMessageBytes();
        BlobStore.Blob blob;
        try {
            blob = blobs.write(new Limited(data, max));
        } catch (Limited.TooBig e) {
            throw ComposeException.of("attachments", "compose.error.attachment-too-big", megabytes(max));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store the uploaded file", e);
        }
        String name = filename(filename);
        String type = mediaType(contentType);
        QuotaUsage usage = quotas.usage(accountId);
        if (!usage.fits(uploads.pendingBytes(accountId) + blob.size())) {
            throw ComposeException.of("attachments", "compose.error.attachment-over-quota", name, usage.limitMegabytes());
        }
        long id = transaction.execute(status -> {
            blobs.claim(blob);
            return uploads.insert(accountId, name, type, blob.size(), blob.hash(), clock.instant());
        });
        return get(accountId, id);
    }

    /** The account's upload; {@link ComposeException} when it is gone (sent, discarded, expired) or another account's. */
    public Upload get(long accountId, long uploadId) {
        return uploads.get(accountId, uploadId).map(UploadRepository.Stored::upload)
                .orElseThrow(() -> ComposeException.of("attachments", "compose.error.upload-not-found"));
    }

    /** The uploaded bytes (to show or download the file before sending). */
    public InputStream open(long accountId, long uploadId) {
        UploadRepository.Stored stored = uploads.get(accountId, uploadId)
                .orElseThrow(() -> ComposeException.of("attachments", "compose.error.upload-not-found"));
        try {
            return blobs.open(stored.blobHash());
        } catch (IOException e) {
            throw new UncheckedIOException("the uploaded file cannot be read", e);
        }
    }

    /** Removes an upload of the account; nothing happens for an unknown one. */
    public void discard(long accountId, long uploadId) {
        uploads.delete(accountId, List.of(uploadId));
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT10M")
    void scheduledCleanup() {
        int removed = purgeExpired();
        if (removed > 0) {
            log.info("Removed {} upload(s) older than {}", removed, properties.uploadLifetime());
        }
    }

    /** Removes the uploads older than their lifetime (a day by default); their blobs go with the collector. */
    public int purgeExpired() {
        return uploads.deleteOlderThan(clock.instant().minus(properties.uploadLifetime()));
    }

    static long megabytes(long bytes) {
        return bytes / (1024 * 1024);
    }

    /** The last path element, without control characters, at most 200 characters; a name of our own when empty. */
    static String filename(String name) {
        String s = name == null ? "" : name;
        s = s.substring(Math.max(s.lastIndexOf('/'), s.lastIndexOf('\\')) + 1);
        s = s.replaceAll("\\p{Cntrl}", "").strip();
        if (s.length() > 200) {
            int dot = s.lastIndexOf('.');
            String ext = dot > 0 && s.length() - dot <= 10 ? s.substring(dot) : "";
            s = s.substring(0, 200 - ext.length()) + ext;
        }
        return s.isEmpty() || s.equals(".") || s.equals("..") ? "piece-jointe" : s;
    }

    static String mediaType(String type) {
        String s = type == null ? "" : type.strip().toLowerCase(Locale.ROOT);
        int semicolon = s.indexOf(';');
        if (semicolon >= 0) {
            s = s.substring(0, semicolon).strip();
        }
        return MEDIA_TYPE.matcher(s).matches() ? s : "application/octet-stream";
    }

    /** Stops reading past {@code max} octets. */
    private static final class Limited extends FilterInputStream {

        static final class TooBig extends IOException {
            TooBig() {
                super("upload too big");
            }
        }

        private final long max;
        private long count;

        Limited(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0 && ++count > max) {
                throw new TooBig();
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0 && (count += n) > max) {
                throw new TooBig();
            }
            return n;
        }

        @Override
        public void close() {
            // the caller's stream
        }
    }
}
