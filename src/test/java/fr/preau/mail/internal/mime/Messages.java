package fr.preau.mail.internal.mime;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Test messages written as text blocks (LF turned into CRLF), parsed and extracted. */
final class Messages {

    private Messages() {}

    static byte[] crlf(String text) {
        return crlf(text, StandardCharsets.UTF_8);
    }

    static byte[] crlf(String text, Charset charset) {
        return text.replace("\r\n", "\n").replace("\n", "\r\n").getBytes(charset);
    }

    static ParsedMessage parse(byte[] bytes) {
        try {
            return new MimeParser().parse(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ParsedMessage parse(String text) {
        return parse(crlf(text));
    }

    static String raw(byte[] message, String section) {
        return read(extract(message, section, false));
    }

    static String decoded(byte[] message, String path) {
        return read(extract(message, path, true));
    }

    static byte[] decodedBytes(byte[] message, String path) {
        try (InputStream in = extract(message, path, true).orElseThrow()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Optional<InputStream> extract(byte[] message, String section, boolean decoded) {
        try {
            PartExtractor extractor = new PartExtractor();
            return decoded ? extractor.decoded(new ByteArrayInputStream(message), section)
                    : extractor.raw(new ByteArrayInputStream(message), section);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Optional<InputStream> in) {
        if (in.isEmpty()) {
            return null;
        }
        try (InputStream s = in.get()) {
            return new String(s.readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
