package fr.preau.identity;

import fr.preau.identity.internal.AccountRepository;
import fr.preau.identity.internal.ActivationCodes;
import fr.preau.identity.internal.HrFile;
import fr.preau.identity.internal.Identifiers;
import fr.preau.identity.internal.LoginThrottle;
import fr.preau.identity.internal.NewAccountChecks;
import fr.preau.identity.internal.SessionStore;
import fr.preau.identity.internal.StaffRepository;
import fr.preau.platform.AuditLog;
import fr.preau.platform.UserError;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The administration's side of accounts: create one or import a file, issue activation
 * codes, suspend, reactivate, delete, force a password change, unlock. Accounts exist only
 * through these operations (there is no sign-up), and each one is audited under its actor.
 */
@Service
public class Accounts {

    private final AccountRepository repository;
    private final StaffRepository staff;
    private final NewAccountChecks checks;
    private final ActivationCodes codes;
    private final SessionStore sessions;
    private final LoginThrottle throttle;
    private final AuditLog audit;
    private final Clock clock;

    Accounts(AccountRepository repository, StaffRepository staff, NewAccountChecks checks, ActivationCodes codes,
             SessionStore sessions, LoginThrottle throttle, AuditLog audit, Clock clock) {
        this.repository = repository;
        this.staff = staff;
        this.checks = checks;
        this.codes = codes;
        this.sessions = sessions;
        this.throttle = throttle;
        this.audit = audit;
        this.clock = clock;
    }

    // ---- reading

    public Optional<Account> byLogin(String login) {
        return repository.byLogin(login == null ? "" : login.trim().toLowerCase(Locale.ROOT));
    }

    public Optional<Account> byId(long id) {
        return repository.byId(id);
    }

    /** By address only (mail routing: an identifiant is not an address). */
    public Optional<Account> byEmail(String email) {
        return repository.byEmail(email == null ? "" : email.trim().toLowerCase(Locale.ROOT));
    }

    /** The active accounts of an académie with a role, oldest first. */
    public List<Account> withRole(long academyId, Role role) {
        return repository.withRole(academyId, role);
    }

    /** By identifiant or address, as an administrator may type either. */
    public Optional<Account> find(String loginOrEmail) {
        return repository.credentials(loginOrEmail == null ? "" : loginOrEmail.trim().toLowerCase(Locale.ROOT))
                .map(AccountRepository.Credentials::account);
    }

    public List<Account> list(Long academyId, Long establishmentId, AccountStatus status, String search, int limit) {
        return repository.list(academyId, establishmentId, status, search, limit);
    }

    public List<Account> pendingOf(long establishmentId) {
        return repository.pendingOf(establishmentId);
    }

    // ---- the staff directory's reading (active accounts only, never NUMEN, backup e-mail or mobile)

    /**
     * A page of the active accounts of an académie that match the query, sorted by last name
     * then first name (accents and case ignored), with the number that match in all.
     */
    public StaffPage staff(long academyId, StaffQuery query, int offset, int limit) {
        return staff.search(academyId, query == null ? StaffQuery.any() : query, Math.max(0, offset),
                Math.max(0, Math.min(limit, 200)));
    }

    /** An active account of the académie, or empty (unknown, inactive, or of another académie). */
    public Optional<StaffMember> staffMember(long academyId, long accountId) {
        return staff.member(academyId, accountId);
    }

    /**
     * Active accounts of the académie whose first or last name has words starting with the
     * typed words, or whose address starts with the typed text; in name order.
     */
    public List<StaffMember> staffByPrefix(long academyId, String text, int limit) {
        return staff.byPrefix(academyId, text, Math.max(0, Math.min(limit, 50)));
    }

    /** The expiry of the account's live activation code, if it has one. */
    public Optional<Instant> activationCodeExpiry(long accountId) {
        return codes.expiry(accountId);
    }

    /** Remembers the interface an agent prefers. */
    public void rememberInterface(long accountId, InterfaceChoice choice) {
        repository.setInterface(accountId, choice);
    }

    // ---- creating

