package fr.preau.portal.helpdesk;

import fr.preau.identity.Account;
import fr.preau.identity.AccountStatus;
import fr.preau.identity.Accounts;
import fr.preau.identity.ProvisionedAccount;
import fr.preau.identity.RecoveryContacts;
import fr.preau.identity.Role;
import fr.preau.identity.SupportIdentity;
import fr.preau.platform.AuditLog;
import fr.preau.platform.RateLimits;
import fr.preau.platform.UserError;
import fr.preau.platform.web.ClientInfo;
import fr.preau.tenancy.Department;
import fr.preau.tenancy.Establishment;
import fr.preau.tenancy.Tenancy;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The support console's operations. Each takes the {@link SupportScope} of the member of staff
 * (worked out afresh for every request from their account) and answers "not found" for a
 * request or account outside it, exactly as for one that does not exist. Every action is
 * audited under the support agent's identifiant, with the account it concerned.
 */
@Service
public class SupportConsole {

    /** An account the request describes, within the viewer's scope. */
    public record Match(Account account, Establishment establishment, Department department, boolean byIdentifier,
                        boolean byNumen, boolean namesAgree, boolean identityConfirmed, RecoveryContacts contacts,
                        boolean twoFactorOn) {

        /** How the backup address stands, as the console words it. */
        public String backupKey() {
            return contacts.backupEmailVerified() ? "hd.account.backup-verified"
                    : contacts.backupEmail() != null ? "hd.account.backup-unverified" : "hd.account.backup-no";
        }
    }

    /** A request as the console shows it. */
    public record RequestPage(HelpDeskRequest request, Department routed, Department chosen,
                              List<HistoryEntry> history, List<Match> matches) {

        public Optional<Match> match(long accountId) {
            return matches.stream().filter(m -> m.account().id() == accountId).findFirst();
        }
    }

    /** What a NUMEN check came to. */
    public enum Check { MATCH, NO_MATCH, TOO_MANY_ATTEMPTS }

    /** What asking for a letter came to. */
    public sealed interface LetterResult {
        record Issued(ProvisionedAccount letter) implements LetterResult {}

        /** The NUMEN has not been checked (by this support agent, in the last half hour). */
        record IdentityNotChecked() implements LetterResult {}

        /** The account is active: the support agent must confirm that it will be re-initialised. */
        record ConfirmationNeeded() implements LetterResult {}

        record Refused(UserError error) implements LetterResult {}
    }

    /** How long a NUMEN check stands for the actions that need one. */
    static final Duration CHECK_VALIDITY = Duration.ofMinutes(30);
    private static final RateLimits.Limit CHECKS = new RateLimits.Limit("helpdesk-numen-check", 5, Duration.ofMinutes(30));
    private static final int LIST_LIMIT = 200;

    private final HelpDeskRepository repository;
    private final SupportIdentity identity;
    private final Accounts accounts;
    private final Tenancy tenancy;
    private final RateLimits rateLimits;
    private final AuditLog audit;
    private final Clock clock;

    private final fr.preau.identity.TwoFactor twoFactor;

