package fr.preau.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import fr.preau.testsupport.DatabaseContract;
import fr.preau.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The two-factor tables (V14) and their SQL, alike on H2 and PostgreSQL. */
abstract class TwoFactorStorageContract extends DatabaseContract {

    private final MutableClock clock = MutableClock.start();
    private TwoFactorRepository secrets;
    private RecoveryCodeRepository codes;
    private TrustedBrowserRepository browsers;
    private AppPasswordRepository appPasswords;
    private AccountRepository accounts;
    private long jean;
    private long marie;

    @BeforeEach
    void setUp() {
        StorageFixture fixture = new StorageFixture(db, clock);
        accounts = new AccountRepository(db.jdbc(), db.template());
        jean = accounts.insert(fixture.row("jdupont", "Jean", "Dupont", 1, clock.instant()));
        marie = accounts.insert(fixture.row("mmartin", "Marie", "Martin", 2, clock.instant()));
        secrets = new TwoFactorRepository(db.jdbc());
        codes = new RecoveryCodeRepository(db.jdbc());
        browsers = new TrustedBrowserRepository(db.jdbc());
        appPasswords = new AppPasswordRepository(db.jdbc());
    }

    private static String hash(int n) {
        return String.format("%064x", n);
    }

    @Test
    void aPendingSecretIsReplacedUntilItIsOnThenNeverReplaced() {
        assertThat(secrets.find(jean)).isEmpty();
        assertThat(secrets.savePending(jean, "v1.first", clock.instant())).isTrue();
        assertThat(secrets.savePending(jean, "v1.second", clock.instant())).isTrue();
        assertThat(secrets.find(jean)).hasValueSatisfying(r -> {
            assertThat(r.secretSealed()).isEqualTo("v1.second");
            assertThat(r.enabled()).isFalse();
            assertThat(r.lastUsedStep()).isNull();
        });
        clock.advance(Duration.ofMinutes(1));
        assertThat(secrets.enable(jean, 1000, clock.instant())).isTrue();
        assertThat(secrets.enable(jean, 1001, clock.instant())).as("once").isFalse();
        assertThat(secrets.find(jean)).hasValueSatisfying(r -> {
            assertThat(r.enabledAt()).isEqualTo(clock.instant());
            assertThat(r.createdAt()).isEqualTo(clock.instant().minus(Duration.ofMinutes(1)));
            assertThat(r.lastUsedStep()).isEqualTo(1000L);
        });
        assertThat(secrets.savePending(jean, "v1.third", clock.instant())).isFalse();
        secrets.deletePending(jean);
        assertThat(secrets.find(jean).orElseThrow().secretSealed()).isEqualTo("v1.second");
    }

    @Test
    void aStepIsUsedOnceEvenByConcurrentLogins() throws Exception {
        secrets.savePending(jean, "v1.s", clock.instant());
        assertThat(secrets.useStep(jean, 5)).as("not on yet").isFalse();
        secrets.enable(jean, 1000, clock.instant());
        assertThat(secrets.useStep(jean, 1000)).isFalse();
        assertThat(secrets.useStep(jean, 999)).isFalse();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Boolean>> same = java.util.Collections.nCopies(8, () -> secrets.useStep(jean, 1001));
            long accepted = pool.invokeAll(same).stream().filter(f -> get(f)).count();
            assertThat(accepted).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(secrets.find(jean).orElseThrow().lastUsedStep()).isEqualTo(1001L);
    }

