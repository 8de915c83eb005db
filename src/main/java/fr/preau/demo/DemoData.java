package fr.preau.demo;

import fr.preau.identity.Account;
import fr.preau.identity.AccountStatus;
import fr.preau.identity.Accounts;
import fr.preau.identity.FirstConnection;
import fr.preau.identity.InterfaceChoice;
import fr.preau.identity.NewAccount;
import fr.preau.identity.ProvisionedAccount;
import fr.preau.platform.PreauProperties;
import fr.preau.platform.UserError;
import fr.preau.platform.web.ClientInfo;
import fr.preau.tenancy.Tenancy;
import java.io.PrintStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Locale;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.MessageSource;
import org.springframework.beans.factory.ObjectProvider;
import fr.preau.delivery.SmtpEndpoints;
import fr.preau.mail.MailDelivery;
import fr.preau.mail.MailFolders;
import fr.preau.identity.ContactSettings;
import java.time.Clock;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * On {@code ./preau demo}: creates the demo académies and accounts on first start (through
 * the same APIs as the administration), then prints where to go and how to log in.
 */
@Component
@ConditionalOnProperty(name = "preau.demo.enabled", havingValue = "true")
class DemoData {

    /** The password of every active demo account (it follows the default policy). */
    static final String PASSWORD = "Marelle-Cerf-Volant-84!";
    private static final String ACTOR = "demo";

    /** A demo agent and the state to put the account in. */
    record Agent(String lastName, String firstName, String numen, String role, String uai, State state,
                 InterfaceChoice preferred) {}

    enum State { ACTIVE, PENDING, SUSPENDED, PASSWORD_EXPIRED }

    static final List<Agent> AGENTS = List.of(
            new Agent("Martin", "Camille", "07E1512345ABC", "enseignant", "0210015C", State.ACTIVE, InterfaceChoice.FULL),
            new Agent("Bernard", "Thomas", "07A0923456BCD", "personnel administratif", "0211234C", State.ACTIVE,
                    InterfaceChoice.SIMPLIFIED),
            new Agent("Petit", "Julie", "07E2034567CDE", "enseignant", "0580031U", State.PENDING, InterfaceChoice.FULL),
            new Agent("Durand", "Nicolas", "07E1045678DEF", "enseignant", "0710010A", State.SUSPENDED, InterfaceChoice.FULL),
            new Agent("Leroy", "Sophie", "07E1256789EFG", "chargé de cours", "0890003V", State.PASSWORD_EXPIRED,
                    InterfaceChoice.FULL),
            new Agent("Dupont", "Jean", "07E0867890FGH", "enseignant", "0211090W", State.ACTIVE, InterfaceChoice.FULL),
            new Agent("Dupont", "Jeanne", "07E1178901GHJ", "enseignant", "0210015C", State.ACTIVE, InterfaceChoice.FULL),
            new Agent("Moreau", "Léa", "07A1489012HJK", "support", "0211928G", State.ACTIVE, InterfaceChoice.FULL),
            new Agent("Girard", "Antoine", "07A1190123JKL", "administrateur", "0211234C", State.ACTIVE, InterfaceChoice.FULL),
            new Agent("Lambert", "Hugo", "10E1601234KLM", "enseignant", "0690026D", State.ACTIVE, InterfaceChoice.FULL),
            new Agent("Fournier", "Emma", "02E1712345LMN", "enseignant-chercheur", "0130040Y", State.ACTIVE,
                    InterfaceChoice.FULL),
            // near-homonyms with accents, for the staff directory
            new Agent("Lefèvre", "Hélène", "07E1391234MNP", "enseignant", "0210015C", State.ACTIVE, InterfaceChoice.FULL),
            new Agent("Lefebvre", "Hélène", "07E1392345NPQ", "enseignant", "0580031U", State.ACTIVE, InterfaceChoice.FULL),
            new Agent("Lemaître", "François", "07A1393456PQR", "personnel administratif", "0710010A", State.ACTIVE,
                    InterfaceChoice.SIMPLIFIED),
            // the help desk of every other département (Léa Moreau, above, is the Côte-d'Or's)
            support("Roche", "Nathalie", "07A1501001SPA", "0581928F"),
            support("Collin", "Bruno", "07A1501002SPB", "0711928K"),
            support("Perrin", "Sandrine", "07A1501003SPC", "0891928M"),
            support("Masson", "Julien", "10A1501004SPD", "0011928R"),
            support("Blanc", "Céline", "10A1501005SPE", "0421928T"),
            support("Robin", "Marc", "10A1501006SPF", "0691928W"),
            support("Gauthier", "Isabelle", "02A1501007SPG", "0041928Z"),
            support("Muller", "Paul", "02A1501008SPH", "0051928U"),
            support("Henry", "Caroline", "02A1501009SPJ", "0131928A"),
            support("Bonnet", "Vincent", "02A1501010SPK", "0841928P"));

