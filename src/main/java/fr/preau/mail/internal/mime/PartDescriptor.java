package fr.preau.mail.internal.mime;

import java.util.Locale;
import java.nio.charset.StandardCharsets;
import org.apache.james.mime4j.stream.BodyDescriptor;
import org.apache.james.mime4j.stream.BodyDescriptorBuilder;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.RawField;

/**
 * What mime4j needs to know of an entity to parse on (its effective media type, boundary and
 * transfer encoding), decided with our own lenient {@code Content-Type} parsing so that the
 * structure we report and the one mime4j follows are the same; it also carries the parsed
 * {@code Content-Type} for the structure. A multipart without a usable boundary is read as
 * {@code text/plain}; one past the depth or part limits as an opaque
 * {@code application/octet-stream}.
 */
record PartDescriptor(
        String mimeType,
        String mediaType,
        String subType,
        String boundary,
        String charset,
        String transferEncoding,
        ContentHeader contentType,
        boolean capped) implements BodyDescriptor {

    @Override
    public String getMimeType() {
        return mimeType;
    }

    @Override
    public String getMediaType() {
        return mediaType;
    }

    @Override
    public String getSubType() {
        return subType;
    }

    @Override
    public String getBoundary() {
        return boundary;
    }

    @Override
    public String getCharset() {
        return charset;
    }

    @Override
    public String getTransferEncoding() {
        return transferEncoding;
    }

    @Override
    public long getContentLength() {
        return -1;
    }

    /** Builds descriptors; one per entity, children made by {@link #newChild()}. */
    static final class Builder implements BodyDescriptorBuilder {
        static final int MAX_BOUNDARY = 8192;

        private final Limits limits;
        private final String parentMimeType;
        private final int depth;
        private RawField contentTypeField;
        private String transferEncoding;
        private PartDescriptor last;

        Builder(Limits limits, int depth) {
            this(limits, null, depth);
        }

        private Builder(Limits limits, String parentMimeType, int depth) {
            this.limits = limits;
            this.parentMimeType = parentMimeType;
            this.depth = depth;
        }

        @Override
        public void reset() {
            limits.current = this; // mime4j resets the builder of each entity as its header starts
            contentTypeField = null;
            transferEncoding = null;
            last = null;
        }

        @Override
        public Field addField(RawField field) {
            String name = field.getNameLowerCase();
            if (name.equals("content-type") && contentTypeField == null) {
                contentTypeField = field;
            } else if (name.equals("content-transfer-encoding") && transferEncoding == null) {
                String value = ContentHeader.stripComments(HeaderText.of(field).value()).trim().toLowerCase(Locale.ROOT);
                if (!value.isEmpty()) {
                    transferEncoding = value;
                }
            }
            return null;
        }

        @Override
        public BodyDescriptor build() {
            ContentHeader contentType = contentTypeField == null
                    ? ContentHeader.EMPTY
                    : ContentHeader.parse(HeaderText.of(contentTypeField).value());
            String mime = contentType.mimeTypeOrNull();
            String boundary = null;
            boolean capped = false;
            if (mime != null && mime.startsWith("multipart/")) {
                boundary = rawBoundary();
                if (boundary == null) {
                    mime = null;
                } else if (depth >= Limits.MAX_DEPTH || limits.parts >= Limits.MAX_PARTS) {
                    mime = "application/octet-stream";
                    boundary = null;
                    capped = true;
                    limits.truncated = true;
                }
            }
            if (mime == null) {
                mime = "multipart/digest".equals(parentMimeType) ? "message/rfc822" : "text/plain";
            }
            int slash = mime.indexOf('/');
            String charset = contentType.param("charset");
            last = new PartDescriptor(mime, mime.substring(0, slash), mime.substring(slash + 1), boundary,
                    charset, transferEncoding == null ? "7bit" : transferEncoding, contentType, capped);
            return last;
        }

        /** The boundary from the raw bytes (mime4j compares bytes), when it is usable. */
        private String rawBoundary() {
            byte[] raw = contentTypeField.getRaw() == null ? null : contentTypeField.getRaw().toByteArray();
            String text = raw == null ? contentTypeField.getBody() : new String(raw, StandardCharsets.ISO_8859_1);
            int colon = raw == null ? -1 : text.indexOf(':');
            ContentHeader parsed = ContentHeader.parse(HeaderText.unfold(text.substring(colon + 1)));
            String boundary = parsed.param("boundary");
            if (boundary == null || boundary.isEmpty() || boundary.length() > MAX_BOUNDARY) {
                return null;
            }
            for (int i = 0; i < boundary.length(); i++) {
                char c = boundary.charAt(i);
                if (c == '\r' || c == '\n' || c > 0xff) {
                    return null;
                }
            }
            return boundary;
        }

        @Override
        public BodyDescriptorBuilder newChild() {
            return new Builder(limits, last == null ? null : last.mimeType, depth + 1);
        }
    }

    /** Part and depth limits shared by every entity of one parse. */
    static final class Limits {
        static final int MAX_PARTS = 2000;
        static final int MAX_DEPTH = 50;

        int parts;
        boolean truncated;
        /** The builder of the entity whose header is being read, so that a reader can decide before mime4j does. */
        Builder current;
    }
}