    SupportConsole(HelpDeskRepository repository, SupportIdentity identity, Accounts accounts, Tenancy tenancy,
                   RateLimits rateLimits, AuditLog audit, Clock clock, fr.preau.identity.TwoFactor twoFactor) {
        this.twoFactor = twoFactor;
        this.repository = repository;
        this.identity = identity;
        this.accounts = accounts;
        this.tenancy = tenancy;
        this.rateLimits = rateLimits;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The scope of a signed-in member of staff, read from their account as it is now: a support
     * agent's département, an administrator's académie; empty for anyone else, and for an account
     * no longer active.
     */
    public Optional<SupportScope> scopeOf(long accountId) {
        return accounts.byId(accountId).filter(a -> a.status() == AccountStatus.ACTIVE).flatMap(a -> switch (a.role()) {
            case SUPPORT -> Optional.of(new SupportScope(a.login(), a.academyId(),
                    tenancy.establishment(a.establishmentId()).departmentId()));
            case ADMINISTRATEUR -> Optional.of(new SupportScope(a.login(), a.academyId(), null));
            default -> Optional.empty();
        });
    }

    /** Whether the role may use the console at all (for links; access itself is {@link #scopeOf}). */
    public static boolean consoleRole(Role role) {
        return role == Role.SUPPORT || role == Role.ADMINISTRATEUR;
    }

    public List<HelpDeskRequest> list(SupportScope scope, Collection<RequestStatus> statuses) {
        return statuses.isEmpty() ? List.of() : repository.list(scope, statuses, LIST_LIMIT);
    }

    public Map<RequestStatus, Integer> counts(SupportScope scope) {
        return repository.counts(scope);
    }

    /** The name of the scope: the département, or the académie of an administrator. */
    public String scopeName(SupportScope scope) {
        return scope.wholeAcademy() ? tenancy.academy(scope.academyId()).name()
                : tenancy.department(scope.departmentId()).name() + " (" + tenancy.department(scope.departmentId()).code() + ")";
    }

    public Department department(long id) {
        return tenancy.department(id);
    }

    /** A request of the scope with its history and the accounts it describes; audited as viewed. */
    public Optional<RequestPage> open(SupportScope scope, String reference, ClientInfo client) {
        Optional<RequestPage> page = page(scope, reference);
        page.ifPresent(p -> audit.record(AuditLog.Entry.of(scope.actor(), "HELPDESK_REQUEST_VIEWED")
                .client(client.ip(), client.userAgent()).details("reference=" + p.request().reference())));
        return page;
    }

    private Optional<RequestPage> page(SupportScope scope, String reference) {
        return repository.inScope(scope, References.normalizeReference(reference)).map(r -> {
            List<HistoryEntry> history = repository.history(r.id(), false);
            return new RequestPage(r, tenancy.department(r.departmentId()), tenancy.department(r.chosenDepartmentId()),
                    history, matches(scope, r, history));
        });
    }

    private List<Match> matches(SupportScope scope, HelpDeskRequest request, List<HistoryEntry> history) {
        Map<Long, boolean[]> found = new LinkedHashMap<>();
        Map<Long, Account> byId = new LinkedHashMap<>();
        identity.byNumenHash(request.numenHash()).ifPresent(a -> {
            byId.put(a.id(), a);
            found.computeIfAbsent(a.id(), id -> new boolean[2])[1] = true;
        });
        identity.byIdentifier(request.identifier()).ifPresent(a -> {
            byId.put(a.id(), a);
            found.computeIfAbsent(a.id(), id -> new boolean[2])[0] = true;
        });
        Instant since = clock.instant().minus(CHECK_VALIDITY);
        List<Match> out = new ArrayList<>();
        for (Account a : byId.values()) {
            Establishment e = tenancy.establishment(a.establishmentId());
            if (!scope.covers(a.academyId(), e.departmentId())) {
                continue;
            }
            boolean confirmed = history.stream().anyMatch(h -> h.action() == HistoryAction.IDENTITY_MATCHED
                    && scope.actor().equals(h.author()) && a.login().equals(h.actionLogin()) && h.createdAt().isAfter(since));
            out.add(new Match(a, e, tenancy.department(e.departmentId()), found.get(a.id())[0], found.get(a.id())[1],
                    sameName(a.lastName(), request.lastName()) && sameName(a.firstName(), request.firstName()),
                    confirmed, identity.contacts(a.id()).orElse(new RecoveryContacts(null, null, null, null)),
                    twoFactor.enabled(a.id())));
        }
        return out;
    }

    /**
     * Checks the NUMEN a caller reads out against the account's keyed hash; says only whether it
     * matches. At most five checks per support agent and account in half an hour. Empty when the
     * request or the account is not in the scope.
     */
    @Transactional
    public Optional<Check> checkNumen(SupportScope scope, String reference, long accountId, String typed,
                                      ClientInfo client) {
        Optional<RequestPage> page = page(scope, reference);
        Optional<Match> match = page.flatMap(p -> p.match(accountId));
        if (match.isEmpty()) {
            return Optional.empty();
        }
        if (!rateLimits.tryConsume(CHECKS, scope.actor() + "|" + accountId).allowed()) {
            return Optional.of(Check.TOO_MANY_ATTEMPTS);
        }
        Account account = match.get().account();
        boolean matches = identity.numenMatches(accountId, typed);
        HistoryAction action = matches ? HistoryAction.IDENTITY_MATCHED : HistoryAction.IDENTITY_NOT_MATCHED;
        repository.addEntry(page.get().request().id(), clock.instant(), EntryKind.ACTION, scope.actor(),
                action.body(account.login()), takenUp(page.get().request()));
        audit.record(AuditLog.Entry.of(scope.actor(), "HELPDESK_IDENTITY_CHECKED").account(accountId)
                .client(client.ip(), client.userAgent())
                .details("reference=" + page.get().request().reference() + " result=" + (matches ? "match" : "no-match")));
        return Optional.of(matches ? Check.MATCH : Check.NO_MATCH);
    }

    /**
     * A new activation letter for an account the request describes, once this support agent has
     * checked its NUMEN; for an active account, only when they confirm that it is re-initialised.
     */
    @Transactional
    public Optional<LetterResult> issueLetter(SupportScope scope, String reference, long accountId,
                                              boolean reinitialisationConfirmed, ClientInfo client) {
        Optional<RequestPage> page = page(scope, reference);
        Optional<Match> match = page.flatMap(p -> p.match(accountId));
        if (match.isEmpty()) {
            return Optional.empty();
        }
        if (!match.get().identityConfirmed()) {
            return Optional.of(new LetterResult.IdentityNotChecked());
        }
        Account account = match.get().account();
        if (account.status() == AccountStatus.ACTIVE && !reinitialisationConfirmed) {
            return Optional.of(new LetterResult.ConfirmationNeeded());
        }
        ProvisionedAccount letter;
        try {
            letter = identity.issueLetter(scope.actor(), accountId, client);
        } catch (UserError refused) {
            return Optional.of(new LetterResult.Refused(refused));
        }
        repository.addEntry(page.get().request().id(), clock.instant(), EntryKind.ACTION, scope.actor(),
                HistoryAction.LETTER_ISSUED.body(account.login()), takenUp(page.get().request()));
        audit.record(AuditLog.Entry.of(scope.actor(), "HELPDESK_LETTER_ISSUED").account(accountId)
                .client(client.ip(), client.userAgent())
                .details("reference=" + page.get().request().reference()
                        + (account.status() == AccountStatus.ACTIVE ? " reinitialised" : "")));
        return Optional.of(new LetterResult.Issued(letter));
    }

    /** What turning off an agent's two-step verification came to. */
    public enum TwoFactorResult { DISABLED, IDENTITY_NOT_CHECKED, NOT_ON }

    /**
     * Turns off the two-step verification of an account the request describes (a lost phone and
     * lost recovery codes), once this support agent has checked its NUMEN. Empty when the request
     * or the account is not in the scope.
     */
    @Transactional
    public Optional<TwoFactorResult> disableTwoFactor(SupportScope scope, String reference, long accountId,
                                                      ClientInfo client) {
        Optional<RequestPage> page = page(scope, reference);
        Optional<Match> match = page.flatMap(p -> p.match(accountId));
        if (match.isEmpty()) {
            return Optional.empty();
        }
        if (!match.get().identityConfirmed()) {
            return Optional.of(TwoFactorResult.IDENTITY_NOT_CHECKED);
        }
        Account account = match.get().account();
        if (!twoFactor.disableBySupport(accountId, scope.actor(), client)) {
            return Optional.of(TwoFactorResult.NOT_ON);
        }
        repository.addEntry(page.get().request().id(), clock.instant(), EntryKind.ACTION, scope.actor(),
                HistoryAction.TWO_FACTOR_DISABLED.body(account.login()), takenUp(page.get().request()));
        return Optional.of(TwoFactorResult.DISABLED);
    }

    /**
     * An answer to the requester or an internal note, with or without a new status. Returns the
     * errors by field (none when recorded); empty when the request is not in the scope.
     */
    @Transactional
    public Optional<List<UserError>> reply(SupportScope scope, String reference, EntryKind kind, String text,
                                           RequestStatus status, ClientInfo client) {
        Optional<HelpDeskRequest> found = repository.inScope(scope, References.normalizeReference(reference));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        HelpDeskRequest request = found.get();
        String body = text == null ? "" : text.strip();
        RequestStatus next = status == null || status == request.status() ? null : status;
        if (kind != EntryKind.ANSWER && kind != EntryKind.NOTE) {
            return Optional.of(List.of(UserError.onField("kind", "hd.error.reply-kind")));
        }
        if (body.length() > HelpDeskFiling.MAX_MESSAGE) {
            return Optional.of(List.of(UserError.onField("reply", "hd.error.message-too-long",
                    HelpDeskFiling.MAX_MESSAGE, body.length())));
        }
        if (body.isEmpty() && next == null) {
            return Optional.of(List.of(UserError.onField("reply", "hd.error.reply-empty")));
        }
        if (body.isEmpty() && kind == EntryKind.NOTE) {
            // a bare status change is something the requester may see
            kind = EntryKind.ANSWER;
        }
        repository.addEntry(request.id(), clock.instant(), kind, scope.actor(), body, next);
        audit.record(AuditLog.Entry.of(scope.actor(), "HELPDESK_REQUEST_UPDATED")
                .client(client.ip(), client.userAgent())
                .details("reference=" + request.reference() + " entry=" + kind.name().toLowerCase(Locale.ROOT)
                        + (next == null ? "" : " status=" + next.name())));
        return Optional.of(List.of());
    }

    /** Records the outcome of a reset link asked for from the console (see the web layer). */
    @Transactional
    public void recordResetLink(SupportScope scope, HelpDeskRequest request, Account account, boolean sent,
                                String outcome, ClientInfo client) {
        repository.addEntry(request.id(), clock.instant(), EntryKind.ACTION, scope.actor(),
                (sent ? HistoryAction.RESET_LINK_SENT : HistoryAction.RESET_LINK_NOT_SENT).body(account.login()),
                takenUp(request));
        audit.record(AuditLog.Entry.of(scope.actor(), "HELPDESK_RESET_LINK").account(account.id())
                .client(client.ip(), client.userAgent())
                .details("reference=" + request.reference() + " result=" + outcome));
    }

    /** A request of the scope with the accounts it describes, for an action's checks (not audited as viewed). */
    public Optional<RequestPage> forAction(SupportScope scope, String reference) {
        return page(scope, reference);
    }

    /** A new request is in progress from the help desk's first action on it. */
    private static RequestStatus takenUp(HelpDeskRequest request) {
        return request.status() == RequestStatus.NEW ? RequestStatus.IN_PROGRESS : null;
    }

    private static boolean sameName(String a, String b) {
        return fold(a).equals(fold(b));
    }

    private static String fold(String name) {
        return name == null ? "" : Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
    }
}
