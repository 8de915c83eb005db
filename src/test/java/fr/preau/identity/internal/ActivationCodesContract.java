package fr.preau.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import fr.preau.testsupport.DatabaseContract;
import fr.preau.testsupport.MutableClock;
import fr.preau.testsupport.TestProperties;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

abstract class ActivationCodesContract extends DatabaseContract {

    private final MutableClock clock = MutableClock.start();
    private StorageFixture fixture;
    private AccountRepository accounts;
    private ActivationCodes codes;
    private long account;

    @BeforeEach
    void setUp() {
        fixture = new StorageFixture(db, clock);
        accounts = new AccountRepository(db.jdbc(), db.template());
        codes = new ActivationCodes(db.jdbc(), db.template(), TestProperties.secretKeys(), clock,
                TestProperties.properties());
        account = accounts.insert(fixture.row("jdupont", "Jean", "Dupont", 1, clock.instant()));
    }

    @Test
    void issuesReadableCodesValidForTheConfiguredTime() {
        ActivationCodes.Issued issued = codes.issue(account);
        assertThat(issued.code()).matches("[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}");
        assertThat(issued.expiresAt()).isEqualTo(MutableClock.START.plus(TestProperties.CODE_VALIDITY));
        assertThat(codes.expiry(account)).contains(issued.expiresAt());
        assertThat(codes.issue(account).code()).isNotEqualTo(issued.code());
    }

    @Test
    void storesOnlyAHashBoundToTheAccount() {
        ActivationCodes.Issued issued = codes.issue(account);
        String stored = db.jdbc().sql("select code_hash from activation_code").query(String.class).single();
        assertThat(stored).matches("[0-9a-f]{64}").doesNotContain(issued.code().replace("-", "").toLowerCase(Locale.ROOT));
        long other = accounts.insert(fixture.row("mmartin", "Marie", "Martin", 2, clock.instant()));
        assertThat(codes.check(other, issued.code())).as("another account's code").isEqualTo(ActivationCodes.Check.WRONG);
    }

    @Test
    void checksTheCodeHoweverItIsTyped() {
        String code = codes.issue(account).code();
        assertThat(codes.check(account, code)).isEqualTo(ActivationCodes.Check.VALID);
        assertThat(codes.check(account, code.toLowerCase(Locale.ROOT))).isEqualTo(ActivationCodes.Check.VALID);
        assertThat(codes.check(account, code.replace("-", ""))).isEqualTo(ActivationCodes.Check.VALID);
        assertThat(codes.check(account, " " + code.replace("-", " ") + " ")).isEqualTo(ActivationCodes.Check.VALID);
        assertThat(codes.check(account, code.substring(1) + "A")).isEqualTo(ActivationCodes.Check.WRONG);
        assertThat(codes.check(account, "")).isEqualTo(ActivationCodes.Check.WRONG);
        assertThat(codes.check(account, null)).isEqualTo(ActivationCodes.Check.WRONG);
        assertThat(codes.check(account + 1000, code)).as("no code at all").isEqualTo(ActivationCodes.Check.WRONG);
    }

    @Test
    void expiresAtTheEndOfItsValidity() {
        String code = codes.issue(account).code();
        clock.advance(TestProperties.CODE_VALIDITY.minusSeconds(1));
        assertThat(codes.check(account, code)).isEqualTo(ActivationCodes.Check.VALID);
        clock.advance(Duration.ofSeconds(1));
        assertThat(codes.check(account, code)).isEqualTo(ActivationCodes.Check.EXPIRED);
        assertThat(codes.check(account, "AAAA-AAAA-AAAA")).as("a wrong code stays wrong").isEqualTo(ActivationCodes.Check.WRONG);
    }

    @Test
    void aNewCodeReplacesTheOldOne() {
        String first = codes.issue(account).code();
        clock.advance(Duration.ofDays(1));
        ActivationCodes.Issued second = codes.issue(account);
        assertThat(codes.check(account, first)).isEqualTo(ActivationCodes.Check.WRONG);
        assertThat(codes.check(account, second.code())).isEqualTo(ActivationCodes.Check.VALID);
        assertThat(codes.expiry(account)).contains(second.expiresAt());
        assertThat(db.count("activation_code")).isEqualTo(1);
    }

    @Test
    void revokedCodesNoLongerWork() {
        String code = codes.issue(account).code();
        codes.revoke(account);
        assertThat(codes.check(account, code)).isEqualTo(ActivationCodes.Check.WRONG);
        assertThat(codes.expiry(account)).isEmpty();
        codes.revoke(account);
    }

    @Test
    void storesCodesOfManyAccountsAtOnce() {
        List<AccountRepository.NewRow> rows = new ArrayList<>();
        for (int i = 0; i < 1_200; i++) {
            rows.add(fixture.row("agent" + i, "A", "B", 100 + i, clock.instant()));
        }
        List<Long> ids = accounts.insertAll(rows);
        List<ActivationCodes.Issued> issued = ids.stream().map(id -> codes.generate()).toList();
        assertThat(codes.expiry(ids.getFirst())).as("generated, not stored yet").isEmpty();
        codes.storeAll(ids, issued);
        assertThat(db.count("activation_code")).isEqualTo(1_200);
        for (int i = 0; i < ids.size(); i += 101) {
            assertThat(codes.check(ids.get(i), issued.get(i).code())).isEqualTo(ActivationCodes.Check.VALID);
            assertThat(codes.check(ids.get(i), issued.get((i + 1) % ids.size()).code()))
                    .isEqualTo(ActivationCodes.Check.WRONG);
        }
        assertThat(codes.expiry(ids.getLast())).contains(issued.getLast().expiresAt());
    }
}