    private static Agent support(String lastName, String firstName, String numen, String uai) {
        return new Agent(lastName, firstName, numen, "support", uai, State.ACTIVE, InterfaceChoice.FULL);
    }

    private final Tenancy tenancy;
    private final Accounts accounts;
    private final FirstConnection firstConnection;
    private final PreauProperties properties;
    private final MessageSource messages;
    private final MailFolders folders;
    private final MailDelivery delivery;
    private final ObjectProvider<SmtpEndpoints> smtp;
    private final Clock clock;
    private final ContactSettings contactSettings;

    DemoData(Tenancy tenancy, Accounts accounts, FirstConnection firstConnection, PreauProperties properties,
             MessageSource messages, MailFolders folders, MailDelivery delivery, ObjectProvider<SmtpEndpoints> smtp,
             Clock clock, ContactSettings contactSettings) {
        this.contactSettings = contactSettings;
        this.messages = messages;
        this.folders = folders;
        this.delivery = delivery;
        this.smtp = smtp;
        this.clock = clock;
        this.tenancy = tenancy;
        this.accounts = accounts;
        this.firstConnection = firstConnection;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        DemoTenancy.ensure(tenancy, ACTOR);
        List<String> pendingCodes = new ArrayList<>();
        for (Agent agent : AGENTS) {
            Account account = existing(agent).orElseGet(() -> create(agent));
            if (account.status() == AccountStatus.PENDING && agent.state() == State.PENDING) {
                ProvisionedAccount fresh = accounts.reissueActivationCode(ACTOR, account.login());
                pendingCodes.add(fresh.account().login() + "  " + fresh.activationCode() + "  ("
                        + DateTimeFormatter.ofPattern("dd/MM/yyyy").withZone(ZoneId.of("Europe/Paris"))
                        .format(fresh.codeExpiresAt()) + ")");
            }
        }
        DemoMail.ensure(accounts, folders, delivery, clock);
        print(System.out, pendingCodes);
    }

    private Optional<Account> existing(Agent agent) {
        return accounts.list(null, null, null, agent.lastName(), 50).stream()
                .filter(a -> a.firstName().equals(agent.firstName()) && a.lastName().equals(agent.lastName()))
                .findFirst();
    }

    private Account create(Agent agent) {
        ProvisionedAccount created = accounts.create(ACTOR, new NewAccount(agent.lastName(), agent.firstName(),
                agent.numen(), agent.role(), agent.uai(),
                backupAddress(agent), null));
        String login = created.account().login();
        if (agent.state() != State.PENDING) {
            List<UserError> problems = firstConnection.complete(created.account().id(), PASSWORD, PASSWORD,
                    backupAddress(agent), "06 39 98 00 " + String.format("%02d", AGENTS.indexOf(agent)),
                    new ClientInfo("127.0.0.1", "Préau demo"));
            if (!problems.isEmpty()) {
                throw new IllegalStateException("demo password refused: " + problems.get(0).key());
            }
            accounts.rememberInterface(created.account().id(), agent.preferred());
            contactSettings.verifiedByAdministration(ACTOR, created.account().id());
        }
        if (agent.state() == State.SUSPENDED) {
            accounts.suspend(ACTOR, login, "démonstration");
        }
        if (agent.state() == State.PASSWORD_EXPIRED) {
            accounts.expirePassword(ACTOR, login);
        }
        return accounts.byLogin(login).orElseThrow();
    }

