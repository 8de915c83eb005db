package fr.preau.delivery.internal.auth;

import java.util.List;
import java.util.Locale;

/**
 * A spam filter's verdict: the score, whether it is spam (file it in Junk), whether it
 * should be refused outright ({@code reject}, only with a reject threshold or rspamd's
 * "reject"), the rules that matched, and the values of the {@code X-Spam-Status} and
 * {@code X-Spam-Score} header fields to add.
 */
public record SpamVerdict(double score, boolean spam, boolean reject, List<String> rules, String headerValue) {

    public SpamVerdict {
        rules = List.copyOf(rules);
    }

    /** A verdict with SpamAssassin's header format: {@code Yes, score=7.5 required=5.0 tests=A,B}. */
    static SpamVerdict of(double score, double required, boolean spam, boolean reject, List<String> rules) {
        String status = (spam ? "Yes" : "No") + ", score=" + format(score) + " required=" + format(required)
                + " tests=" + (rules.isEmpty() ? "none" : String.join(",", rules));
        return new SpamVerdict(score, spam, reject, rules, status);
    }

    /** The value of {@code X-Spam-Score}. */
    public String scoreHeaderValue() {
        return format(score);
    }

    /** Both header fields, each ending with CRLF, ready to put in front of the message. */
    public String headerFields() {
        return "X-Spam-Status: " + headerValue + "\r\nX-Spam-Score: " + scoreHeaderValue() + "\r\n";
    }

    static String format(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
