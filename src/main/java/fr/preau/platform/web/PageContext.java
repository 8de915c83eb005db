package fr.preau.platform.web;

import fr.preau.platform.Maintenance;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.security.web.csrf.CsrfToken;

/**
 * Everything a page template needs besides its own model: the language and its messages,
 * the CSRF token, the signed-in viewer (or none), the maintenance banner and the current
 * path (for the language switch). Built once per request and passed to every template as
 * {@code ctx}.
 */
public final class PageContext {

    /** Where the académies are; dates and times are shown there. */
    public static final java.time.ZoneId ZONE = java.time.ZoneId.of("Europe/Paris");

    private final MessageSource messages;
    private final Locale locale;
    private final CsrfToken csrf;
    private final Viewer viewer;
    private final Maintenance.Status maintenance;
    private final String path;

    public PageContext(MessageSource messages, Locale locale, CsrfToken csrf, Viewer viewer,
                       Maintenance.Status maintenance, String path) {
        this.messages = messages;
        this.locale = locale;
        this.csrf = csrf;
        this.viewer = viewer;
        this.maintenance = maintenance;
        this.path = path;
    }

    /** The translated text of a message key. A missing key fails loudly (and a test checks none is missing). */
    public String t(String key, Object... args) {
        return messages.getMessage(key, args.length == 0 ? null : args, locale);
    }

    /** The translated text of a validation error. */
    public String t(FieldErrors.Error error) {
        return t(error.key(), error.args().toArray());
    }

    public List<String> errorTexts(FieldErrors errors, String field) {
        return errors.of(field).stream().map(this::t).toList();
    }

    /** The message source, for components that format their own text (e.g. opening hours). */
    public MessageSource messages() {
        return messages;
    }

    /** A time shown to the reader: in the académies' time zone, e.g. "14:32". */
    public String time(java.time.Instant instant) {
        return java.time.format.DateTimeFormatter.ofPattern("HH:mm").withZone(ZONE).format(instant);
    }

    /** A date and time shown to the reader, e.g. "23/11/2026 14:32" or "11/23/2026 2:32 PM". */
    public String dateTime(java.time.Instant instant) {
        return java.time.format.DateTimeFormatter.ofLocalizedDateTime(java.time.format.FormatStyle.SHORT)
                .withLocale(locale).withZone(ZONE).format(instant);
    }

    public String lang() {
        return locale.getLanguage();
    }

    public Locale locale() {
        return locale;
    }

    public String otherLang() {
        return "fr".equals(lang()) ? "en" : "fr";
    }

    public String csrfParameter() {
        return csrf == null ? "_csrf" : csrf.getParameterName();
    }

    public String csrfToken() {
        return csrf == null ? "" : csrf.getToken();
    }

    public boolean signedIn() {
        return viewer != null;
    }

    public Viewer viewer() {
        return viewer;
    }

    public boolean maintenanceBanner() {
        return maintenance.active();
    }

    public String maintenanceMessage() {
        return maintenance.message(locale);
    }

    public String path() {
        return path;
    }

    /** The link that switches to the other language and comes back to this page. */
    public String otherLangUrl() {
        return "/lang/" + otherLang() + "?back=" + URLEncoder.encode(path, StandardCharsets.UTF_8);
    }
}
