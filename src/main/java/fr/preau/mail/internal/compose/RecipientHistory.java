package fr.preau.mail.internal.compose;

import fr.preau.mail.MailAddress;
import java.text.Normalizer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code mail_recipient} table: the addresses each account sent to, with the name last
 * used, when and how often, for address suggestions. Searched by the start of a word of the
 * address or the name, accents and case ignored.
 */
@Component
public class RecipientHistory {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s.@_+-]+");

    private final JdbcClient jdbc;

    public RecipientHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Counts one message sent to {@code address} (in the caller's transaction). */
    public void record(long accountId, MailAddress address, Instant at) {
        String key = address.address().toLowerCase(Locale.ROOT);
        if (key.isEmpty() || key.length() > 320) {
            return;
        }
        String name = address.name() == null || address.name().isBlank() ? null : cut(address.name().strip(), 250);
        String search = cut(" " + fold(address.address()) + " " + words(address.address())
                + (name == null ? "" : " " + words(name)) + " ", 600);
        var when = at.atOffset(ZoneOffset.UTC);
        int updated = name == null
                ? jdbc.sql("update mail_recipient set address = ?, last_used_at = ?, use_count = use_count + 1 "
                        + "where account_id = ? and address_key = ?").params(address.address(), when, accountId, key).update()
                : jdbc.sql("update mail_recipient set address = ?, display_name = ?, search_text = ?, last_used_at = ?, "
                        + "use_count = use_count + 1 where account_id = ? and address_key = ?")
                        .params(address.address(), name, search, when, accountId, key).update();
        if (updated == 0) {
            jdbc.sql("insert into mail_recipient (account_id, address_key, address, display_name, search_text, last_used_at, use_count) "
                            + "values (?, ?, ?, ?, ?, ?, 1) on conflict do nothing")
                    .params(accountId, key, address.address(), name, search, when).update();
        }
    }

    /** The addresses whose address or name has a word starting with {@code prefix}, most recent first. */
    public List<MailAddress> search(long accountId, String prefix, int limit) {
        String folded = fold(prefix == null ? "" : prefix).strip();
        int size = Math.max(1, Math.min(limit, 50));
        if (folded.isEmpty()) {
            return jdbc.sql("select display_name, address from mail_recipient where account_id = ? "
                            + "order by last_used_at desc, use_count desc limit ?")
                    .params(accountId, size).query((rs, n) -> new MailAddress(rs.getString(1), rs.getString(2))).list();
        }
        String like = "% " + folded.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return jdbc.sql("select display_name, address from mail_recipient where account_id = ? "
                        + "and search_text like ? escape '\\' order by last_used_at desc, use_count desc limit ?")
                .params(accountId, like, size).query((rs, n) -> new MailAddress(rs.getString(1), rs.getString(2))).list();
    }

    /** Lower case, accents removed. */
    static String fold(String s) {
        return MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("").toLowerCase(Locale.ROOT);
    }

    private static String words(String s) {
        return SEPARATORS.matcher(fold(s)).replaceAll(" ").strip();
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
