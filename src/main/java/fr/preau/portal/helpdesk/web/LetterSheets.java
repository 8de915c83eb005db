package fr.preau.portal.helpdesk.web;

import fr.preau.identity.Account;
import fr.preau.identity.ProvisionedAccount;
import fr.preau.platform.PreauProperties;
import fr.preau.platform.web.PageContext;
import fr.preau.portal.helpdesk.References;
import fr.preau.tenancy.Academy;
import fr.preau.tenancy.Department;
import fr.preau.tenancy.Establishment;
import fr.preau.tenancy.HelpDesk;
import fr.preau.tenancy.Tenancy;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Makes the {@link LetterSheet} of a code just issued: the account's établissement, its help desk, the dates. */
@Component
class LetterSheets {

    private final Tenancy tenancy;
    private final MessageSource messages;
    private final PreauProperties properties;
    private final Clock clock;

    LetterSheets(Tenancy tenancy, MessageSource messages, PreauProperties properties, Clock clock) {
        this.tenancy = tenancy;
        this.messages = messages;
        this.properties = properties;
        this.clock = clock;
    }

    LetterSheet sheet(ProvisionedAccount issued, String reference) {
        Account account = issued.account();
        Establishment e = tenancy.establishment(account.establishmentId());
        Department d = tenancy.department(e.departmentId());
        Academy academy = tenancy.academy(d.academyId());
        HelpDesk desk = d.helpDesk();
        DateTimeFormatter expiry = DateTimeFormatter.ofPattern(t("cli.letter.expiry-format"), LetterSheet.LETTER_LOCALE)
                .withZone(PageContext.ZONE);
        DateTimeFormatter date = DateTimeFormatter.ofPattern(t("cli.letter.date-format"), LetterSheet.LETTER_LOCALE)
                .withZone(PageContext.ZONE);
        // an account that had been activated was re-initialised to get this letter
        boolean reinitialised = account.activatedAt() != null;
        return new LetterSheet(References.normalizeReference(reference), reinitialised, account.displayName(),
                messages.getMessage("cli.letter.establishment", new Object[] {e.name(), e.city(), e.uai()},
                        LetterSheet.LETTER_LOCALE),
                account.login(), account.email(), issued.activationCode(), expiry.format(issued.codeExpiresAt()),
                firstConnectionUrl(), academy.name(), academy.passwordMinLength(), d.name(), desk.phone(), hours(desk),
                desk.email(), date.format(clock.instant()), messages);
    }

    private String firstConnectionUrl() {
        String base = properties.publicUrl() == null ? "" : properties.publicUrl().strip();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return base + "/first-connection";
    }

    private String hours(HelpDesk desk) {
        try {
            return desk.openingHours().describe(LetterSheet.LETTER_LOCALE, messages);
        } catch (IllegalArgumentException unreadable) {
            return desk.hours();
        }
    }

    private String t(String key) {
        return messages.getMessage(key, null, LetterSheet.LETTER_LOCALE);
    }
}