    private static boolean get(Future<Boolean> f) {
        try {
            return f.get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void recoveryCodesAreConsumedOnceAndReplacedAllTogether() {
        codes.replace(jean, List.of(hash(1), hash(2), hash(3)), clock.instant());
        codes.replace(marie, List.of(hash(1)), clock.instant());
        assertThat(codes.remaining(jean)).isEqualTo(3);
        assertThat(codes.consume(jean, hash(2), clock.instant())).isTrue();
        assertThat(codes.consume(jean, hash(2), clock.instant())).isFalse();
        assertThat(codes.used(jean, hash(2))).isTrue();
        assertThat(codes.used(jean, hash(1))).isFalse();
        assertThat(codes.consume(jean, hash(9), clock.instant())).isFalse();
        assertThat(codes.remaining(jean)).isEqualTo(2);
        assertThat(codes.remaining(marie)).as("another account's").isEqualTo(1);
        codes.replace(jean, List.of(hash(4)), clock.instant());
        assertThat(codes.remaining(jean)).isEqualTo(1);
        assertThat(codes.used(jean, hash(2))).isFalse();
    }

    @Test
    void trustedBrowsersExpireAndBelongToTheirAccount() {
        Instant now = clock.instant();
        browsers.insert(jean, hash(1), "Mozilla/5.0 " + "x".repeat(400), "192.0.2.1", now, now.plus(Duration.ofDays(30)));
        browsers.insert(jean, hash(2), "Firefox", "192.0.2.2", now.plusSeconds(1), now.plus(Duration.ofDays(1)));
        assertThat(browsers.use(marie, hash(1), now)).isFalse();
        assertThat(browsers.use(jean, hash(1), now.plusSeconds(5))).isTrue();
        assertThat(browsers.list(jean, now)).extracting(TrustedBrowserRepository.Row::ip)
                .containsExactly("192.0.2.2", "192.0.2.1");
        assertThat(browsers.list(jean, now).get(1).lastUsedAt()).isEqualTo(now.plusSeconds(5));
        assertThat(browsers.list(jean, now).get(1).userAgent()).hasSize(300);
        Instant later = now.plus(Duration.ofDays(2));
        assertThat(browsers.use(jean, hash(2), later)).as("expired").isFalse();
        assertThat(browsers.list(jean, later)).hasSize(1);
        assertThat(browsers.prune(later)).isEqualTo(1);
        long id = browsers.list(jean, later).getFirst().id();
        assertThat(browsers.revoke(marie, id)).isFalse();
        assertThat(browsers.revoke(jean, id)).isTrue();
        assertThat(browsers.revokeAll(jean)).isZero();
    }

    @Test
    void appPasswordsRecordTheirLastUseWithoutWritingAtEveryLogin() {
        long id = appPasswords.insert(jean, "Thunderbird", hash(7), clock.instant());
        assertThat(appPasswords.find(jean, hash(7))).contains(id);
        assertThat(appPasswords.find(marie, hash(7))).isEmpty();
        Instant first = clock.instant().plusSeconds(60);
        appPasswords.recordUse(id, "smtp", first, first.minus(Duration.ofMinutes(5)));
        appPasswords.recordUse(id, "smtp", first.plusSeconds(60), first.plusSeconds(60).minus(Duration.ofMinutes(5)));
        assertThat(appPasswords.list(jean).getFirst().lastUsedAt()).as("within five minutes: not written").isEqualTo(first);
        appPasswords.recordUse(id, "imap", first.plusSeconds(61), first.plusSeconds(61).minus(Duration.ofMinutes(5)));
        assertThat(appPasswords.list(jean).getFirst()).satisfies(p -> {
            assertThat(p.lastUsedProtocol()).isEqualTo("imap");
            assertThat(p.lastUsedAt()).isEqualTo(first.plusSeconds(61));
        });
        assertThat(appPasswords.name(marie, id)).isEmpty();
        assertThat(appPasswords.revoke(marie, id)).isFalse();
        assertThat(appPasswords.count(jean)).isEqualTo(1);
        assertThat(appPasswords.revokeAll(jean)).isEqualTo(1);
    }

    @Test
    void deletingTheAccountTakesEverythingWithIt() {
        secrets.savePending(jean, "v1.s", clock.instant());
        codes.replace(jean, List.of(hash(1)), clock.instant());
        browsers.insert(jean, hash(2), "UA", "192.0.2.1", clock.instant(), clock.instant().plus(Duration.ofDays(1)));
        appPasswords.insert(jean, "Phone", hash(3), clock.instant());
        accounts.delete(jean);
        for (String table : List.of("two_factor", "two_factor_recovery_code", "two_factor_trusted_browser", "app_password")) {
            assertThat(db.jdbc().sql("select count(*) from " + table).query(Integer.class).single()).as(table).isZero();
        }
    }
}
