package fr.preau.mail.internal.mime;

import java.io.InputStream;
import org.apache.james.mime4j.codec.Base64InputStream;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.QuotedPrintableInputStream;

/** Undoing {@code Content-Transfer-Encoding} leniently (mime4j decoders, errors ignored); other encodings pass through. */
final class TransferEncodings {

    private TransferEncodings() {}

    static InputStream decode(InputStream in, String encoding) {
        if (encoding == null) {
            return in;
        }
        return switch (encoding) {
            case "base64", "x-base64" -> new Base64InputStream(in, DecodeMonitor.SILENT);
            case "quoted-printable", "x-quoted-printable", "qp" -> new QuotedPrintableInputStream(in, DecodeMonitor.SILENT);
            default -> in;
        };
    }

    static boolean isBase64(String encoding) {
        return "base64".equals(encoding) || "x-base64".equals(encoding);
    }

    static boolean isIdentity(String encoding) {
        return !isBase64(encoding) && !"quoted-printable".equals(encoding) && !"x-quoted-printable".equals(encoding)
                && !"qp".equals(encoding);
    }
}
