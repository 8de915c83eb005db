package fr.preau.identity;

import static fr.preau.identity.IdentityServices.ADMIN;
import static fr.preau.identity.IdentityServices.CLIENT;
import static fr.preau.identity.IdentityServices.numen;
import static org.assertj.core.api.Assertions.assertThat;

import fr.preau.platform.UserError;
import fr.preau.tenancy.Academy;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PasswordRenewalTest extends IdentityServiceTest {

    private static final String OLD = FirstConnectionTest.STRONG;
    private static final String NEW = "Wz8$Np3#hTc6%Qy1";
    private Account jean;

    @BeforeEach
    void createAccount() {
        jean = s.createActive("Jean", "Dupont", numen(1), OLD);
        s.accounts().expirePassword(ADMIN, "jdupont");
    }

    @Test
    void setsTheNewPasswordAndLetsTheAgentIn() {
        s.clock().advance(Duration.ofDays(1));
        assertThat(s.renewal().renew(jean.id(), NEW, NEW, CLIENT)).isEmpty();
        Account account = s.renewal().account(jean.id());
        assertThat(account.passwordMustChange()).isFalse();
        assertThat(account.passwordChangedAt()).isEqualTo(s.clock().instant());
        assertThat(s.audit().forAccount(jean.id(), 1).getFirst().type()).isEqualTo("PASSWORD_RENEWED");
        assertThat(s.authentication().authenticate("jdupont", OLD, InterfaceChoice.FULL, CLIENT))
                .isEqualTo(new LoginResult.BadCredentials());
        assertThat(s.authentication().authenticate("jdupont", NEW, InterfaceChoice.FULL, CLIENT))
                .isInstanceOf(LoginResult.Success.class);
    }

    @Test
    void refusesTheSamePassword() {
        assertThat(s.renewal().renew(jean.id(), OLD, OLD, CLIENT)).extracting(UserError::field, UserError::key)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("password", "password.error.same-as-before"));
        assertThat(s.renewal().account(jean.id()).passwordMustChange()).isTrue();
    }

    @Test
    void refusesWeakPasswordsAndMismatchedConfirmations() {
        assertThat(s.renewal().renew(jean.id(), "Dupont2024!!", "Dupont2024!!", CLIENT)).extracting(UserError::key)
                .contains("password.rule.personal.unmet");
        assertThat(s.renewal().renew(jean.id(), NEW, NEW + "x", CLIENT)).extracting(UserError::field)
                .containsExactly("confirmation");
        assertThat(s.renewal().account(jean.id()).passwordMustChange()).isTrue();
        assertThat(s.authentication().authenticate("jdupont", OLD, InterfaceChoice.FULL, CLIENT))
                .isEqualTo(new LoginResult.PasswordExpired(jean.id()));
    }

    @Test
    void followsTheAcademysMinimumLength() {
        Academy dijon = s.sample().dijon();
        s.tenancy().updateAcademy(ADMIN, new Academy(dijon.id(), dijon.code(), dijon.name(), dijon.mailDomain(),
                dijon.numenCode(), dijon.helpDesk(), true, 20, null));
        assertThat(s.renewal().policyFor(jean.id()).minLength()).isEqualTo(20);
        assertThat(s.renewal().renew(jean.id(), NEW, NEW, CLIENT)).extracting(UserError::key)
                .containsExactly("password.rule.length.unmet");
        assertThat(s.renewal().renew(jean.id(), NEW + "-Gb5&", NEW + "-Gb5&", CLIENT)).isEmpty();
    }
}
