package fr.preau.delivery.internal.smtp;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The server's side of a connection: replies are buffered and go out on {@link #flush}, which
 * the session calls before it waits for the client. Locked, because a server shutting down
 * may write its last {@code 421} from another thread.
 */
final class SmtpOutput {

    private final ReentrantLock lock = new ReentrantLock();
    private OutputStream out;

    SmtpOutput(OutputStream out) {
        this.out = new BufferedOutputStream(out, 4096);
    }

    void write(SmtpReply reply) throws IOException {
        write(reply.wire());
    }

    /** The greeting or a closing line: {@code code [enhanced ]hostname text}, without the RFC 2034 rules. */
    void writeBanner(int code, String enhancedCode, String hostname, String text) throws IOException {
        SmtpReply clean = SmtpReply.of(code, null, hostname + (text == null || text.isBlank() ? "" : " " + text));
        String line = clean.lines().getFirst();
        write(code + " " + (enhancedCode == null ? "" : enhancedCode + " ") + line + "\r\n");
    }

    void flush() throws IOException {
        lock.lock();
        try {
            out.flush();
        } finally {
            lock.unlock();
        }
    }

    /** Writes to {@code next} from now on (after the TLS handshake). */
    void switchTo(OutputStream next) {
        lock.lock();
        try {
            out = new BufferedOutputStream(next, 4096);
        } finally {
            lock.unlock();
        }
    }

    /** Tries to write and flush a last reply without waiting for the lock (shutdown, from another thread). */
    boolean tryWriteNow(String wire) {
        try {
            if (!lock.tryLock(1, TimeUnit.SECONDS)) {
                return false;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        try {
            out.write(wire.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return true;
        } catch (IOException e) {
            return false;
        } finally {
            lock.unlock();
        }
    }

    private void write(String wire) throws IOException {
        lock.lock();
        try {
            out.write(wire.getBytes(StandardCharsets.US_ASCII));
        } finally {
            lock.unlock();
        }
    }
}
