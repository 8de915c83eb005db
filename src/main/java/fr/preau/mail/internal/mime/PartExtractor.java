package fr.preau.mail.internal.mime;

import fr.preau.mail.mime.Attachment;
import fr.preau.mail.mime.MimePart;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.stream.EntityState;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeTokenStream;
import org.apache.james.mime4j.stream.RecursionMode;
import org.apache.james.mime4j.util.ByteSequence;
import org.springframework.stereotype.Component;

/**
 * Streams one section of a stored raw message, by re-parsing the blob with mime4j's streaming
 * parser up to the part (bodies of other parts are read through, never buffered), for IMAP
 * {@code FETCH BODY[...]} and for display and download.
 *
 * <p>Sections are IMAP section texts (RFC 3501 section 6.4.5) without the {@code HEADER.FIELDS}
 * forms: {@code ""} (the whole message), {@code HEADER}, {@code TEXT}, {@code 1.2} (a part's
 * body), {@code 1.2.MIME} (its MIME header), {@code 3.HEADER} and {@code 3.TEXT} (of a nested
 * {@code message/rfc822} at 3). Paths found in a {@link MimePart} tree all work, the
 * {@code TEXT} paths of multipart bodies included.
 *
 * <p>The streams returned read from the message stream given; closing them closes it. Raw
 * bodies of parts inside a multipart exclude the line break before the next boundary (it
 * belongs to the boundary), as IMAP wants. A MIME header is given with CRLF line ends; a
 * message {@code HEADER} exactly as in the message, blank line included. Stateless and
 * thread-safe.
 */
@Component
public class PartExtractor {

    static final int MAX_TEXT_BYTES = 16 << 20;

    private enum Keyword { NONE, HEADER, TEXT, MIME }

    /** The section's octets as they are in the message (for IMAP BODY[section]); empty when there is no such section. */
    public Optional<InputStream> raw(InputStream message, String section) throws IOException {
        return open(message, section, false);
    }

    /**
     * A part's content with its transfer encoding (Base64, quoted-printable) undone, for
     * display and download; for a {@code message/rfc822} part the nested message, for a
     * multipart its raw body. Empty when there is no such part.
     */
    public Optional<InputStream> decoded(InputStream message, String path) throws IOException {
        return open(message, path, true);
    }

    /** A file inside the TNEF part at {@code path} (see {@link Attachment#tnefIndex()}), decoded. */
    public Optional<InputStream> tnefFile(InputStream message, String path, int index) throws IOException {
        Optional<InputStream> part = decoded(message, path);
        if (part.isEmpty()) {
            return part;
        }
        InputStream file = Tnef.open(part.get(), index);
        if (file == null) {
            message.close();
            return Optional.empty();
        }
        return Optional.of(file);
    }

    /**
     * The text of a text part decoded to a string with the part's charset (the fallbacks of
     * {@link Charsets}, {@code <meta charset>} for HTML), at most 16 MB of it; empty when
     * there is no such part. Closes the message stream.
     */
    public Optional<String> text(InputStream message, MimePart part) throws IOException {
        try (InputStream in = message) {
            Optional<InputStream> content = decoded(in, part.path());
            if (content.isEmpty()) {
                return Optional.empty();
            }
            byte[] bytes = content.get().readNBytes(MAX_TEXT_BYTES);
            return Optional.of(StructureParser.decodeText(bytes, part.charset(), part.subtype().equals("html")));
        }
    }

    private Optional<InputStream> open(InputStream message, String section, boolean decode) throws IOException {
        Deque<Integer> numbers = new ArrayDeque<>();
        Keyword keyword = Keyword.NONE;
        String s = section == null ? "" : section.strip();
        if (!s.isEmpty()) {
            String[] pieces = s.split("\\.");
            for (int i = 0; i < pieces.length; i++) {
                String piece = pieces[i];
                if (i == pieces.length - 1 && !piece.isEmpty() && !Character.isDigit(piece.charAt(0))) {
                    try {
                        keyword = Keyword.valueOf(piece.toUpperCase(Locale.ROOT));
                    } catch (IllegalArgumentException e) {
                        return none(message);
                    }
                    if (keyword == Keyword.NONE) {
                        return none(message);
                    }
                    continue;
                }
                int n;
                try {
                    n = Integer.parseInt(piece);
                } catch (NumberFormatException e) {
                    return none(message);
                }
                if (n < 1) {
                    return none(message);
                }
                numbers.add(n);
            }
        }
        if (keyword == Keyword.MIME && numbers.isEmpty()) {
            return none(message);
        }
        Optional<InputStream> found;
        try {
            found = message(message, numbers, keyword, decode, 0);
        } catch (MimeException | RuntimeException e) {
            found = Optional.empty();
        }
        if (found.isEmpty()) {
            message.close();
            return found;
        }
        return Optional.of(new Closing(found.get(), message));
    }

    private static Optional<InputStream> none(InputStream message) throws IOException {
        message.close();
        return Optional.empty();
    }

