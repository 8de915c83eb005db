package fr.preau.mail.internal.compose;

import fr.preau.mail.MailAddress;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The texts a reply or a forward starts with, in the agent's language: {@code Re:} and
 * {@code Tr:}/{@code Fwd:} subjects (added once), the "Le ..., X a écrit :" line and the quoted
 * lines of a reply, the header block of a forwarded message.
 */
@Component
public class Quoting {

    /** The académies' time zone: dates in quotes are written as the agents read them. */
    static final ZoneId ZONE = ZoneId.of("Europe/Paris");

    private static final Pattern REPLY_PREFIX = Pattern.compile("^\\s*(re|ré|rép|rep|aw|sv|antw)\\s*(\\[\\d+\\])?\\s*:",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern FORWARD_PREFIX = Pattern.compile("^\\s*(fwd?|tr|trans|wg|enc|rv)\\s*(\\[\\d+\\])?\\s*:",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private final MessageSource bundles;

    public Quoting(MessageSource bundles) {
        this.bundles = bundles;
    }

    public static String replySubject(String subject) {
        String s = subject == null ? "" : subject.strip();
        return REPLY_PREFIX.matcher(s).lookingAt() ? s : "Re: " + s;
    }

    public String forwardSubject(String subject, Locale locale) {
        String s = subject == null ? "" : subject.strip();
        return FORWARD_PREFIX.matcher(s).lookingAt() ? s : text("compose.forward.prefix", locale) + ": " + s;
    }

    /** Two blank lines, the attribution line, then the original's lines prefixed with {@code > }. */
    public String replyBody(MailAddress author, OffsetDateTime date, String original, Locale locale) {
        String who = author == null ? "" : author.displayName();
        String line = date == null ? bundles.getMessage("compose.quote.reply-header-undated", new Object[] {who}, locale)
                : bundles.getMessage("compose.quote.reply-header", new Object[] {date(date, locale), who}, locale);
        String quoted = (original == null ? "" : original.replace("\r\n", "\n")).lines()
                .map(l -> l.startsWith(">") ? ">" + l : "> " + l).collect(Collectors.joining("\n"));
        return "\n\n" + line + "\n" + quoted + "\n";
    }

    /** Two blank lines, the forwarded message's header block, then its text. */
    public String forwardBody(List<MailAddress> from, OffsetDateTime date, List<MailAddress> to, List<MailAddress> cc,
                              String subject, String original, Locale locale) {
        StringBuilder b = new StringBuilder("\n\n").append(text("compose.quote.forward-header", locale)).append('\n');
        b.append(bundles.getMessage("compose.quote.forward-from", new Object[] {names(from)}, locale)).append('\n');
        if (date != null) {
            b.append(bundles.getMessage("compose.quote.forward-date", new Object[] {date(date, locale)}, locale)).append('\n');
        }
        b.append(bundles.getMessage("compose.quote.forward-subject", new Object[] {subject == null ? "" : subject}, locale))
                .append('\n');
        b.append(bundles.getMessage("compose.quote.forward-to", new Object[] {names(to)}, locale)).append('\n');
        if (!cc.isEmpty()) {
            b.append(bundles.getMessage("compose.quote.forward-cc", new Object[] {names(cc)}, locale)).append('\n');
        }
        return b.append('\n').append(original == null ? "" : original.replace("\r\n", "\n")).append('\n').toString();
    }

    private String text(String key, Locale locale) {
        return bundles.getMessage(key, null, locale);
    }

    static String date(OffsetDateTime date, Locale locale) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.FULL, FormatStyle.SHORT).withLocale(locale)
                .format(date.atZoneSameInstant(ZONE));
    }

    private static String names(List<MailAddress> addresses) {
        return addresses.stream().map(MailAddress::display).collect(Collectors.joining(", "));
    }
}
