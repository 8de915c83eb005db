package fr.preau.admin.cli.account;

import fr.preau.admin.cli.CliSupport;
import fr.preau.admin.cli.Details;
import fr.preau.identity.Account;
import fr.preau.identity.AccountStatus;
import fr.preau.identity.Contacts;
import fr.preau.identity.ProvisionedAccount;
import fr.preau.identity.Role;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/** How accounts and freshly issued activation codes are shown. Never a NUMEN, only its masked form. */
public final class AccountView {

    private AccountView() {}

    public static String status(CliSupport cli, AccountStatus status) {
        return cli.t("cli.status." + status.name().toLowerCase(Locale.ROOT));
    }

    public static String role(CliSupport cli, Role role) {
        return cli.t("cli.role." + role.name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }

    /**
     * An account just created or given a new code: identifiant, address, status, and the code
     * with its expiry, followed by the warning that it will not be shown again.
     */
    static void printIssued(CliSupport cli, ProvisionedAccount issued, PrintWriter out) {
        Account a = issued.account();
        new Details(cli)
                .add("cli.account.label.login", a.login())
                .add("cli.account.label.email", a.email())
                .add("cli.account.label.status", status(cli, a.status()))
                .add("cli.account.label.code", issued.activationCode())
                .add("cli.account.label.code-expiry", cli.dateTime(issued.codeExpiresAt()))
                .print(out);
        out.println(cli.t("cli.account.code-shown-once", a.login()));
    }

    static void printDetails(CliSupport cli, Account a, String establishment, String academy,
                             Optional<Instant> codeExpiry, Clock clock, PrintWriter out) {
        String code;
        if (codeExpiry.isEmpty()) {
            code = cli.t("cli.account.code-none");
        } else if (codeExpiry.get().isAfter(clock.instant())) {
            code = cli.t("cli.account.code-live", cli.dateTime(codeExpiry.get()));
        } else {
            code = cli.t("cli.account.code-expired", cli.dateTime(codeExpiry.get()));
        }
        String none = cli.t("cli.none");
        new Details(cli)
                .add("cli.account.label.name", a.displayName())
                .add("cli.account.label.login", a.login())
                .add("cli.account.label.email", a.email())
                .add("cli.account.label.role", role(cli, a.role()))
                .add("cli.account.label.establishment", establishment)
                .add("cli.account.label.academy", academy)
                .add("cli.account.label.status", status(cli, a.status()))
                .add("cli.account.label.numen", a.numenMasked())
                .add("cli.account.label.backup-email", a.backupEmail() == null ? none : a.backupEmail())
                .add("cli.account.label.mobile", a.mobile() == null ? none : Contacts.displayMobile(a.mobile()))
                .add("cli.account.label.interface", cli.t("cli.interface." + a.interfacePref().name().toLowerCase(Locale.ROOT)))
                .add("cli.account.label.created", cli.dateTime(a.createdAt()))
                .add("cli.account.label.activated", a.activatedAt() == null ? none : cli.dateTime(a.activatedAt()))
                .add("cli.account.label.suspended", a.suspendedAt() == null ? null : cli.dateTime(a.suspendedAt()))
                .add("cli.account.label.password-changed",
                        a.passwordChangedAt() == null ? none : cli.dateTime(a.passwordChangedAt()))
                .add("cli.account.label.password-must-change", cli.yesNo(a.passwordMustChange()))
                .add("cli.account.label.activation-code", code)
                .print(out);
    }
}
