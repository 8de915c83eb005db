package fr.preau.delivery.internal.smtp;

import java.io.EOFException;
import java.io.IOException;

/**
 * Reads the message after DATA's 354, up to the end-of-data line, into a {@link MessageSpool}.
 *
 * <ul>
 * <li><b>End of data</b> is only {@code CRLF "." CRLF} (RFC 5321 section 4.1.1.4): a "."
 *     line counts only when the line before it ended in CRLF and it ends in CRLF itself.
 *     {@code LF "." LF}, {@code CRLF "." LF}, {@code LF "." CRLF} or {@code CR "." CR} never
 *     end the data: accepting any of them is what SMTP smuggling exploits (a message that
 *     holds a second, forged one that another server would cut differently). Such a lone "."
 *     line is kept as message content.</li>
 * <li><b>Line endings</b>: CRLF, and for leniency a bare LF or a bare CR, each end one line;
 *     what is stored always has CRLF (as Postfix's {@code smtpd_forbid_bare_newline=normalize}),
 *     so that no other reader of the stored message can see different lines than we did.</li>
 * <li><b>Dot-unstuffing</b>: a leading "." is removed from lines that have more after it.</li>
 * <li><b>Size</b> is counted on what is stored; past the maximum the rest is read and dropped,
 *     and past twice the maximum reading stops (the connection is then closed).</li>
 * <li><b>Hops</b>: {@code Received:} fields of the header section are counted.</li>
 * </ul>
 * Lines in DATA may be of any length.
 */
final class MessageReader {

    /** How reading ended. */
    enum Outcome {
        /** The end-of-data line was read; the message is in the spool. */
        COMPLETE,
        /** The end-of-data line was read, but the message was larger than allowed and dropped. */
        TOO_BIG,
        /** The message went on far beyond the limit: reading stopped before its end. */
        ABANDONED
    }

    record Result(Outcome outcome, long size, int receivedHeaders) {}

    private static final byte[] RECEIVED = "received".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final SmtpInput input;
    private final MessageSpool spool;
    private final long maxSize;

    private long size;
    private boolean tooBig;
    private boolean inHeaders = true;
    private int receivedHeaders;
    private final byte[] lineStart = new byte[RECEIVED.length + 8];
    private int lineStartLength;
    private long lineLength;

    MessageReader(SmtpInput input, MessageSpool spool, long maxSize) {
        this.input = input;
        this.spool = spool;
        this.maxSize = maxSize;
    }

    Result read() throws IOException {
        boolean previousCrlf = true; // the DATA command line ended the previous line
        boolean atLineStart = true;
        boolean heldDot = false;     // the line so far is a single "." (not yet written)
        boolean pendingCr = false;
        long discardLimit = maxSize; // past the maximum, as much again is read and dropped
        long dropped = 0;
        while (true) {
            int b = input.read();
            if (b < 0) {
                throw new EOFException("connection closed in DATA");
            }
            if (tooBig && ++dropped > discardLimit) {
                return new Result(Outcome.ABANDONED, size, receivedHeaders);
            }
            if (pendingCr) {
                pendingCr = false;
                if (b == '\n') {
                    if (heldDot && previousCrlf) {
                        return new Result(tooBig ? Outcome.TOO_BIG : Outcome.COMPLETE, size, receivedHeaders);
                    }
                    endLine(heldDot);
                    heldDot = false;
                    atLineStart = true;
                    previousCrlf = true;
                    continue;
                }
                endLine(heldDot); // a bare CR ended the line
                heldDot = false;
                atLineStart = true;
                previousCrlf = false;
            }
            if (b == '\r') {
                pendingCr = true;
                continue;
            }
            if (b == '\n') { // a bare LF
                endLine(heldDot);
                heldDot = false;
                atLineStart = true;
                previousCrlf = false;
                continue;
            }
            if (atLineStart) {
                atLineStart = false;
                if (b == '.') {
                    heldDot = true;
                    continue;
                }
            } else if (heldDot) {
                heldDot = false; // a stuffed dot: dropped
            }
            put(b);
        }
    }

    private void endLine(boolean loneDot) throws IOException {
        if (loneDot) {
            put('.');
        }
        if (inHeaders) {
            if (lineLength == 0) {
                inHeaders = false;
            } else if (isReceived()) {
                receivedHeaders++;
            }
        }
        lineStartLength = 0;
        lineLength = 0;
        store('\r');
        store('\n');
    }

    private void put(int b) throws IOException {
        if (inHeaders && lineStartLength < lineStart.length) {
            lineStart[lineStartLength++] = (byte) b;
        }
        lineLength++;
        store(b);
    }

    private void store(int b) throws IOException {
        size++;
        if (tooBig) {
            return;
        }
        if (size > maxSize) {
            tooBig = true;
            spool.discard();
            return;
        }
        spool.write(b);
    }

    /** Whether the current header line is a {@code Received:} field (name, optional blanks, colon). */
    private boolean isReceived() {
        if (lineStartLength <= RECEIVED.length) {
            return false;
        }
        for (int i = 0; i < RECEIVED.length; i++) {
            if (Character.toLowerCase(lineStart[i]) != RECEIVED[i]) {
                return false;
            }
        }
        for (int i = RECEIVED.length; i < lineStartLength; i++) {
            byte c = lineStart[i];
            if (c == ':') {
                return true;
            }
            if (c != ' ' && c != '\t') {
                return false;
            }
        }
        return false;
    }
}
