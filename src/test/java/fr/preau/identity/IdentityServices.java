package fr.preau.identity;

import fr.preau.identity.internal.AccountRepository;
import fr.preau.identity.internal.AppPasswordRepository;
import fr.preau.identity.internal.RecoveryCodeRepository;
import fr.preau.identity.internal.SecretBox;
import fr.preau.identity.internal.TrustedBrowserRepository;
import fr.preau.identity.internal.TwoFactorPolicy;
import fr.preau.identity.internal.TwoFactorProperties;
import fr.preau.identity.internal.TwoFactorRepository;
import fr.preau.identity.internal.ActivationCodes;
import fr.preau.identity.internal.ContactRepository;
import fr.preau.identity.internal.OneTimeCodes;
import fr.preau.identity.internal.PasswordHistory;
import fr.preau.identity.internal.PasswordLifecycleProperties;
import fr.preau.identity.internal.RecoveryProperties;
import fr.preau.identity.internal.LoginThrottle;
import fr.preau.identity.internal.NewAccountChecks;
import fr.preau.identity.internal.PasswordHasher;
import fr.preau.identity.internal.SessionStore;
import fr.preau.identity.internal.StaffRepository;
import fr.preau.platform.AuditLog;
import fr.preau.platform.Maintenance;
import fr.preau.platform.PlatformFactory;
import fr.preau.platform.PreauProperties;
import fr.preau.platform.SecretKeys;
import fr.preau.platform.Settings;
import fr.preau.platform.web.ClientInfo;
import fr.preau.tenancy.SampleTenancy;
import fr.preau.tenancy.Tenancy;
import fr.preau.tenancy.TenancyFactory;
import fr.preau.testsupport.MutableClock;
import fr.preau.testsupport.TestDatabase;
import fr.preau.testsupport.TestProperties;

/**
 * The identity module's real services wired by hand on a test database, with a clock the
 * test moves and the {@link TestProperties test configuration}, plus the
 * {@link SampleTenancy sample académies}. Far faster than a Spring context, and each test
 * gets its own database.
 */
