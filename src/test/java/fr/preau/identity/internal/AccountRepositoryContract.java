package fr.preau.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.preau.identity.Account;
import fr.preau.identity.AccountStatus;
import fr.preau.identity.InterfaceChoice;
import fr.preau.identity.Role;
import fr.preau.testsupport.DatabaseContract;
import fr.preau.testsupport.MutableClock;
import fr.preau.testsupport.TestProperties;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;

abstract class AccountRepositoryContract extends DatabaseContract {

    private final MutableClock clock = MutableClock.start();
    private StorageFixture fixture;
    private AccountRepository repository;

    @BeforeEach
    void setUp() {
        fixture = new StorageFixture(db, clock);
        repository = new AccountRepository(db.jdbc(), db.template());
    }

    private long insert(String login, String first, String last, int n) {
        return repository.insert(fixture.row(login, first, last, n, clock.instant()));
    }

    @Test
    void insertsAPendingAccountAndReadsItBack() {
        AccountRepository.NewRow row = new AccountRepository.NewRow(fixture.dijon, fixture.carnot, "jdupont",
                "jean.dupont@ac-dijon.fr", "Dupont", "Jean", Role.CHARGE_DE_COURS, StorageFixture.numenHash(1),
                "07•••••••••BC", "jean@example.org", "+33612345678", clock.instant());
        long id = repository.insert(row);
        assertThat(id).isPositive();
        Account account = repository.byId(id).orElseThrow();
        assertThat(account).isEqualTo(new Account(id, fixture.dijon, fixture.carnot, "jdupont",
                "jean.dupont@ac-dijon.fr", "Dupont", "Jean", Role.CHARGE_DE_COURS, "07•••••••••BC",
                AccountStatus.PENDING, "jean@example.org", "+33612345678", InterfaceChoice.FULL, MutableClock.START,
                null, null, null, false));
        assertThat(repository.insert(fixture.row("mmartin", "Marie", "Martin", 2, clock.instant()))).isGreaterThan(id);
        assertThat(repository.count()).isEqualTo(2);
    }

    @Test
    void findsByLoginAddressAndNumenHash() {
        long id = insert("jdupont", "Jean", "Dupont", 1);
        insert("mmartin", "Marie", "Martin", 2);
        assertThat(repository.byLogin("jdupont").orElseThrow().id()).isEqualTo(id);
        assertThat(repository.byLogin("JDUPONT")).as("stored lower-case, looked up as given").isEmpty();
        assertThat(repository.credentials("jdupont").orElseThrow().account().id()).isEqualTo(id);
        assertThat(repository.credentials("jdupont@ac-dijon.fr").orElseThrow().account().id()).isEqualTo(id);
        assertThat(repository.credentials("jdupont").orElseThrow().passwordHash()).isNull();
        assertThat(repository.credentials("nobody")).isEmpty();
        assertThat(repository.byNumenHash(StorageFixture.numenHash(1)).orElseThrow().id()).isEqualTo(id);
        assertThat(repository.byNumenHash(StorageFixture.numenHash(3))).isEmpty();
        assertThat(repository.numenHashExists(StorageFixture.numenHash(2))).isTrue();
        assertThat(repository.numenHashExists(StorageFixture.numenHash(3))).isFalse();
        assertThat(repository.numenHash(id)).contains(StorageFixture.numenHash(1));
        assertThat(repository.numenHash(-1)).isEmpty();
    }

    @Test
    void refusesADuplicateLoginAddressOrNumen() {
        insert("jdupont", "Jean", "Dupont", 1);
        assertThatThrownBy(() -> insert("jdupont", "Jean", "Dupont", 2)).isInstanceOf(DuplicateKeyException.class);
        assertThatThrownBy(() -> insert("jdupont2", "Jean", "Dupont", 1)).isInstanceOf(DuplicateKeyException.class);
        assertThatThrownBy(() -> repository.insert(new AccountRepository.NewRow(fixture.dijon, fixture.carnot,
                "other", "jdupont@ac-dijon.fr", "X", "Y", Role.SUPPORT, StorageFixture.numenHash(3), "m", null, null,
                clock.instant()))).isInstanceOf(DuplicateKeyException.class);
        assertThat(repository.count()).isEqualTo(1);
    }

