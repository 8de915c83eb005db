package fr.preau.delivery.internal.smtp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The client's side of a connection, read through one buffer so that pipelined commands are
 * taken one by one without losing what follows. Before any read that could block, the
 * replies written so far are flushed ({@code beforeBlocking}): replies to a pipelined group go
 * out together, once the server has answered everything the client sent (RFC 2920).
 */
final class SmtpInput {

    /** Something to do before the read blocks: flushing the pending replies. */
    interface BeforeBlocking {
        void run() throws IOException;
    }

    /** A line without its line ending, or the mark of one longer than allowed (then skipped to its end). */
    record Line(String text, boolean tooLong) {}

    private final BeforeBlocking beforeBlocking;
    private final byte[] buffer = new byte[16384];
    private InputStream in;
    private int position;
    private int limit;

    SmtpInput(InputStream in, BeforeBlocking beforeBlocking) {
        this.in = in;
        this.beforeBlocking = beforeBlocking;
    }

    /**
     * The next line, ended by CRLF or a bare LF (a trailing CR is dropped), decoded as UTF-8;
     * {@code null} when the client closed the connection. A line longer than {@code maxLength}
     * bytes is read to its end and reported as too long.
     */
    Line readLine(int maxLength) throws IOException {
        byte[] line = new byte[Math.min(maxLength, 256)];
        int length = 0;
        boolean tooLong = false;
        while (true) {
            if (position == limit && !fill()) {
                return null;
            }
            int start = position;
            int end = start;
            while (end < limit && buffer[end] != '\n') {
                end++;
            }
            int chunk = end - start;
            if (!tooLong) {
                if (length + chunk > maxLength + 1) { // + 1: room for a CR before the LF
                    tooLong = true;
                } else {
                    if (length + chunk > line.length) {
                        line = Arrays.copyOf(line, Math.max(length + chunk, line.length * 2));
                    }
                    System.arraycopy(buffer, start, line, length, chunk);
                    length += chunk;
                }
            }
            position = end;
            if (end < limit) { // found the LF
                position++;
                if (tooLong) {
                    return new Line("", true);
                }
                if (length > 0 && line[length - 1] == '\r') {
                    length--;
                }
                if (length > maxLength) {
                    return new Line("", true);
                }
                return new Line(new String(line, 0, length, StandardCharsets.UTF_8), false);
            }
        }
    }

    /** The next byte, or -1 when the client closed the connection. */
    int read() throws IOException {
        if (position == limit && !fill()) {
            return -1;
        }
        return buffer[position++] & 0xff;
    }

    /**
     * Reads from {@code next} from now on, dropping whatever was received but not read yet
     * (after STARTTLS: plain text sent before the handshake must never be taken as commands).
     *
     * @return how many bytes were dropped
     */
    int switchTo(InputStream next) {
        int dropped = limit - position;
        position = 0;
        limit = 0;
        in = next;
        return dropped;
    }

    private boolean fill() throws IOException {
        if (in.available() <= 0) {
            beforeBlocking.run();
        }
        int read = in.read(buffer, 0, buffer.length);
        if (read < 0) {
            return false;
        }
        position = 0;
        limit = read;
        return true;
    }
}