public record IdentityServices(
        TestDatabase db, MutableClock clock, PreauProperties properties, SecretKeys keys,
        AuditLog audit, Settings settings, Maintenance maintenance, Tenancy tenancy, SampleTenancy sample,
        AccountRepository repository, ActivationCodes codes, LoginThrottle throttle, SessionStore sessions,
        NewAccountChecks checks, PasswordHasher hasher, PasswordPolicy policy,
        Accounts accounts, Authentication authentication, FirstConnection firstConnection,
        PasswordRenewal renewal, ContactRepository contacts, OneTimeCodes oneTimeCodes, PasswordChanges passwordChanges,
        SentMail mail, java.util.List<Object> events, TwoFactor twoFactor, AppPasswords appPasswords) {

    /** The system mail identity sent (AccountMail), in order. */
    public record SentMail(java.util.List<Message> messages) implements AccountMail {
        public record Message(long accountId, String recipient, String subject, String text) {}

        @Override
        public void send(Account account, String recipient, String subject, String text) {
            messages.add(new Message(account.id(), recipient, subject, text));
        }
    }

    /** The admin actor used in tests. */
    public static final String ADMIN = "cli:test-admin";
    public static final ClientInfo CLIENT = new ClientInfo("192.0.2.10", "JUnit");

    /** Word lists take a second or two to load: one policy for the whole test run. */
    private static final PasswordPolicy POLICY = new PasswordPolicy();

    static {
        POLICY.warmUp();
    }

    public static PasswordPolicy sharedPolicy() {
        return POLICY;
    }

    /** The default lifetimes and limits of one-time codes. */
    public static final RecoveryProperties RECOVERY = new RecoveryProperties(java.time.Duration.ofMinutes(15),
            java.time.Duration.ofMinutes(30), java.time.Duration.ofHours(48), 5, 5, 30);

    public static IdentityServices on(TestDatabase db) {
        return on(db, MutableClock.start(), TestProperties.properties());
    }

    public static IdentityServices on(TestDatabase db, MutableClock clock, PreauProperties properties) {
        return on(db, clock, properties, NO_TWO_FACTOR_REQUIRED);
    }

    /** Two-factor authentication required of no role (tests that need it give their own rules). */
    public static final TwoFactorProperties NO_TWO_FACTOR_REQUIRED = new TwoFactorProperties(java.util.Set.of(),
            java.util.Map.of(), java.time.Duration.ofDays(30), java.time.Duration.ofMinutes(10), "Préau", 20);

    public static IdentityServices on(TestDatabase db, MutableClock clock, PreauProperties properties,
                                      TwoFactorProperties twoFactorProperties) {
        Tenancy tenancy = TenancyFactory.tenancy(db.jdbc(), clock, PlatformFactory.auditLog(db.jdbc(), clock));
        return build(db, clock, properties, twoFactorProperties, tenancy, SampleTenancy.create(tenancy));
    }

    /** The same services on the same database and académies, with other two-factor rules. */
    public IdentityServices withTwoFactor(TwoFactorProperties twoFactorProperties) {
        return build(db, clock, properties, twoFactorProperties, tenancy, sample);
    }

    private static IdentityServices build(TestDatabase db, MutableClock clock, PreauProperties properties,
                                          TwoFactorProperties twoFactorProperties, Tenancy tenancy, SampleTenancy sample) {
        SecretKeys keys = new SecretKeys(properties, TestProperties.SECRET_KEY);
        AuditLog audit = PlatformFactory.auditLog(db.jdbc(), clock);
        Settings settings = PlatformFactory.settings(db.jdbc(), clock);
        Maintenance maintenance = PlatformFactory.maintenance(settings, clock);
        AccountRepository repository = new AccountRepository(db.jdbc(), db.template());
        ActivationCodes codes = new ActivationCodes(db.jdbc(), db.template(), keys, clock, properties);
        LoginThrottle throttle = new LoginThrottle(db.jdbc(), keys, clock, properties);
        SessionStore sessions = new SessionStore(db.jdbc());
        NewAccountChecks checks = new NewAccountChecks(tenancy, keys);
        PasswordHasher hasher = new PasswordHasher(properties);
        Accounts accounts = new Accounts(repository, new StaffRepository(db.jdbc()), checks, codes, sessions, throttle, audit, clock);
        FirstConnection firstConnection = new FirstConnection(repository, codes, checks, throttle, hasher, POLICY,
                tenancy, audit, clock);
        ContactRepository contacts = new ContactRepository(db.jdbc());
        OneTimeCodes oneTimeCodes = new OneTimeCodes(db.jdbc(), keys, clock, RECOVERY);
        SentMail mail = new SentMail(new java.util.concurrent.CopyOnWriteArrayList<>());
        java.util.List<Object> events = new java.util.concurrent.CopyOnWriteArrayList<>();
        org.springframework.context.support.ResourceBundleMessageSource bundles =
                new org.springframework.context.support.ResourceBundleMessageSource();
        bundles.setBasenames("i18n/identity", "i18n/security");
        bundles.setDefaultEncoding("UTF-8");
        bundles.setFallbackToSystemLocale(false);
        SecurityNotices notices = new SecurityNotices(repository, contacts, mail, bundles, clock);
        PasswordChanges passwordChanges = new PasswordChanges(repository, hasher, POLICY, new PasswordHistory(db.jdbc()),
                new PasswordLifecycleProperties(5, 14), tenancy, sessions, oneTimeCodes, throttle, notices, events::add,
                audit, clock);
        PasswordRenewal renewal = new PasswordRenewal(repository, passwordChanges);
        TwoFactor twoFactor = new TwoFactor(new TwoFactorRepository(db.jdbc()), new RecoveryCodeRepository(db.jdbc()),
                new TrustedBrowserRepository(db.jdbc()), new AppPasswordRepository(db.jdbc()), repository, hasher,
                throttle, new TwoFactorPolicy(twoFactorProperties, tenancy), twoFactorProperties, new SecretBox(keys),
                keys, notices, audit, clock);
        AppPasswords appPasswords = new AppPasswords(new AppPasswordRepository(db.jdbc()), repository, twoFactor,
                twoFactorProperties, keys, notices, audit, clock);
        Authentication authentication = new Authentication(repository, hasher, throttle, tenancy, maintenance,
                twoFactor, appPasswords, audit, clock);
        return new IdentityServices(db, clock, properties, keys, audit, settings, maintenance, tenancy, sample,
                repository, codes, throttle, sessions, checks, hasher, POLICY, accounts, authentication,
                firstConnection, renewal, contacts, oneTimeCodes, passwordChanges, mail, events, twoFactor, appPasswords);
    }

    // ---- helpers for tests

    /** A valid NUMEN of the académie of Dijon (code 07), distinct for each {@code n} below 100000. */
    public static String numen(int n) {
        return "07E94%05dABC".formatted(n);
    }

    public static NewAccount newAccount(String firstName, String lastName, String numen) {
        return new NewAccount(lastName, firstName, numen, "enseignant", SampleTenancy.CARNOT, null, null);
    }

    public ProvisionedAccount create(String firstName, String lastName, String numen) {
        return accounts.create(ADMIN, newAccount(firstName, lastName, numen));
    }

    /** Creates an account and activates it with the given password (directly, as after a first connection). */
    public Account createActive(String firstName, String lastName, String numen, String password) {
        return activate(create(firstName, lastName, numen), password);
    }

    /** Activates a created account with the given password (directly, as after a first connection). */
    public Account activate(ProvisionedAccount created, String password) {
        repository.activate(created.account().id(), hasher.hash(password), null, null, clock.instant());
        codes.revoke(created.account().id());
        return repository.byId(created.account().id()).orElseThrow();
    }
}
