package fr.preau.delivery.durability;

import static org.assertj.core.api.Assertions.assertThat;

import fr.preau.delivery.internal.outbound.SmtpSink;
import fr.preau.delivery.internal.smtp.ScriptedClient;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A blob store that cannot be written gives a temporary failure ({@code 451 4.3.0}), never a
 * {@code 250}, on the MX and on submission, and mail is taken again once it can be. The server
 * is the packaged jar on the embedded H2 database (which is not touched: only
 * {@code <data>/blobs} fails).
 *
 * <p>The failure simulated: <b>a full disk</b>. A 1 MB tmpfs is mounted over the running
 * server's {@code <data>/blobs} and filled up with a file of the test's, so that writing a blob
 * fails with {@code ENOSPC} ("No space left on device"); deleting the filler gives the space
 * back. Where mounting is not allowed (not root, or no CAP_SYS_ADMIN in a container), the
 * test falls back to <b>a blob directory that cannot be created</b>: {@code <data>/blobs} is
 * moved aside and a regular file of that name put in its place (which stops root too, unlike
 * file permissions), then the directory is moved back.
 */
class BlobWriteFailureIT {

    static final String CAMILLE = "camille.martin@ac-dijon.fr";
    static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path work;

    @Test
    void aBlobStoreThatCannotBeWrittenGivesTemporaryFailuresUntilItCan() throws Exception {
        PreauServer.assumePackaged();
        Path data = work.resolve("data");
        try (SmtpSink sink = SmtpSink.start()) {
            PreauServer server = PreauServer.start(PreauServer.environment(data, sink.port()),
                    PreauServer.logFile(getClass(), "server"));
            BrokenBlobs broken = null;
            try {
                Smtp.Mail before = Smtp.mail("before-failure", "Parent <parent@example.org>", List.of(CAMILLE), 5_000);
                try (ScriptedClient mx = Smtp.mx(server.mxPort())) {
                    assertThat(Smtp.send(mx, "parent@example.org", before).accepted()).as("before the failure").isTrue();
                }
                Smtp.Mail toMx = Smtp.mail("mx-disk-full", "Parent <parent@example.org>", List.of(CAMILLE), 20_000);
                Smtp.Mail submitted = Smtp.mail("submission-disk-full", "thomas.bernard@ac-dijon.fr",
                        List.of("collegue@universite.example", CAMILLE), 20_000);
                Smtp.Mail afterMx = Smtp.mail("mx-after-failure", "Parent <parent@example.org>", List.of(CAMILLE), 20_000);
                Smtp.Mail afterSubmission = Smtp.mail("submission-after-failure", "thomas.bernard@ac-dijon.fr",
                        List.of("collegue@universite.example", CAMILLE), 20_000);
                try (ScriptedClient mx = Smtp.mx(server.mxPort());
                     ScriptedClient submission = Smtp.submission(server.submissionPort(), "tbernard")) {
                    broken = BrokenBlobs.breakIn(data.resolve("blobs"));
                    assertTemporaryStorageFailure(Smtp.send(mx, "parent@example.org", toMx), "MX, " + broken);
                    assertTemporaryStorageFailure(Smtp.send(submission, "thomas.bernard@ac-dijon.fr", submitted),
                            "submission, " + broken);

                    broken.repair();
                    assertThat(Smtp.send(mx, "parent@example.org", afterMx).accepted()).as("MX after the repair").isTrue();
                    assertThat(Smtp.send(submission, "thomas.bernard@ac-dijon.fr", afterSubmission).accepted())
                            .as("submission after the repair").isTrue();
                }
                Waits.until("the message submitted after the repair at the smarthost", TIMEOUT,
                        () -> atSmarthost(sink, afterSubmission) == 1, server::log);
                try (MailStore store = MailStore.h2(data)) {
                    List<MailStore.StoredMessage> rows = store.messages();
                    assertThat(rows).extracting(MailStore.StoredMessage::messageId)
                            .containsOnlyOnce(before.messageId(), afterMx.messageId(), afterSubmission.messageId())
                            .doesNotContain(toMx.messageId(), submitted.messageId());
                    // blobs written before the breakage (the demo's own mail, "before") may be hidden under the mount
                    java.util.Set<String> afterRepair = java.util.Set.of(afterMx.messageId(), afterSubmission.messageId());
                    for (MailStore.StoredMessage row : rows) {
                        if (afterRepair.contains(row.messageId()) || broken.keepsEarlierBlobs()) {
                            assertThat(store.blobProblem(row.blobHash(), row.size())).as("blob of %s", row.messageId())
                                    .isNull();
                        }
                    }
                    assertThat(store.queue()).as("queued: only what was submitted after the repair")
                            .singleElement().satisfies(q -> assertThat(q.status()).isEqualTo("delivered"));
                }
                assertThat(atSmarthost(sink, submitted)).as("refused while the disk was full: never sent").isZero();
            } finally {
                server.stop();
                if (broken != null) {
                    broken.close();
                }
            }
        }
    }