    /** A personal address for the demo (example.org is reserved for examples). */
    private static String backupAddress(Agent agent) {
        String name = java.text.Normalizer.normalize(agent.firstName() + "." + agent.lastName(), java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").toLowerCase();
        return name + "@example.org";
    }

    private void print(PrintStream out, List<String> pendingCodes) {
        String url = properties.publicUrl();
        StringBuilder text = new StringBuilder();
        text.append("\n  Préau demo is running — data in ").append(properties.dataDir().toAbsolutePath().normalize()).append('\n');
        text.append("\n    Open ").append(url).append("/login\n");
        text.append("\n    Password of every active demo account: ").append(PASSWORD).append("\n\n");
        for (Agent agent : AGENTS) {
            accounts.list(null, null, null, agent.lastName(), 50).stream()
                    .filter(a -> a.firstName().equals(agent.firstName()))
                    .findFirst()
                    .ifPresent(a -> text.append(String.format("    %-10s %-18s %-24s %-16s %s%n", a.login(),
                            a.firstName() + " " + a.lastName(),
                            messages.getMessage("role." + a.role().name(), null, Locale.FRENCH), describe(a),
                            tenancy.establishment(a.establishmentId()).name())));
        }
        if (!pendingCodes.isEmpty()) {
            text.append("\n    First connection (").append(url).append("/first-connection), activation code of the pending account:\n");
            pendingCodes.forEach(code -> text.append("      ").append(code).append('\n'));
        }
        text.append("\n    Recovery (\"Identifiant ou mot de passe oublié ?\"): every active agent has a verified backup address\n")
                .append("    (first.last@example.org) and mobile; the demo has no Internet and no SMS operator, so read the codes with\n")
                .append("      ./preau admin sms outbox                      (text messages)\n")
                .append("      ./preau admin queue list --sender '<>' --status failed   then   ./preau admin queue show N   (mail)\n");
        text.append("\n    Support and administrator accounts (lmoreau, agirard...) set up two-step verification at their first\n")
                .append("    login: scan the QR code with an authenticator app (Aegis, FreeOTP, Google Authenticator), or compute\n")
                .append("    the codes from the key shown under it with  oathtool --totp -b KEY\n");
        SmtpEndpoints endpoints = smtp.getIfAvailable();
        if (endpoints != null && !endpoints.endpoints().isEmpty()) {
            text.append("\n    Mail programs (Thunderbird, a phone): log in with the identifiant and the password above\n");
            for (SmtpEndpoints.Endpoint e : endpoints.endpoints()) {
                text.append(String.format("      %-12s localhost:%-6d %s%n", e.name(), e.port(), switch (e.name()) {
                    case "mx" -> "server-to-server mail for @ac-dijon.fr, @ac-lyon.fr, @ac-aix-marseille.fr";
                    case "submission" -> "sending (STARTTLS, then AUTH)";
                    default -> "sending (TLS from the start, then AUTH)";
                }));
            }
            text.append("      the certificate is self-signed: accept it once in the mail program\n");
        }
        text.append("\n    Administration (works while the server runs):\n      PREAU_DATA_DIR=")
                .append(properties.dataDir()).append(" ./preau admin --help\n");
        text.append("    Stop with Ctrl+C.\n");
        out.println(text);
    }

    private static String describe(Account account) {
        return switch (account.status()) {
            case PENDING -> "not activated";
            case SUSPENDED -> "suspended";
            case ACTIVE -> account.passwordMustChange() ? "password expired" : "active";
        };
    }
}