    /** At a message (top-level or nested): the numbers apply to its body. */
    private Optional<InputStream> message(InputStream in, Deque<Integer> numbers, Keyword keyword, boolean decode,
            int depth) throws IOException, MimeException {
        if (numbers.isEmpty()) {
            return switch (keyword) {
                case NONE -> Optional.of(in);
                case HEADER -> {
                    BufferedInputStream buffered = new BufferedInputStream(in, 8192);
                    yield Optional.of(new ByteArrayInputStream(header(buffered, true)));
                }
                case TEXT -> {
                    BufferedInputStream buffered = new BufferedInputStream(in, 8192);
                    header(buffered, false);
                    yield Optional.of(buffered);
                }
                case MIME -> Optional.empty();
            };
        }
        PartDescriptor.Limits limits = new PartDescriptor.Limits();
        MimeTokenStream tokens = StructureParser.tokenStream(limits, depth);
        tokens.parse(in);
        List<Field> fields = new ArrayList<>();
        boolean collecting = false;
        boolean root = true;
        boolean expectBody = false;
        int level = 0;
        int targetLevel = 0;
        int wantedChild = -1;
        int childCount = 0;
        for (EntityState state = tokens.getState(); state != EntityState.T_END_OF_STREAM; state = tokens.next()) {
            switch (state) {
                case T_START_MESSAGE -> collecting = true;
                case T_FIELD -> {
                    if (collecting) {
                        fields.add(tokens.getField());
                    }
                }
                case T_END_HEADER -> {
                    if (!collecting) {
                        break;
                    }
                    collecting = false;
                    PartDescriptor d = (PartDescriptor) limits.current.build();
                    boolean multipart = d.mimeType().startsWith("multipart/");
                    boolean nested = StructureParser.isNestedMessage(d.mimeType());
                    if (root) {
                        root = false;
                        if (!multipart && numbers.pop() != 1) {
                            return Optional.empty();
                        }
                    }
                    if (numbers.isEmpty()) {
                        switch (keyword) {
                            case MIME -> {
                                return Optional.of(new ByteArrayInputStream(mimeHeader(fields)));
                            }
                            case NONE -> {
                                tokens.setRecursionMode(RecursionMode.M_FLAT);
                                expectBody = true;
                            }
                            default -> {
                                if (!nested) {
                                    return Optional.empty();
                                }
                                expectBody = true;
                            }
                        }
                    } else if (multipart) {
                        wantedChild = numbers.pop();
                        childCount = 0;
                    } else if (nested) {
                        expectBody = true;
                    } else {
                        return Optional.empty();
                    }
                }
                case T_BODY -> {
                    if (!expectBody || level != targetLevel) {
                        break;
                    }
                    PartDescriptor d = (PartDescriptor) tokens.getBodyDescriptor();
                    InputStream body = tokens.getInputStream();
                    if (numbers.isEmpty() && keyword == Keyword.NONE) {
                        boolean multipart = d.mimeType().startsWith("multipart/");
                        return Optional.of(decode && !multipart ? TransferEncodings.decode(body, d.transferEncoding()) : body);
                    }
                    InputStream nestedMessage = TransferEncodings.decode(body, d.transferEncoding());
                    return message(nestedMessage, numbers, keyword, decode, depth + level + 1);
                }
                case T_START_BODYPART -> {
                    level++;
                    if (wantedChild > 0 && level == targetLevel + 1 && ++childCount == wantedChild) {
                        targetLevel = level;
                        wantedChild = -1;
                        fields.clear();
                        collecting = true;
                    }
                }
                case T_END_BODYPART -> {
                    level--;
                    if (level < targetLevel) {
                        return Optional.empty();
                    }
                }
                case T_END_MULTIPART -> {
                    if (wantedChild > 0 && level == targetLevel) {
                        return Optional.empty();
                    }
                }
                default -> {
                    // preamble, epilogue, start of multipart, end of message
                }
            }
        }
        return Optional.empty();
    }

    /** A part's MIME header from its fields' raw octets, CRLF line ends, blank line included. */
    private static byte[] mimeHeader(List<Field> fields) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Field field : fields) {
            ByteSequence raw = field.getRaw();
            byte[] bytes = raw != null ? raw.toByteArray()
                    : (field.getName() + ": " + field.getBody()).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            out.write(bytes, 0, bytes.length);
            out.write('\r');
            out.write('\n');
        }
        out.write('\r');
        out.write('\n');
        return out.toByteArray();
    }

    /**
     * Reads a message header up to and including the blank line that ends it (or the end of
     * the stream), as mime4j delimits it; returns its octets when {@code keep}, else skips them.
     */
    static byte[] header(InputStream in, boolean keep) throws IOException {
        ByteArrayOutputStream out = keep ? new ByteArrayOutputStream(4096) : null;
        int lineLength = 0; // octets of the current line other than CR and LF
        int b;
        while ((b = in.read()) >= 0) {
            if (out != null) {
                out.write(b);
            }
            if (b == '\n') {
                if (lineLength == 0) {
                    break;
                }
                lineLength = 0;
            } else if (b != '\r') {
                lineLength++;
            }
        }
        return out == null ? null : out.toByteArray();
    }

    /** A part's stream that closes the message stream with it. */
    private static final class Closing extends FilterInputStream {
        private final InputStream message;

        Closing(InputStream in, InputStream message) {
            super(in);
            this.message = message;
        }

        @Override
        public void close() throws IOException {
            message.close();
        }
    }
}
