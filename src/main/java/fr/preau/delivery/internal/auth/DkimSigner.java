package fr.preau.delivery.internal.auth;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.apache.james.jdkim.DKIMCommon;
import org.apache.james.jdkim.DKIMSigner;
import org.apache.james.jdkim.api.BodyHasher;
import org.apache.james.jdkim.api.SignatureRecord;
import org.apache.james.jdkim.exceptions.FailException;
import org.apache.james.jdkim.impl.Message;

/**
 * Signs outbound mail with the domain's DKIM key (made on first use by {@link DkimKeys}):
 * rsa-sha256, relaxed/relaxed, the whole body, a timestamp, and the headers that matter to
 * the reader (From, To, Cc, Subject, Date, Message-ID, MIME-Version, Content-Type, Reply-To,
 * In-Reply-To, References) as many times as they occur, From once more so that no second
 * From can be added without breaking the signature. Sign the message exactly as it will be
 * sent, after every other header has been added (bare LF line ends count as CRLF).
 */
public class DkimSigner {

    static final List<String> SIGNED_HEADERS = List.of("from", "to", "cc", "subject", "date", "message-id",
            "mime-version", "content-type", "reply-to", "in-reply-to", "references");
    private static final int LINE = 76;

    private final DkimKeys keys;
    private final Clock clock;

    public DkimSigner(DkimKeys keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    /**
     * The {@code DKIM-Signature} header field to put in front of the message, folded, ending
     * with CRLF.
     *
     * @param rawMessage the message (headers and body) as it will be sent; closed on return
     * @param domain     the signing domain ({@code d=}), normally the From domain
     */
    public String sign(InputStream rawMessage, String domain) {
        DkimKey key = keys.current(domain);
        Message message;
        try {
            message = new Message(rawMessage);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalArgumentException("Cannot parse the message to sign: " + e.getMessage(), e);
        }
        try {
            List<String> headers = new ArrayList<>();
            for (String name : SIGNED_HEADERS) {
                List<String> present = message.getFields(name);
                for (int i = 0; i < (present == null ? 0 : present.size()); i++) {
                    headers.add(name);
                }
            }
            headers.add("from"); // over-signed: a From added later breaks the signature
            String template = "v=1; a=rsa-sha256; c=relaxed/relaxed; d=" + key.domain() + "; s=" + key.selector()
                    + "; t=" + clock.instant().getEpochSecond() + "; h=" + String.join(":", headers) + "; bh=; b=;";
            DKIMSigner signer = new DKIMSigner(template, key.privateKey());
            SignatureRecord record = signer.newSignatureRecordTemplate(template);
            BodyHasher body = signer.newBodyHasher(record);
            DKIMCommon.streamCopy(message.getBodyInputStream(), body.getOutputStream());
            return fold(signer.sign(message, body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (FailException e) {
            throw new IllegalStateException("DKIM signing failed: " + e.getMessage(), e);
        } finally {
            message.dispose();
            try {
                rawMessage.close();
            } catch (IOException ignored) {
                // read to the end already
            }
        }
    }

    /**
     * Folds jDKIM's one-line {@code DKIM-Signature: tag=value; ...} between tags (where it has
     * a space already) and inside the b= value (whose white space verifiers drop), so that
     * relaxed canonicalisation sees exactly what was signed.
     */
    static String fold(String field) {
        int colon = field.indexOf(':');
        String name = field.substring(0, colon);
        String[] tags = field.substring(colon + 1).trim().split(";");
        StringBuilder out = new StringBuilder(name).append(":");
        int lineLength = out.length();
        for (String raw : tags) {
            String tag = raw.trim();
            if (tag.isEmpty()) {
                continue;
            }
            String piece = tag + ";";
            if (tag.startsWith("b=")) {
                out.append(lineLength + 1 + 2 > LINE ? "\r\n\t" : " ").append("b=");
                lineLength = out.length() - out.lastIndexOf("\n");
                String value = tag.substring(2);
                for (int i = 0; i < value.length(); ) {
                    int room = Math.max(1, LINE - lineLength);
                    int end = Math.min(value.length(), i + room);
                    out.append(value, i, end);
                    i = end;
                    if (i < value.length()) {
                        out.append("\r\n\t");
                        lineLength = 1;
                    } else {
                        lineLength += value.length();
                    }
                }
                out.append(';');
                lineLength = out.length() - out.lastIndexOf("\n");
                continue;
            }
            if (lineLength + 1 + piece.length() > LINE && lineLength > name.length() + 1) {
                out.append("\r\n\t").append(piece);
                lineLength = 1 + piece.length();
            } else {
                out.append(' ').append(piece);
                lineLength += 1 + piece.length();
            }
        }
        return out.append("\r\n").toString();
    }
}
