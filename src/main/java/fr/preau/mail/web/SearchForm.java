package fr.preau.mail.web;

import fr.preau.mail.SearchQuery;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The search form of both interfaces as typed: the quick words and the advanced fields. Dates
 * that cannot be read are reported, never silently dropped.
 */
public record SearchForm(String q, String from, String to, String subject, String body, String since,
                         String until, Boolean attachment, Boolean unread, Boolean flagged, Long folder) {

    public SearchForm {
        q = trim(q);
        from = trim(from);
        to = trim(to);
        subject = trim(subject);
        body = trim(body);
        since = trim(since);
        until = trim(until);
        attachment = Boolean.TRUE.equals(attachment);
        unread = Boolean.TRUE.equals(unread);
        flagged = Boolean.TRUE.equals(flagged);
    }

    private static String trim(String s) {
        return s == null ? "" : s.strip();
    }

    public boolean advanced() {
        return !from.isEmpty() || !to.isEmpty() || !subject.isEmpty() || !body.isEmpty() || !since.isEmpty()
                || !until.isEmpty() || attachment || unread || flagged;
    }

    public boolean empty() {
        return q.isEmpty() && !advanced();
    }

    /** The fields whose value cannot be read, as field → message key. */
    public List<String[]> problems() {
        List<String[]> out = new ArrayList<>();
        if (!since.isEmpty() && date(since) == null) {
            out.add(new String[] {"since", "webmail.search.error.date"});
        }
        if (!until.isEmpty() && date(until) == null) {
            out.add(new String[] {"until", "webmail.search.error.date"});
        }
        return out;
    }

    SearchQuery toQuery() {
        SearchQuery.Builder b = SearchQuery.builder().folder(folder);
        if (!q.isEmpty()) {
            b.text(q).prefix(true);
        }
        if (!from.isEmpty()) {
            b.from(from);
        }
        if (!to.isEmpty()) {
            b.to(to);
        }
        if (!subject.isEmpty()) {
            b.subject(subject);
        }
        if (!body.isEmpty()) {
            b.body(body);
        }
        if (date(since) != null) {
            b.since(date(since));
        }
        if (date(until) != null) {
            b.until(date(until));
        }
        if (attachment) {
            b.hasAttachment(true);
        }
        if (unread) {
            b.seen(false);
        }
        if (flagged) {
            b.flagged(true);
        }
        return b.build();
    }

    /** The form as a query string (without paging). */
    public String query() {
        StringBuilder s = new StringBuilder("q=").append(enc(q));
        append(s, "from", from);
        append(s, "to", to);
        append(s, "subject", subject);
        append(s, "body", body);
        append(s, "since", since);
        append(s, "until", until);
        if (attachment) {
            s.append("&attachment=true");
        }
        if (unread) {
            s.append("&unread=true");
        }
        if (flagged) {
            s.append("&flagged=true");
        }
        if (folder != null) {
            s.append("&folder=").append(folder);
        }
        return s.toString();
    }

    private static void append(StringBuilder s, String name, String value) {
        if (!value.isEmpty()) {
            s.append('&').append(name).append('=').append(enc(value));
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static LocalDate date(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException notIso) {
            try {
                String[] p = text.split("/");
                return p.length == 3 ? LocalDate.of(Integer.parseInt(p[2]), Integer.parseInt(p[1]), Integer.parseInt(p[0])) : null;
            } catch (RuntimeException notFrench) {
                return null;
            }
        }
    }
}
