package fr.preau.mail.internal.mime;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts what passes through: octets, line feeds (for IMAP line counts), whether the last
 * octet was a line feed, and optionally the Base64 alphabet characters (to know the decoded
 * size of a Base64 body without decoding it).
 */
final class CountingInputStream extends FilterInputStream {

    private static final boolean[] BASE64 = new boolean[256];

    static {
        for (int c = 'A'; c <= 'Z'; c++) {
            BASE64[c] = true;
        }
        for (int c = 'a'; c <= 'z'; c++) {
            BASE64[c] = true;
        }
        for (int c = '0'; c <= '9'; c++) {
            BASE64[c] = true;
        }
        BASE64['+'] = true;
        BASE64['/'] = true;
    }

    private final boolean countBase64;
    private long count;
    private long lineFeeds;
    private long base64Chars;
    private boolean base64Ended;
    private int last = -1;

    CountingInputStream(InputStream in, boolean countBase64) {
        super(in);
        this.countBase64 = countBase64;
    }

    CountingInputStream(InputStream in) {
        this(in, false);
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
            see(b);
            count++;
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = in.read(buffer, offset, length);
        if (n > 0) {
            for (int i = offset, end = offset + n; i < end; i++) {
                see(buffer[i] & 0xff);
            }
            count += n;
        }
        return n;
    }

    private void see(int b) {
        if (b == '\n') {
            lineFeeds++;
        }
        if (countBase64 && !base64Ended) {
            if (BASE64[b]) {
                base64Chars++;
            } else if (b == '=') {
                base64Ended = true;
            }
        }
        last = b;
    }

    @Override
    public long skip(long n) throws IOException {
        byte[] buffer = new byte[(int) Math.min(8192, Math.max(n, 1))];
        long left = n;
        while (left > 0) {
            int r = read(buffer, 0, (int) Math.min(buffer.length, left));
            if (r < 0) {
                break;
            }
            left -= r;
        }
        return n - left;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    /** Reads to the end, counting. */
    void drain() throws IOException {
        byte[] buffer = Buffers.get();
        while (read(buffer, 0, buffer.length) >= 0) {
            // counting only
        }
    }

    long count() {
        return count;
    }

    /** Lines as IMAP counts them: line feeds, plus a last line without one. */
    long lines() {
        return lineFeeds + (count > 0 && last != '\n' ? 1 : 0);
    }

    /**
     * The decoded size of a Base64 body read so far, as mime4j's decoder gives it: whole
     * quanta, a padded last one, an unpadded incomplete last one dropped.
     */
    long base64DecodedSize() {
        long whole = base64Chars / 4 * 3;
        long rest = base64Chars % 4;
        return whole + (base64Ended && rest >= 2 ? rest - 1 : 0);
    }

    /** Closing is left to the owner of the underlying stream. */
    @Override
    public void close() {
        // the parser owns the stream
    }
}
