package fr.preau.delivery.internal.auth;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code Authentication-Results} header field (RFC 8601) that the MX adds to inbound
 * mail, and the removal of forged ones: a field that arrives claiming our authserv-id would
 * tell the reader's client that we checked what we never did, so it is renamed to
 * {@code X-Original-Authentication-Results} (RFC 8601 §5 allows deleting or renaming).
 *
 * <pre>
 * Authentication-Results: mx.ac-dijon.fr;
 *	spf=pass smtp.mailfrom=example.org;
 *	dkim=pass header.d=example.org header.s=sel;
 *	dmarc=pass (p=reject dis=none) header.from=example.org
 * </pre>
 */
public final class AuthenticationResults {

    public static final String NAME = "Authentication-Results";
    public static final String RENAMED = "X-Original-Authentication-Results";

    private AuthenticationResults() {}

    /** The whole header field, folded, ending with CRLF, ready to put in front of the message. */
    public static String header(String authservId, SpfResult spf, List<DkimResult> dkim, DmarcResult dmarc) {
        return NAME + ": " + value(authservId, spf, dkim, dmarc) + "\r\n";
    }

    /** The field's value only, folded (for APIs that add the name themselves). */
    public static String value(String authservId, SpfResult spf, List<DkimResult> dkim, DmarcResult dmarc) {
        List<String> results = new ArrayList<>();
        if (spf != null) {
            results.add("spf=" + spf.result().keyword() + " " + spf.identity().property() + "=" + token(spf.domain()));
        }
        if (dkim != null) {
            if (dkim.isEmpty()) {
                results.add("dkim=none");
            }
            for (DkimResult d : dkim) {
                StringBuilder r = new StringBuilder("dkim=").append(d.result().keyword());
                if (!d.passed() && !d.reason().isBlank()) {
                    r.append(" reason=").append(quoted(d.reason()));
                }
                if (!d.domain().isEmpty()) {
                    r.append(" header.d=").append(token(d.domain()));
                }
                if (!d.selector().isEmpty()) {
                    r.append(" header.s=").append(token(d.selector()));
                }
                results.add(r.toString());
            }
        }
        if (dmarc != null) {
            StringBuilder r = new StringBuilder("dmarc=").append(dmarc.result().keyword());
            if (dmarc.result() == DmarcResult.Result.PASS || dmarc.result() == DmarcResult.Result.FAIL) {
                r.append(" (p=").append(dmarc.policy().keyword()).append(" dis=").append(dmarc.disposition().keyword()).append(')');
            }
            if (!dmarc.fromDomain().isEmpty()) {
                r.append(" header.from=").append(token(dmarc.fromDomain()));
            }
            results.add(r.toString());
        }
        String id = token(authservId);
        if (results.isEmpty()) {
            return id + "; none";
        }
        return id + ";\r\n\t" + String.join(";\r\n\t", results);
    }

    /** Whether a received field's value claims to come from {@code authservId} (its first token). */
    public static boolean claims(String fieldValue, String authservId) {
        String v = unfold(fieldValue);
        int i = skipCfws(v, 0);
        int start = i;
        if (i < v.length() && v.charAt(i) == '"') {
            int end = v.indexOf('"', i + 1);
            return end > i && v.substring(i + 1, end).equalsIgnoreCase(authservId);
        }
        while (i < v.length() && ";( \t".indexOf(v.charAt(i)) < 0) {
            i++;
        }
        return v.substring(start, i).equalsIgnoreCase(authservId.trim());
    }

    /**
     * The message with every {@code Authentication-Results} field that claims our authserv-id
     * renamed to {@code X-Original-Authentication-Results}; the body and every other byte
     * unchanged. Apply it after DKIM verification and before adding our own field.
     */
    public static InputStream renameForged(InputStream rawMessage, String authservId) throws IOException {
        // the header section is held in memory: the SMTP size limit bounds it
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        int lineBytes = 0;
        boolean lastWasCr = false;
        while (true) {
            int b = rawMessage.read();
            if (b < 0) {
                break;
            }
            header.write(b);
            if (b == '\n') {
                if (lineBytes == 0 || lineBytes == 1 && lastWasCr) {
                    break; // the empty line that ends the header section
                }
                lineBytes = 0;
                lastWasCr = false;
            } else {
                lineBytes++;
                lastWasCr = b == '\r';
            }
        }
        String rewritten = rename(header.toString(StandardCharsets.ISO_8859_1), authservId);
        return new SequenceInputStream(new ByteArrayInputStream(rewritten.getBytes(StandardCharsets.ISO_8859_1)), rawMessage);
    }

    /** Renames forged fields in a header section (lines kept with their own line ends). */
    static String rename(String headerSection, String authservId) {
        List<String> lines = splitLines(headerSection);
        StringBuilder out = new StringBuilder(headerSection.length() + 64);
        int i = 0;
        while (i < lines.size()) {
            int end = i + 1;
            while (end < lines.size() && !lines.get(end).isEmpty() && (lines.get(end).charAt(0) == ' ' || lines.get(end).charAt(0) == '\t')) {
                end++;
            }
            String field = String.join("", lines.subList(i, end));
            int colon = field.indexOf(':');
            if (colon > 0 && field.substring(0, colon).strip().equalsIgnoreCase(NAME)
                    && claims(field.substring(colon + 1), authservId)) {
                field = RENAMED + field.substring(colon);
            }
            out.append(field);
            i = end;
        }
        return out.toString();
    }

    private static List<String> splitLines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lines.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            lines.add(text.substring(start));
        }
        return lines;
    }

    private static String unfold(String value) {
        return value.replaceAll("\r?\n[ \t]", " ");
    }

    /** Skips white space and (nested) comments. */
    private static int skipCfws(String v, int i) {
        int depth = 0;
        while (i < v.length()) {
            char c = v.charAt(i);
            if (depth > 0) {
                if (c == '\\') {
                    i++;
                } else if (c == '(') {
                    depth++;
                } else if (c == ')') {
                    depth--;
                }
            } else if (c == '(') {
                depth++;
            } else if (c != ' ' && c != '\t') {
                return i;
            }
            i++;
        }
        return i;
    }

    /** A property value as an RFC 2045 token when it is one, else a quoted string. */
    static String token(String value) {
        String v = clean(value);
        return v.matches("[A-Za-z0-9!#$%&'*+.^_`{|}~-]+") ? v : quoted(v);
    }

    static String quoted(String value) {
        String v = clean(value);
        if (v.length() > 200) {
            v = v.substring(0, 200);
        }
        return "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String clean(String value) {
        StringBuilder out = new StringBuilder();
        for (char c : (value == null ? "" : value).toCharArray()) {
            out.append(c < 0x20 || c == 0x7f ? ' ' : c);
        }
        return out.toString().strip();
    }
}
