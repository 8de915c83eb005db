package fr.preau.identity;

import static fr.preau.identity.IdentityServices.CLIENT;
import static fr.preau.identity.IdentityServices.numen;
import static org.assertj.core.api.Assertions.assertThat;

import fr.preau.identity.internal.OneTimeCodes;
import fr.preau.platform.UserError;
import fr.preau.tenancy.Academy;
import java.time.Duration;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PasswordChangesTest extends IdentityServiceTest {

    private static final String FIRST = FirstConnectionTest.STRONG;
    private static final String[] NEXT = {"Wz8$Np3#hTc6%Qy1", "Lm4&Vb9!qRt2*Xe7", "Pk7#Jd2$wNs8^Ga5", "Hy3@Fc6%zQm9&Ub4",
            "Tr5*Gx8!bLw3#Kp6"};
    private Account jean;

    @BeforeEach
    void account() {
        jean = s.createActive("Jean", "Dupont", numen(1), FIRST);
    }

    @Test
    void changeNeedsTheCurrentPasswordAndNotifiesBothAddresses() {
        s.contacts().setBackupEmail(jean.id(), "jean.dupont@example.org");
        s.contacts().verifyBackupEmail(jean.id(), "jean.dupont@example.org", s.clock().instant());
        assertThat(s.passwordChanges().change(jean.id(), "wrong", NEXT[0], NEXT[0], CLIENT))
                .extracting(UserError::field, UserError::key).containsExactly(Tuple.tuple("current", "password.error.current-wrong"));
        assertThat(s.mail().messages()).isEmpty();
        assertThat(s.passwordChanges().change(jean.id(), FIRST, NEXT[0], NEXT[0], CLIENT)).isEmpty();
        assertThat(s.authentication().authenticate("jdupont", NEXT[0], InterfaceChoice.FULL, CLIENT)).isInstanceOf(LoginResult.Success.class);
        assertThat(s.mail().messages()).extracting(IdentityServices.SentMail.Message::recipient)
                .containsExactly(jean.email(), "jean.dupont@example.org");
        assertThat(s.mail().messages().getFirst().subject()).contains("Votre mot de passe a été changé").contains("Your password was changed");
        assertThat(s.mail().messages().getFirst().text()).contains("192.0.2.10").doesNotContain(NEXT[0]);
        assertThat(auditTypes()).contains("PASSWORD_CHANGED");
    }

    @Test
    void theLastFivePasswordsCannotBeReused() {
        String current = FIRST;
        for (String next : NEXT) {
            s.clock().advance(Duration.ofDays(1));
            assertThat(s.passwordChanges().change(jean.id(), current, next, next, CLIENT)).as(next).isEmpty();
            current = next;
        }
        assertThat(s.passwordChanges().change(jean.id(), current, current, current, CLIENT))
                .extracting(UserError::key).containsExactly("password.error.same-as-before");
        for (int i = 0; i < 4; i++) {
            assertThat(s.passwordChanges().change(jean.id(), current, NEXT[i], NEXT[i], CLIENT)).as(NEXT[i])
                    .extracting(UserError::key).containsExactly("password.error.reused");
        }
        // the first has left the history of five (the current one and the four before it)
        assertThat(s.passwordChanges().change(jean.id(), current, FIRST, FIRST, CLIENT)).isEmpty();
        assertThat(db.jdbc().sql("select count(*) from password_history where account_id = ?").param(jean.id())
                .query(Integer.class).single()).isEqualTo(4);
    }

    @Test
    void resetEndsSessionsKillsCodesLiftsTheLockAndPublishes() {
        OneTimeCodes.Issued link = s.oneTimeCodes().issue(jean.id(), OneTimeCodes.Purpose.RESET_LINK, null, Duration.ofHours(1), true);
        for (int i = 0; i < 5; i++) {
            s.authentication().authenticate("jdupont", "wrong-" + i, InterfaceChoice.FULL, CLIENT);
        }
        assertThat(s.authentication().authenticate("jdupont", FIRST, InterfaceChoice.FULL, CLIENT)).isInstanceOf(LoginResult.Locked.class);
        assertThat(s.passwordChanges().reset(jean.id(), NEXT[0], NEXT[0], "test", CLIENT)).isEmpty();
        assertThat(s.events()).containsExactly(new CredentialsReset(jean.id()));
        assertThat(s.oneTimeCodes().checkLink(OneTimeCodes.Purpose.RESET_LINK, link.linkToken()))
                .isInstanceOf(OneTimeCodes.Check.AlreadyUsed.class);
        assertThat(s.authentication().authenticate("jdupont", NEXT[0], InterfaceChoice.FULL, CLIENT)).isInstanceOf(LoginResult.Success.class);
        assertThat(auditTypes()).contains("PASSWORD_RESET");
        assertThat(s.mail().messages()).extracting(IdentityServices.SentMail.Message::subject)
                .allMatch(subject -> subject.contains("réinitialisé"));
    }

    @Test
    void warnsBeforeTheMaximumAge() {
        Academy dijon = s.sample().dijon();
        assertThat(s.passwordChanges().expiresSoon(jean.id())).isEmpty();
        s.tenancy().updateAcademy(IdentityServices.ADMIN, new Academy(dijon.id(), dijon.code(), dijon.name(), dijon.mailDomain(),
                dijon.numenCode(), dijon.helpDesk(), true, dijon.passwordMinLength(), 90));
        assertThat(s.passwordChanges().expiresSoon(jean.id())).isEmpty();
        s.clock().advance(Duration.ofDays(77));
        assertThat(s.passwordChanges().expiresSoon(jean.id())).contains(jean.passwordChangedAt().plus(Duration.ofDays(90)));
        s.clock().advance(Duration.ofDays(14));
        assertThat(s.passwordChanges().expiresSoon(jean.id())).isEmpty();
        assertThat(s.authentication().passwordExpired(s.repository().byId(jean.id()).orElseThrow())).isTrue();
    }
}
