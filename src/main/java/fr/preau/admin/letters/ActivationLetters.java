package fr.preau.admin.letters;

import fr.preau.identity.ProvisionedAccount;
import fr.preau.platform.PreauProperties;
import fr.preau.tenancy.Academy;
import fr.preau.tenancy.Department;
import fr.preau.tenancy.Establishment;
import fr.preau.tenancy.HelpDesk;
import fr.preau.tenancy.Tenancy;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Printable activation letters: one page per agent with the identifiant, address, activation
 * code and its expiry, the first-connection page and the steps to follow, and the help desk
 * of the établissement's département. Rendered by the precompiled
 * {@code admin/activation-letters.jte} into one self-contained HTML file (its stylesheet is
 * embedded, so it prints well when opened from disk). Letters are in French: they go to
 * agents of French académies, whatever the administrator's language.
 */
@Component
public class ActivationLetters {

    static final String TEMPLATE = "admin/activation-letters.jte";
    private static final Locale LETTER_LOCALE = Locale.FRENCH;

    private final Tenancy tenancy;
    private final MessageSource messages;
    private final PreauProperties properties;
    private final Clock clock;
    private final TemplateEngine templates;
    private volatile String css;

    ActivationLetters(Tenancy tenancy, MessageSource messages, PreauProperties properties, Clock clock) {
        this.tenancy = tenancy;
        this.messages = messages;
        this.properties = properties;
        this.clock = clock;
        this.templates = TemplateEngine.createPrecompiled(null, ContentType.Html,
                ActivationLetters.class.getClassLoader(), "gg.jte.generated.precompiled");
    }

    /** The HTML document holding one letter per account, in the given order. */
    public String render(List<ProvisionedAccount> accounts, ZoneId zone) {
        Map<Long, Place> places = new HashMap<>();
        DateTimeFormatter expiryFormat = DateTimeFormatter.ofPattern(t("cli.letter.expiry-format"), LETTER_LOCALE);
        DateTimeFormatter dateFormat = DateTimeFormatter.ofPattern(t("cli.letter.date-format"), LETTER_LOCALE);
        String url = firstConnectionUrl();
        List<Letter> letters = new ArrayList<>(accounts.size());
        for (ProvisionedAccount p : accounts) {
            Place place = places.computeIfAbsent(p.account().establishmentId(), this::place);
            HelpDesk desk = place.department().helpDesk();
            letters.add(new Letter(p.account().displayName(),
                    t("cli.letter.establishment", place.establishment().name(), place.establishment().city(),
                            place.establishment().uai()),
                    p.account().login(), p.account().email(), p.activationCode(),
                    expiryFormat.format(p.codeExpiresAt().atZone(zone)), url, place.academy().name(),
                    place.academy().passwordMinLength(), place.department().name(), desk.phone(),
                    hours(desk), desk.email()));
        }
        String title = accounts.size() == 1
                ? t("cli.letter.document-title-one", accounts.get(0).account().displayName())
                : t("cli.letter.document-title", letters.size());
        LetterBook book = new LetterBook(title, dateFormat.format(clock.instant().atZone(zone)), css(), letters,
                messages, LETTER_LOCALE);
        StringOutput output = new StringOutput();
        templates.render(TEMPLATE, book, output);
        return output.toString();
    }

    /** Where agents activate their account: {@code ${preau.public-url}/first-connection}. */
    public String firstConnectionUrl() {
        String base = properties.publicUrl() == null ? "" : properties.publicUrl().strip();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return base + "/first-connection";
    }

    private record Place(Establishment establishment, Department department, Academy academy) {}

    private Place place(long establishmentId) {
        Establishment e = tenancy.establishment(establishmentId);
        Department d = tenancy.department(e.departmentId());
        return new Place(e, d, tenancy.academy(d.academyId()));
    }

    private String hours(HelpDesk desk) {
        try {
            return desk.openingHours().describe(LETTER_LOCALE, messages);
        } catch (IllegalArgumentException unreadable) {
            return desk.hours();
        }
    }

    private String t(String key, Object... args) {
        return messages.getMessage(key, args.length == 0 ? null : args, key, LETTER_LOCALE);
    }

    private String css() {
        if (css == null) {
            try (InputStream in = ActivationLetters.class.getClassLoader()
                    .getResourceAsStream("static/assets/css/preau.css")) {
                css = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return css;
    }
}
