package fr.preau.identity;

import static fr.preau.identity.IdentityServices.numen;
import static org.assertj.core.api.Assertions.assertThat;

import fr.preau.identity.internal.OneTimeCodes;
import fr.preau.identity.internal.OneTimeCodes.Check;
import fr.preau.identity.internal.OneTimeCodes.Purpose;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OneTimeCodesTest extends IdentityServiceTest {

    private OneTimeCodes codes;
    private Account jean;
    private Account marie;

    @BeforeEach
    void accounts() {
        codes = s.oneTimeCodes();
        jean = s.createActive("Jean", "Dupont", numen(1), FirstConnectionTest.STRONG);
        marie = s.createActive("Marie", "Curie", numen(2), FirstConnectionTest.STRONG);
    }

    @Test
    void aCodeWorksOnceForItsAccountAndPurpose() {
        OneTimeCodes.Issued issued = codes.issue(jean.id(), Purpose.RESET_EMAIL, "jean@example.org", Duration.ofMinutes(15), false);
        assertThat(issued.code()).matches("\\d{6}");
        assertThat(issued.linkToken()).isNull();
        assertThat(codes.checkCode(marie.id(), Purpose.RESET_EMAIL, issued.code())).isInstanceOf(Check.None.class);
        assertThat(codes.checkCode(jean.id(), Purpose.VERIFY_EMAIL, issued.code())).isInstanceOf(Check.None.class);
        Check valid = codes.checkCode(jean.id(), Purpose.RESET_EMAIL, issued.code().substring(0, 3) + " " + issued.code().substring(3));
        assertThat(valid).isInstanceOfSatisfying(Check.Valid.class, v -> assertThat(v.code().target()).isEqualTo("jean@example.org"));
        assertThat(codes.consume(((Check.Valid) valid).code().id())).isTrue();
        assertThat(codes.consume(((Check.Valid) valid).code().id())).as("second use").isFalse();
        assertThat(codes.checkCode(jean.id(), Purpose.RESET_EMAIL, issued.code())).isInstanceOf(Check.AlreadyUsed.class);
    }

    @Test
    void wrongTriesCountDownThenTheCodeIsDead() {
        OneTimeCodes.Issued issued = codes.issue(jean.id(), Purpose.RESET_SMS, "+33612345678", Duration.ofMinutes(15), false);
        String wrong = issued.code().equals("000000") ? "111111" : "000000";
        for (int left = 4; left >= 0; left--) {
            assertThat(codes.checkCode(jean.id(), Purpose.RESET_SMS, wrong)).isEqualTo(new Check.Wrong(left));
        }
        assertThat(codes.checkCode(jean.id(), Purpose.RESET_SMS, issued.code())).as("dead after 5 wrong tries")
                .isInstanceOf(Check.None.class);
    }

    @Test
    void expiresAndANewCodeReplacesTheOldOne() {
        OneTimeCodes.Issued first = codes.issue(jean.id(), Purpose.RESET_EMAIL, null, Duration.ofMinutes(15), false);
        s.clock().advance(Duration.ofMinutes(16));
        assertThat(codes.checkCode(jean.id(), Purpose.RESET_EMAIL, first.code())).isInstanceOf(Check.Expired.class);
        OneTimeCodes.Issued second = codes.issue(jean.id(), Purpose.RESET_EMAIL, null, Duration.ofMinutes(15), false);
        if (!first.code().equals(second.code())) {
            assertThat(codes.checkCode(jean.id(), Purpose.RESET_EMAIL, first.code())).isInstanceOf(Check.Wrong.class);
        }
        assertThat(codes.checkCode(jean.id(), Purpose.RESET_EMAIL, second.code())).isInstanceOf(Check.Valid.class);
        assertThat(codes.issuedSince(jean.id(), s.clock().instant().minus(Duration.ofHours(1)))).isEqualTo(2);
    }

    @Test
    void aLinkIsFoundByItsTokenOnlyAndOnlyTheHashIsStored() {
        OneTimeCodes.Issued issued = codes.issue(jean.id(), Purpose.RESET_LINK, "jean@example.org", Duration.ofHours(48), true);
        assertThat(issued.linkToken()).hasSizeGreaterThanOrEqualTo(43);
        assertThat(codes.checkLink(Purpose.RESET_LINK, issued.linkToken() + "x")).isInstanceOf(Check.None.class);
        assertThat(codes.checkLink(Purpose.RESET_EMAIL, issued.linkToken())).isInstanceOf(Check.None.class);
        assertThat(codes.checkLink(Purpose.RESET_LINK, issued.linkToken()))
                .isInstanceOfSatisfying(Check.Valid.class, v -> assertThat(v.code().accountId()).isEqualTo(jean.id()));
        String stored = db.jdbc().sql("select code_hash || ' ' || link_hash from one_time_code").query(String.class).single();
        assertThat(stored).doesNotContain(issued.code()).doesNotContain(issued.linkToken());
        codes.revokeAll(jean.id());
        assertThat(codes.checkLink(Purpose.RESET_LINK, issued.linkToken())).isInstanceOf(Check.AlreadyUsed.class);
    }
}
