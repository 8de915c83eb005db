package fr.preau.mail.internal.mime;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * RFC 2047 encoded words ({@code =?charset?B|Q?text?=}) decoded leniently, as mail clients do:
 * words glued to text or holding spaces are decoded too, whitespace between adjacent words is
 * dropped, adjacent words of one charset are joined as bytes before decoding (senders split
 * multi-byte characters and ISO-2022-JP escapes across words), broken Base64 or Q text gives
 * what can be read. Charsets follow {@link Charsets}. Anything that is not a well-formed
 * encoded word stays as it is.
 */
final class EncodedWords {

    private EncodedWords() {}

    static String decode(String text) {
        if (text == null) {
            return null;
        }
        int first = text.indexOf("=?");
        if (first < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        Pending pending = null;
        int i = 0;
        while (true) {
            int start = text.indexOf("=?", i);
            if (start < 0) {
                break;
            }
            Word word = parseWord(text, start);
            if (word == null) {
                if (pending != null) {
                    pending.flush(out);
                    pending = null;
                }
                out.append(text, i, start + 2);
                i = start + 2;
                continue;
            }
            boolean onlySpace = isBlank(text, i, start);
            if (pending != null && onlySpace) {
                if (!pending.charset.equalsIgnoreCase(word.charset)) {
                    pending.flush(out);
                    pending = new Pending(word.charset);
                }
            } else {
                if (pending != null) {
                    pending.flush(out);
                }
                out.append(text, i, start);
                pending = new Pending(word.charset);
            }
            word.decodeInto(text, pending.bytes);
            i = word.end;
        }
        if (pending != null) {
            pending.flush(out);
        }
        out.append(text, i, text.length());
        return out.toString();
    }

    private static boolean isBlank(String text, int from, int to) {
        for (int k = from; k < to; k++) {
            char c = text.charAt(k);
            if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
                return false;
            }
        }
        return true;
    }

    /** Parses {@code =?charset?X?payload?=} at {@code start}, or null. */
    private static Word parseWord(String text, int start) {
        int q1 = text.indexOf('?', start + 2);
        if (q1 < 0 || q1 == start + 2 || q1 - start > 80) {
            return null;
        }
        for (int k = start + 2; k < q1; k++) {
            char c = text.charAt(k);
            if (c <= ' ' || c == '=' || c > 126) {
                return null;
            }
        }
        if (q1 + 2 >= text.length() || text.charAt(q1 + 2) != '?') {
            return null;
        }
        char encoding = Character.toUpperCase(text.charAt(q1 + 1));
        if (encoding != 'B' && encoding != 'Q') {
            return null;
        }
        int payloadStart = q1 + 3;
        int close = text.indexOf("?=", payloadStart);
        if (close < 0) {
            return null;
        }
        String charset = text.substring(start + 2, q1);
        int star = charset.indexOf('*'); // RFC 2231 language: =?utf-8*fr?Q?...?=
        if (star >= 0) {
            charset = charset.substring(0, star);
        }
        return new Word(charset, encoding, payloadStart, close, close + 2);
    }

    private record Word(String charset, char encoding, int from, int to, int end) {
        void decodeInto(String text, ByteArrayOutputStream bytes) {
            if (encoding == 'B') {
                base64(text, from, to, bytes);
            } else {
                quoted(text, from, to, bytes);
            }
        }
    }

    private static final class Pending {
        final String charset;
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);

        Pending(String charset) {
            this.charset = charset;
        }

        void flush(StringBuilder out) {
            byte[] b = bytes.toByteArray();
            out.append(Charsets.decode(b, 0, b.length, charset));
        }
    }

    private static void quoted(String text, int from, int to, ByteArrayOutputStream out) {
        for (int k = from; k < to; k++) {
            char c = text.charAt(k);
            if (c == '_') {
                out.write(' ');
            } else if (c == '=' && hex(text, k + 1, to) >= 0) {
                out.write(hex(text, k + 1, to));
                k += 2;
            } else if (c < 0x80) {
                out.write(c);
            } else {
                byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                out.write(utf8, 0, utf8.length);
            }
        }
    }

    private static int hex(String text, int at, int limit) {
        if (at + 1 >= limit) {
            return -1;
        }
        int hi = Character.digit(text.charAt(at), 16);
        int lo = Character.digit(text.charAt(at + 1), 16);
        return hi < 0 || lo < 0 ? -1 : (hi << 4) | lo;
    }

    /** Lenient Base64: characters outside the alphabet are skipped, padding is optional. */
    static void base64(CharSequence text, int from, int to, ByteArrayOutputStream out) {
        int buffer = 0;
        int bits = 0;
        for (int k = from; k < to; k++) {
            char c = text.charAt(k);
            int v = base64Value(c);
            if (v < 0) {
                if (c == '=') {
                    break;
                }
                continue;
            }
            buffer = (buffer << 6) | v;
            bits += 6;
            if (bits >= 8) {
                bits -= 8;
                out.write((buffer >> bits) & 0xff);
            }
        }
    }

    static int base64Value(int c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 26;
        }
        if (c >= '0' && c <= '9') {
            return c - '0' + 52;
        }
        if (c == '+' || c == '-') {
            return 62;
        }
        if (c == '/' || c == '_') {
            return 63;
        }
        return -1;
    }
}
