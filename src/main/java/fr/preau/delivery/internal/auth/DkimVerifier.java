package fr.preau.delivery.internal.auth;

import fr.preau.delivery.internal.dns.Dns;
import java.io.IOException;
import java.io.InputStream;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.james.jdkim.DKIMVerifier;
import org.apache.james.jdkim.api.PublicKeyRecordRetriever;
import org.apache.james.jdkim.api.Result;
import org.apache.james.jdkim.api.SignatureRecord;
import org.apache.james.jdkim.exceptions.FailException;
import org.apache.james.jdkim.exceptions.PermFailException;
import org.apache.james.jdkim.exceptions.TempFailException;
import org.apache.james.jdkim.tagvalue.PublicKeyRecordImpl;

/**
 * Checks every DKIM-Signature of an inbound message with Apache jDKIM, the keys looked up on
 * our {@link Dns} ({@code <s>._domainkey.<d>} TXT). Beyond jDKIM: RSA keys under 1024 bits
 * and rsa-sha1 signatures are not accepted (RFC 8301), and a problem with the key or the
 * signature's own syntax is {@code permerror}, kept apart from a signature that does not
 * verify ({@code fail}). Feed it the message as received, before any header is added or
 * renamed. Never throws.
 */
public final class DkimVerifier {

    private static final List<String> PERMERROR_REASONS = List.of("no key for signature", "invalid key",
            "invalid public key", "inapplicable key", "inappropriate", "only dns/txt", "rsa key shorter",
            "unsupported", "signature date", "invalid signature record", "mime parsing");
    private static final Pattern TAG_D = Pattern.compile("(?:^|;)\\s*d\\s*=\\s*([^;\\s]+)");
    private static final Pattern TAG_S = Pattern.compile("(?:^|;)\\s*s\\s*=\\s*([^;\\s]+)");

    private final PublicKeyRecordRetriever keys;

    public DkimVerifier(Dns dns) {
        this.keys = new DnsKeys(dns);
    }

    /** One result per DKIM-Signature field; empty when the message has none. */
    public List<DkimResult> verify(InputStream rawMessage) {
        DKIMVerifier verifier = new DKIMVerifier(keys);
        try {
            verifier.verify(rawMessage);
        } catch (FailException e) {
            // every signature failed: the results say how
        } catch (IOException | RuntimeException e) {
            if (verifier.getResults().isEmpty()) {
                return List.of(new DkimResult(DkimResult.Result.TEMPERROR, "", "", "cannot read the message"));
            }
        }
        List<DkimResult> results = new ArrayList<>();
        for (Result r : verifier.getResults()) {
            results.add(convert(r));
        }
        results.sort(Comparator.comparing(DkimResult::domain).thenComparing(DkimResult::selector));
        return List.copyOf(results);
    }

    private static DkimResult convert(Result r) {
        SignatureRecord record = r.getRecord();
        boolean readable = r.getResultType() != Result.Type.PERMERROR;
        String domain = readable && record != null ? String.valueOf(record.getDToken()) : tag(TAG_D, r.getDkimRawField());
        String selector = readable && record != null ? String.valueOf(record.getSelector()) : tag(TAG_S, r.getDkimRawField());
        String reason = r.getErrorMessage() == null ? "" : r.getErrorMessage();
        return switch (r.getResultType()) {
            case PASS -> "sha1".equalsIgnoreCase(String.valueOf(record.getHashMethod()))
                    ? new DkimResult(DkimResult.Result.FAIL, domain, selector, "rsa-sha1 is not accepted (RFC 8301)")
                    : new DkimResult(DkimResult.Result.PASS, domain, selector, "");
            case TEMPERROR -> new DkimResult(DkimResult.Result.TEMPERROR, domain, selector, reason);
            case PERMERROR -> new DkimResult(DkimResult.Result.PERMERROR, domain, selector, reason);
            case NEUTRAL, NONE, POLICY -> new DkimResult(DkimResult.Result.NEUTRAL, domain, selector, reason);
            case FAIL -> new DkimResult(isPermanentError(reason) ? DkimResult.Result.PERMERROR : DkimResult.Result.FAIL,
                    domain, selector, reason);
        };
    }

    private static boolean isPermanentError(String reason) {
        String lower = reason.toLowerCase(Locale.ROOT);
        return PERMERROR_REASONS.stream().anyMatch(lower::startsWith);
    }

    /** d= or s= read leniently from a signature jDKIM could not parse. */
    private static String tag(Pattern tag, String rawField) {
        if (rawField == null) {
            return "";
        }
        String value = rawField.substring(rawField.indexOf(':') + 1).replaceAll("\r\n[ \t]", " ");
        Matcher m = tag.matcher(value);
        return m.find() ? m.group(1) : "";
    }

    /** Public keys from {@code <selector>._domainkey.<domain>} TXT records. */
    private record DnsKeys(Dns dns) implements PublicKeyRecordRetriever {

        @Override
        public List<String> getRecords(CharSequence method, CharSequence selector, CharSequence domain)
                throws TempFailException, PermFailException {
            if (!"dns/txt".equals(String.valueOf(method))) {
                throw new PermFailException("Only dns/txt is supported: " + method);
            }
            List<String> records;
            try {
                records = dns.txt(selector + "._domainkey." + domain);
            } catch (Dns.TemporaryFailure e) {
                throw new TempFailException(e.getMessage());
            }
            for (String record : records) {
                checkKeyLength(record);
            }
            return records;
        }

        private static void checkKeyLength(String record) throws PermFailException {
            PublicKey key;
            try {
                PublicKeyRecordImpl parsed = new PublicKeyRecordImpl(record);
                parsed.validate();
                key = parsed.getPublicKey();
            } catch (RuntimeException e) {
                return; // not a usable key: jDKIM says so in its own words
            }
            if (key instanceof RSAPublicKey rsa && rsa.getModulus().bitLength() < 1024) {
                throw new PermFailException("RSA key shorter than 1024 bits (RFC 8301)");
            }
        }
    }
}