    @Transactional
    public ProvisionedAccount create(String actor, NewAccount input) {
        checks.refresh();
        NewAccountChecks.Outcome outcome = checks.check(input);
        if (!outcome.ok()) {
            throw outcome.errors().get(0);
        }
        NewAccountChecks.Checked c = outcome.checked();
        if (repository.numenHashExists(c.numenHash())) {
            throw UserError.onField("numen", "account.error.numen-duplicate");
        }
        String loginBase = Identifiers.loginBase(c.firstName(), c.lastName());
        String localBase = Identifiers.localPartBase(c.firstName(), c.lastName());
        String login = Identifiers.firstFree(loginBase, repository.loginsStartingWith(loginBase));
        String email = Identifiers.firstFreeAddress(localBase, c.academy().mailDomain(),
                repository.emailsStartingWith(localBase));
        long id = repository.insert(row(c, login, email));
        ActivationCodes.Issued code = codes.issue(id);
        audit.record(AuditLog.Entry.of(actor, "ACCOUNT_CREATED").account(id).details("login=" + login));
        return new ProvisionedAccount(repository.byId(id).orElseThrow(), code.code(), code.expiresAt());
    }

    /**
     * Imports an HR file. Every line is checked first, and every problem reported with its line
     * number; when there is any, nothing is imported unless {@code skipInvalid}, in which case
     * the valid lines are.
     */
    @Transactional
    public ImportReport importFile(String actor, byte[] file, boolean skipInvalid) {
        List<HrFile.Line> lines;
        try {
            lines = HrFile.read(file);
        } catch (HrFile.Unreadable unreadable) {
            return new ImportReport(0, List.of(),
                    List.of(new ImportReport.Problem(0, null, unreadable.key(), List.of(unreadable.args()))), false);
        }
        checks.refresh();
        List<ImportReport.Problem> problems = new ArrayList<>();
        List<HrFile.Line> validLines = new ArrayList<>();
        List<NewAccountChecks.Checked> valid = new ArrayList<>();
        Map<String, Integer> numenLine = new HashMap<>();
        for (HrFile.Line line : lines) {
            NewAccountChecks.Outcome outcome = checks.check(line.account());
            if (!outcome.ok()) {
                outcome.errors().forEach(e -> problems.add(problem(line.number(), e)));
                continue;
            }
            Integer earlier = numenLine.putIfAbsent(outcome.checked().numenHash(), line.number());
            if (earlier != null) {
                problems.add(new ImportReport.Problem(line.number(), "numen", "import.error.numen-repeated",
                        List.of(earlier)));
                continue;
            }
            validLines.add(line);
            valid.add(outcome.checked());
        }
        Set<String> existing = repository.existingNumenHashes(valid.stream().map(NewAccountChecks.Checked::numenHash).toList());
        if (!existing.isEmpty()) {
            for (int i = valid.size() - 1; i >= 0; i--) {
                if (existing.contains(valid.get(i).numenHash())) {
                    problems.add(new ImportReport.Problem(validLines.get(i).number(), "numen",
                            "account.error.numen-duplicate", List.of()));
                    valid.remove(i);
                    validLines.remove(i);
                }
            }
        }
        problems.sort(java.util.Comparator.comparingInt(ImportReport.Problem::line));
        if (!problems.isEmpty() && !skipInvalid) {
            return new ImportReport(lines.size(), List.of(), problems, false);
        }
        Set<String> logins = repository.allLogins();
        Set<String> emails = repository.allEmails();
        Instant now = clock.instant();
        List<AccountRepository.NewRow> rows = new ArrayList<>(valid.size());
        for (NewAccountChecks.Checked c : valid) {
            String login = Identifiers.firstFree(Identifiers.loginBase(c.firstName(), c.lastName()), logins);
            String email = Identifiers.firstFreeAddress(Identifiers.localPartBase(c.firstName(), c.lastName()),
                    c.academy().mailDomain(), emails);
            logins.add(login);
            emails.add(email);
            rows.add(new AccountRepository.NewRow(c.academy().id(), c.establishment().id(), login, email,
                    c.lastName(), c.firstName(), c.role(), c.numenHash(), c.numenMasked(), c.backupEmail(),
                    c.mobile(), now));
        }
        List<Long> ids = repository.insertAll(rows);
        List<ProvisionedAccount> created = new ArrayList<>(ids.size());
        List<ActivationCodes.Issued> issued = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            issued.add(codes.generate());
        }
        codes.storeAll(ids, issued);
        for (int i = 0; i < ids.size(); i++) {
            AccountRepository.NewRow r = rows.get(i);
            created.add(new ProvisionedAccount(new Account(ids.get(i), r.academyId(), r.establishmentId(), r.login(),
                    r.email(), r.lastName(), r.firstName(), r.role(), r.numenMasked(), AccountStatus.PENDING,
                    r.backupEmail(), r.mobile(), InterfaceChoice.FULL, now, null, null, null, false),
                    issued.get(i).code(), issued.get(i).expiresAt()));
        }
        audit.record(AuditLog.Entry.of(actor, "ACCOUNTS_IMPORTED")
                .details("created=" + created.size() + " refused=" + problems.size()));
        return new ImportReport(lines.size(), created, problems, true);
    }

    private static ImportReport.Problem problem(int line, UserError error) {
        return new ImportReport.Problem(line, error.field(), error.key(), List.of(error.args()));
    }

    private AccountRepository.NewRow row(NewAccountChecks.Checked c, String login, String email) {
        return new AccountRepository.NewRow(c.academy().id(), c.establishment().id(), login, email, c.lastName(),
                c.firstName(), c.role(), c.numenHash(), c.numenMasked(), c.backupEmail(), c.mobile(), clock.instant());
    }

    // ---- life cycle

    /**
     * Issues a new activation code for a pending account, replacing the old one (for a new
     * letter). Refused for an account already activated.
     */
    @Transactional
    public ProvisionedAccount reissueActivationCode(String actor, String login) {
        Account account = existing(login);
        if (account.status() != AccountStatus.PENDING) {
            throw UserError.of("account.error.already-active", account.login());
        }
        ActivationCodes.Issued code = codes.issue(account.id());
        audit.record(AuditLog.Entry.of(actor, "ACTIVATION_CODE_ISSUED").account(account.id()));
        return new ProvisionedAccount(account, code.code(), code.expiresAt());
    }

    /** New codes for every pending account of an établissement (letters for its secretariat). */
    @Transactional
    public List<ProvisionedAccount> reissueActivationCodes(String actor, long establishmentId) {
        List<ProvisionedAccount> out = new ArrayList<>();
        for (Account account : repository.pendingOf(establishmentId)) {
            ActivationCodes.Issued code = codes.issue(account.id());
            audit.record(AuditLog.Entry.of(actor, "ACTIVATION_CODE_ISSUED").account(account.id()));
            out.add(new ProvisionedAccount(account, code.code(), code.expiresAt()));
        }
        return out;
    }

    @Transactional
    public Account suspend(String actor, String login, String reason) {
        Account account = existing(login);
        if (account.status() == AccountStatus.SUSPENDED) {
            throw UserError.of("account.error.already-suspended", account.login());
        }
        repository.setStatus(account.id(), AccountStatus.SUSPENDED, clock.instant());
        int ended = sessions.endAll(account.login());
        audit.record(AuditLog.Entry.of(actor, "ACCOUNT_SUSPENDED").account(account.id())
                .details((reason == null || reason.isBlank() ? "" : "reason=" + reason.strip() + " ")
                        + "sessions-ended=" + ended));
        return repository.byId(account.id()).orElseThrow();
    }

    @Transactional
    public Account reactivate(String actor, String login) {
        Account account = existing(login);
        if (account.status() != AccountStatus.SUSPENDED) {
            throw UserError.of("account.error.not-suspended", account.login());
        }
        AccountStatus back = account.activatedAt() == null ? AccountStatus.PENDING : AccountStatus.ACTIVE;
        repository.setStatus(account.id(), back, null);
        audit.record(AuditLog.Entry.of(actor, "ACCOUNT_REACTIVATED").account(account.id()));
        return repository.byId(account.id()).orElseThrow();
    }

    @Transactional
    public void delete(String actor, String login) {
        Account account = existing(login);
        sessions.endAll(account.login());
        throttle.forgetAccount(account.id());
        repository.delete(account.id());
        audit.record(AuditLog.Entry.of(actor, "ACCOUNT_DELETED").account(account.id())
                .details("login=" + account.login()));
    }

    /** Forces the agent to choose a new password at the next login. */
    @Transactional
    public Account expirePassword(String actor, String login) {
        Account account = existing(login);
        if (account.status() == AccountStatus.PENDING) {
            throw UserError.of("account.error.not-activated", account.login());
        }
        repository.setPasswordMustChange(account.id(), true);
        audit.record(AuditLog.Entry.of(actor, "PASSWORD_EXPIRED_BY_ADMIN").account(account.id()));
        return repository.byId(account.id()).orElseThrow();
    }

    /** Lifts a temporary login lock. */
    @Transactional
    public void unlock(String actor, String login) {
        Account account = existing(login);
        throttle.forgetAccount(account.id());
        audit.record(AuditLog.Entry.of(actor, "ACCOUNT_UNLOCKED").account(account.id()));
    }

    private Account existing(String login) {
        return find(login).orElseThrow(() -> UserError.of("account.error.unknown", login));
    }
}
