package fr.preau.admin.cli.academy;

import fr.preau.admin.cli.BeforeStart;
import fr.preau.admin.cli.CliCommand;
import fr.preau.admin.cli.CliSupport;
import fr.preau.admin.cli.Terminal;
import fr.preau.tenancy.Academy;
import fr.preau.tenancy.HelpDesk;
import fr.preau.tenancy.Tenancy;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code preau admin academy edit CODE ...}: changes what is given and keeps the rest; the
 * code itself cannot change (accounts and départements refer to it).
 */
@Command(name = "edit")
public class AcademyEdit extends CliCommand implements BeforeStart {

    @Parameters(paramLabel = "CODE", descriptionKey = "code")
    String code;

    @Option(names = "--name", paramLabel = "TEXT")
    String name;

    @Option(names = "--domain", paramLabel = "DOMAIN")
    String domain;

    @Option(names = "--numen-code", paramLabel = "NN")
    String numenCode;

    @Option(names = "--phone", paramLabel = "PHONE")
    String phone;

    @Option(names = "--hours", paramLabel = "HOURS")
    String hours;

    @Option(names = "--email", paramLabel = "EMAIL")
    String email;

    @Option(names = "--numen-activation", arity = "1", paramLabel = "true|false")
    Boolean numenActivation;

    @Option(names = "--password-min-length", paramLabel = "N")
    Integer passwordMinLength;

    @Option(names = "--password-max-age", paramLabel = "DAYS|never")
    String passwordMaxAge;

    @Override
    public void beforeStart(CliSupport cli, Terminal terminal) {
        if (name == null && domain == null && numenCode == null && phone == null && hours == null && email == null
                && numenActivation == null && passwordMinLength == null && passwordMaxAge == null) {
            throw new CliSupport.UsageRefusal(spec.commandLine(), cli.t("cli.usage.nothing-to-change"));
        }
    }

    @Override
    public Integer call() {
        Tenancy tenancy = bean(Tenancy.class);
        Academy current = tenancy.academy(code).orElseThrow(() -> refuse("tenancy.error.academy-unknown", code));
        Integer maxAge = current.passwordMaxAgeDays();
        if (passwordMaxAge != null) {
            maxAge = maxAge(passwordMaxAge);
        }
        HelpDesk desk = current.helpDesk();
        Academy changed = new Academy(current.id(), current.code(), or(name, current.name()),
                or(domain, current.mailDomain()), or(numenCode, current.numenCode()),
                new HelpDesk(or(phone, desk.phone()), or(hours, desk.hours()), email == null ? desk.email() : email),
                numenActivation == null ? current.numenActivationAllowed() : numenActivation,
                passwordMinLength == null ? current.passwordMinLength() : passwordMinLength, maxAge);
        Academy saved = tenancy.updateAcademy(cli.actor(), changed);
        say("cli.academy.updated", saved.code());
        AcademyView.print(cli, tenancy, saved, out());
        return 0;
    }

    private Integer maxAge(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        if (v.equals("never") || v.equals("jamais")) {
            return null;
        }
        try {
            return Integer.valueOf(v);
        } catch (NumberFormatException e) {
            throw usage("cli.usage.invalid-value", "--password-max-age", value);
        }
    }

    private static String or(String given, String current) {
        return given == null ? current : given;
    }
}