    @Test
    void insertsThousandsInBatchesAndReturnsIdsInOrder() {
        int n = 3_000;
        List<AccountRepository.NewRow> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            // not in alphabetical order, so that ids cannot come back sorted by accident
            String login = "agent" + ((i * 7919) % n);
            rows.add(fixture.row(login, "Prénom", "Nom" + i, i, clock.instant()));
        }
        List<Long> ids = repository.insertAll(rows);
        assertThat(ids).hasSize(n).doesNotContainNull().doesNotHaveDuplicates();
        for (int i = 0; i < n; i += 97) {
            assertThat(repository.byId(ids.get(i)).orElseThrow().login()).isEqualTo(rows.get(i).login());
        }
        assertThat(repository.byId(ids.getLast()).orElseThrow().login()).isEqualTo(rows.getLast().login());
        assertThat(repository.count()).isEqualTo(n);
        assertThat(repository.list(null, null, AccountStatus.PENDING, null, 10_000)).hasSize(n);
        assertThat(repository.allLogins()).hasSize(n).contains("agent0", "agent2999");
        assertThat(repository.allEmails()).hasSize(n).contains("agent0@ac-dijon.fr");

        List<String> hashes = new ArrayList<>(IntStream.range(0, n).mapToObj(StorageFixture::numenHash).toList());
        hashes.addAll(IntStream.range(n, n + 5).mapToObj(StorageFixture::numenHash).toList());
        assertThat(repository.existingNumenHashes(hashes)).hasSize(n)
                .doesNotContain(StorageFixture.numenHash(n));
        assertThat(repository.existingNumenHashes(List.of())).isEmpty();
    }

    @Test
    void insertAllOfNothingIsNothing() {
        assertThat(repository.insertAll(List.of())).isEmpty();
    }

    @Test
    void findsLoginsAndAddressesByPrefixTakingWildcardsLiterally() {
        insert("jdupont", "Jean", "Dupont", 1);
        insert("jdupont2", "Jeanne", "Dupont", 2);
        insert("jdupontel", "Julie", "Dupontel", 3);
        insert("jdxpont", "Jacques", "Dxpont", 4);
        assertThat(repository.loginsStartingWith("jdupont")).containsExactlyInAnyOrder("jdupont", "jdupont2", "jdupontel");
        assertThat(repository.loginsStartingWith("jd_pont")).isEmpty();
        assertThat(repository.loginsStartingWith("%")).isEmpty();
        assertThat(repository.emailsStartingWith("jdupont2")).containsExactly("jdupont2@ac-dijon.fr");
        assertThat(repository.emailsStartingWith("jd%")).isEmpty();
    }

    @Test
    void listsWithFiltersSearchAndLimit() {
        long dupont = insert("jdupont", "Jean", "Dupont", 1);
        long martin = insert("mmartin", "Marie", "Martin", 2);
        repository.insert(new AccountRepository.NewRow(fixture.dijon, fixture.beaune, "pbernard",
                "paul.bernard@ac-dijon.fr", "Bernard", "Paul", Role.SUPPORT, StorageFixture.numenHash(3), "m", null,
                null, clock.instant()));
        repository.insert(new AccountRepository.NewRow(fixture.lyon, fixture.parc, "adurand",
                "alice.durand@ac-lyon.fr", "Durand", "Alice", Role.ENSEIGNANT, StorageFixture.numenHash(4), "m", null,
                null, clock.instant()));
        repository.setStatus(martin, AccountStatus.SUSPENDED, clock.instant());

        assertThat(logins(repository.list(null, null, null, null, 100)))
                .as("by last name").containsExactly("pbernard", "jdupont", "adurand", "mmartin");
        assertThat(logins(repository.list(fixture.dijon, null, null, null, 100)))
                .containsExactly("pbernard", "jdupont", "mmartin");
        assertThat(logins(repository.list(null, fixture.carnot, null, null, 100))).containsExactly("jdupont", "mmartin");
        assertThat(logins(repository.list(fixture.dijon, fixture.carnot, AccountStatus.SUSPENDED, null, 100)))
                .containsExactly("mmartin");
        assertThat(logins(repository.list(null, null, AccountStatus.ACTIVE, null, 100))).isEmpty();
        assertThat(logins(repository.list(null, null, null, "DUR", 100))).as("last name, any case")
                .containsExactly("adurand");
        assertThat(logins(repository.list(null, null, null, "paul.bernard@", 100))).containsExactly("pbernard");
        assertThat(logins(repository.list(null, null, null, "jdup", 100))).containsExactly("jdupont");
        assertThat(logins(repository.list(null, null, null, "  ", 100))).hasSize(4);
        assertThat(logins(repository.list(null, null, null, null, 2))).containsExactly("pbernard", "jdupont");
        assertThat(repository.list(null, null, null, null, 100).get(1).id()).isEqualTo(dupont);
    }

    @Test
    void listSearchTakesPercentUnderscoreAndBackslashLiterally() {
        insert("jdupont", "Jean", "Dupont", 1);
        insert("jdxpont", "Jacques", "Dxpont", 2);
        insert("tcent", "Tom", "Cent%Pour", 3);
        insert("wback", "Will", "Back\\Slash", 4);
        assertThat(logins(repository.list(null, null, null, "%", 100))).containsExactly("tcent");
        assertThat(logins(repository.list(null, null, null, "d_pont", 100))).isEmpty();
        assertThat(logins(repository.list(null, null, null, "_", 100))).isEmpty();
        assertThat(logins(repository.list(null, null, null, "t%p", 100))).containsExactly("tcent");
        assertThat(logins(repository.list(null, null, null, "k\\s", 100))).containsExactly("wback");
    }

    @Test
    void changesStatusActivatesAndSetsPasswords() {
        long id = insert("jdupont", "Jean", "Dupont", 1);
        Instant suspendedAt = clock.advance(Duration.ofHours(1)).instant();
        repository.setStatus(id, AccountStatus.SUSPENDED, suspendedAt);
        assertThat(repository.byId(id).orElseThrow()).extracting(Account::status, Account::suspendedAt)
                .containsExactly(AccountStatus.SUSPENDED, suspendedAt);
        repository.setStatus(id, AccountStatus.PENDING, null);
        assertThat(repository.byId(id).orElseThrow()).extracting(Account::status, Account::suspendedAt)
                .containsExactly(AccountStatus.PENDING, null);
        assertThat(repository.pendingOf(fixture.carnot)).extracting(Account::id).containsExactly(id);

        Instant activatedAt = clock.advance(Duration.ofHours(1)).instant();
        repository.activate(id, "$argon2id$hash", "jean@example.org", "+33612345678", activatedAt);
        Account active = repository.byId(id).orElseThrow();
        assertThat(active).extracting(Account::status, Account::activatedAt, Account::passwordChangedAt,
                        Account::backupEmail, Account::mobile, Account::passwordMustChange)
                .containsExactly(AccountStatus.ACTIVE, activatedAt, activatedAt, "jean@example.org", "+33612345678", false);
        assertThat(repository.credentials("jdupont").orElseThrow().passwordHash()).isEqualTo("$argon2id$hash");
        assertThat(repository.pendingOf(fixture.carnot)).isEmpty();

        repository.setPasswordMustChange(id, true);
        assertThat(repository.byId(id).orElseThrow().passwordMustChange()).isTrue();
        Instant renewedAt = clock.advance(Duration.ofDays(1)).instant();
        repository.setPassword(id, "$argon2id$other", renewedAt);
        assertThat(repository.byId(id).orElseThrow()).extracting(Account::passwordChangedAt, Account::passwordMustChange)
                .containsExactly(renewedAt, false);
        assertThat(repository.credentials("jdupont").orElseThrow().passwordHash()).isEqualTo("$argon2id$other");

        repository.setInterface(id, InterfaceChoice.SIMPLIFIED);
        assertThat(repository.byId(id).orElseThrow().interfacePref()).isEqualTo(InterfaceChoice.SIMPLIFIED);
    }

    @Test
    void deleteTakesTheActivationCodeAlong() {
        long id = insert("jdupont", "Jean", "Dupont", 1);
        long other = insert("mmartin", "Marie", "Martin", 2);
        ActivationCodes codes = new ActivationCodes(db.jdbc(), db.template(), TestProperties.secretKeys(), clock,
                TestProperties.properties());
        codes.issue(id);
        codes.issue(other);
        repository.delete(id);
        assertThat(repository.byId(id)).isEmpty();
        assertThat(db.count("activation_code")).isEqualTo(1);
        assertThat(codes.expiry(other)).isPresent();
    }

    private static List<String> logins(List<Account> accounts) {
        return accounts.stream().map(Account::login).toList();
    }
}