    private static void assertTemporaryStorageFailure(Smtp.Outcome outcome, String what) {
        assertThat(outcome.code()).as("%s: %s", what, outcome).isEqualTo(451);
        assertThat(outcome.reply()).as(what).contains("4.3.0");
        assertThat(outcome.step()).as(what).isEqualTo("end of DATA");
    }

    private static long atSmarthost(SmtpSink sink, Smtp.Mail mail) {
        return sink.transactions().stream().filter(t -> mail.messageId().equals(Smtp.messageId(t.data()))).count();
    }

    /** The blob directory made unwritable, by one of the two means the class says. */
    private abstract static class BrokenBlobs implements AutoCloseable {
        final Path blobs;

        BrokenBlobs(Path blobs) {
            this.blobs = blobs;
        }

        static BrokenBlobs breakIn(Path blobs) throws Exception {
            FullDisk full = FullDisk.mount(blobs);
            return full != null ? full : MissingDirectory.replace(blobs);
        }

        /** Makes blobs writable again. */
        abstract void repair() throws Exception;

        /** Whether blobs written before the failure are still where the server reads them (not under a mount). */
        abstract boolean keepsEarlierBlobs();

        @Override
        public void close() throws Exception {}
    }

    /** A full 1 MB tmpfs over the blob directory. */
    private static final class FullDisk extends BrokenBlobs {
        private final Path filler;
        private boolean mounted = true;

        private FullDisk(Path blobs) {
            super(blobs);
            this.filler = blobs.resolve("filler");
        }

        /** Null when mounting is not allowed here (or not wanted: {@code -Dpreau.test.mount=false}). */
        static FullDisk mount(Path blobs) throws Exception {
            Files.createDirectories(blobs);
            if (!Boolean.parseBoolean(System.getProperty("preau.test.mount", "true"))
                    || run("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", blobs.toString()) != 0) {
                return null;
            }
            FullDisk disk = new FullDisk(blobs);
            byte[] chunk = new byte[64 * 1024];
            try (OutputStream out = Files.newOutputStream(disk.filler, StandardOpenOption.CREATE_NEW)) {
                for (int i = 0; i < 64; i++) { // at most 4 MB: the 1 MB fills long before
                    out.write(chunk);
                    out.flush();
                }
            } catch (IOException full) {
                return disk; // "No space left on device": what the test wants
            }
            disk.close();
            throw new IllegalStateException("the 1 MB tmpfs at " + blobs + " did not fill up");
        }

        @Override
        void repair() throws IOException {
            Files.delete(filler);
        }

        @Override
        boolean keepsEarlierBlobs() {
            return false;
        }

        @Override
        public void close() throws Exception {
            if (mounted) {
                mounted = run("umount", blobs.toString()) != 0;
            }
        }

        @Override
        public String toString() {
            return "blob directory on a full file system (tmpfs)";
        }
    }

    /** A regular file where the blob directory should be. */
    private static final class MissingDirectory extends BrokenBlobs {
        private final Path aside;

        private MissingDirectory(Path blobs) {
            super(blobs);
            this.aside = blobs.resolveSibling("blobs.aside");
        }

        static MissingDirectory replace(Path blobs) throws IOException {
            MissingDirectory broken = new MissingDirectory(blobs);
            Files.move(blobs, broken.aside);
            Files.writeString(blobs, "not a directory");
            return broken;
        }

        @Override
        void repair() throws IOException {
            Files.delete(blobs);
            Files.move(aside, blobs);
        }

        @Override
        boolean keepsEarlierBlobs() {
            return true;
        }

        @Override
        public String toString() {
            return "blob directory replaced by a regular file";
        }
    }

    private static int run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return -1;
        }
        return process.exitValue();
    }
}
