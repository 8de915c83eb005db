package fr.preau.identity;

import static fr.preau.identity.IdentityServices.ADMIN;
import static fr.preau.identity.IdentityServices.CLIENT;
import static fr.preau.identity.IdentityServices.numen;
import static org.assertj.core.api.Assertions.assertThat;

import fr.preau.platform.AuditLog;
import fr.preau.platform.Maintenance;
import fr.preau.tenancy.Academy;
import fr.preau.testsupport.TestProperties;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuthenticationTest extends IdentityServiceTest {

    private static final String PASSWORD = "Correct-Horse-42!";
    private static final int LOCK_AFTER = TestProperties.LOGIN.lockAfterFailures();
    private Account jean;

    @BeforeEach
    void createAccount() {
        jean = s.createActive("Jean", "Dupont", numen(1), PASSWORD);
    }

    private LoginResult login(String identifier, String password) {
        return s.authentication().authenticate(identifier, password, InterfaceChoice.FULL, CLIENT);
    }

    @Test
    void letsTheRightPasswordInByIdentifiantOrAddress() {
        LoginResult result = s.authentication().authenticate(" JDupont ", PASSWORD, InterfaceChoice.SIMPLIFIED, CLIENT);
        assertThat(result).isEqualTo(new LoginResult.Success(
                new AgentPrincipal(jean.id(), "jdupont", "Jean Dupont", Role.ENSEIGNANT, InterfaceChoice.SIMPLIFIED),
                false));
        assertThat(s.repository().byId(jean.id()).orElseThrow().interfacePref()).isEqualTo(InterfaceChoice.SIMPLIFIED);
        assertThat(s.audit().forAccount(jean.id(), 1).getFirst())
                .extracting(AuditLog.Event::type, AuditLog.Event::ip, AuditLog.Event::userAgent, AuditLog.Event::details)
                .containsExactly("LOGIN_SUCCEEDED", CLIENT.ip(), CLIENT.userAgent(), "interface=simplified");
        assertThat(login("Jean.Dupont@AC-DIJON.fr", PASSWORD)).isInstanceOf(LoginResult.Success.class);
    }

    @Test
    void mailClientsLogInWithTheSameChecksAndAreRecordedOncePerAddress() {
        Authentication.ProtocolLogin ok = s.authentication().authenticateProtocol("jdupont", PASSWORD, "smtp", CLIENT);
        assertThat(ok.succeeded()).isTrue();
        assertThat(ok.account().id()).isEqualTo(jean.id());
        assertThat(s.authentication().authenticateProtocol("jean.dupont@ac-dijon.fr", PASSWORD, "smtp", CLIENT).succeeded()).isTrue();
        assertThat(s.audit().forAccount(jean.id(), 10)).filteredOn(e -> e.type().equals("PROTOCOL_LOGIN_SUCCEEDED"))
                .singleElement().extracting(AuditLog.Event::details).isEqualTo("protocol=smtp");
        Authentication.ProtocolLogin wrong = s.authentication().authenticateProtocol("jdupont", "wrong", "smtp", CLIENT);
        assertThat(wrong.succeeded()).isFalse();
        assertThat(wrong.refusal()).isEqualTo(new LoginResult.BadCredentials());
        assertThat(s.authentication().authenticateProtocol("nobody", "wrong", "smtp", CLIENT).refusal())
                .isEqualTo(new LoginResult.BadCredentials());
        assertThat(s.audit().forAccount(jean.id(), 1).getFirst().details()).isEqualTo("failures=1 protocol=smtp");
        for (int i = 0; i < LOCK_AFTER; i++) {
            s.authentication().authenticateProtocol("jdupont", "wrong", "smtp", CLIENT);
        }
        assertThat(s.authentication().authenticateProtocol("jdupont", PASSWORD, "smtp", CLIENT).refusal())
                .as("the web lock holds for mail clients too").isInstanceOf(LoginResult.Locked.class);
        assertThat(login("jdupont", PASSWORD)).isInstanceOf(LoginResult.Locked.class);
    }

    @Test
    void wrongCredentialsReadTheSameForKnownAndUnknownIdentifiers() {
        LoginResult known = login("jdupont", "wrong");
        LoginResult unknown = login("personne", "wrong");
        assertThat(known).isEqualTo(unknown).isEqualTo(new LoginResult.BadCredentials());
        assertThat(login("", PASSWORD)).isEqualTo(new LoginResult.BadCredentials());
        assertThat(login(null, null)).isEqualTo(new LoginResult.BadCredentials());
        assertThat(login("jdupont", null)).isEqualTo(new LoginResult.BadCredentials());
        assertThat(s.audit().forAccount(jean.id(), 10)).filteredOn(e -> e.type().startsWith("LOGIN"))
                .extracting(AuditLog.Event::type, AuditLog.Event::details)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("LOGIN_FAILED", "failures=2"),
                        org.assertj.core.groups.Tuple.tuple("LOGIN_FAILED", "failures=1"));
        assertThat(s.audit().latest(null, 100)).as("nothing recorded about unknown identifiers")
                .allMatch(e -> !e.type().startsWith("LOGIN") || Long.valueOf(jean.id()).equals(e.accountId()));
    }

    @Test
    void locksAfterRepeatedFailuresThenLetsInOnceTheLockRunsOut() {
        for (int i = 1; i < LOCK_AFTER; i++) {
            assertThat(login("jdupont", "wrong" + i)).isEqualTo(new LoginResult.BadCredentials());
        }
        Instant until = s.clock().instant().plus(TestProperties.LOGIN.lockDuration());
        assertThat(login("jdupont", "wrong")).isEqualTo(new LoginResult.Locked(until));
        assertThat(s.audit().forAccount(jean.id(), 1).getFirst())
                .extracting(AuditLog.Event::type, AuditLog.Event::details)
                .containsExactly("ACCOUNT_LOCKED", "until=" + until);
        assertThat(login("jdupont", PASSWORD)).as("even the right password").isEqualTo(new LoginResult.Locked(until));
        assertThat(login("jean.dupont@ac-dijon.fr", PASSWORD)).as("by address too").isEqualTo(new LoginResult.Locked(until));
        s.clock().advance(TestProperties.LOGIN.lockDuration());
        assertThat(login("jdupont", PASSWORD)).isInstanceOf(LoginResult.Success.class);
    }

    @Test
    void locksUnknownIdentifiersJustTheSame() {
        for (int i = 1; i < LOCK_AFTER; i++) {
            assertThat(login("personne", "wrong")).isEqualTo(new LoginResult.BadCredentials());
        }
        assertThat(login("PERSONNE", "wrong")).isEqualTo(
                new LoginResult.Locked(s.clock().instant().plus(TestProperties.LOGIN.lockDuration())));
        assertThat(login("jdupont", PASSWORD)).as("real accounts unaffected").isInstanceOf(LoginResult.Success.class);
    }

    @Test
    void successResetsTheFailureCount() {
        for (int i = 1; i < LOCK_AFTER; i++) {
            login("jdupont", "wrong");
        }
        assertThat(login("jdupont", PASSWORD)).isInstanceOf(LoginResult.Success.class);
        for (int i = 1; i < LOCK_AFTER; i++) {
            assertThat(login("jdupont", "wrong")).isEqualTo(new LoginResult.BadCredentials());
        }
        assertThat(login("jdupont", "wrong")).isInstanceOf(LoginResult.Locked.class);
    }

    @Test
    void pendingAccountsAreToldToActivate() {
        s.create("Marie", "Martin", numen(2));
        assertThat(login("mmartin", "anything")).isEqualTo(new LoginResult.NotActivated());
        assertThat(login("marie.martin@ac-dijon.fr", "")).isEqualTo(new LoginResult.NotActivated());
    }

    @Test
    void suspendedAccountsLearnItOnlyWithTheRightPassword() {
        s.accounts().suspend(ADMIN, "jdupont", null);
        assertThat(login("jdupont", "wrong")).isEqualTo(new LoginResult.BadCredentials());
        assertThat(login("jdupont", PASSWORD)).isEqualTo(new LoginResult.Suspended(s.sample().coteDor()));
        assertThat(s.audit().forAccount(jean.id(), 1).getFirst().type()).isEqualTo("LOGIN_REFUSED_SUSPENDED");
    }

    @Test
    void passwordsExpiredByAnAdministratorMustBeRenewed() {
        s.accounts().expirePassword(ADMIN, "jdupont");
        assertThat(login("jdupont", "wrong")).isEqualTo(new LoginResult.BadCredentials());
        assertThat(login("jdupont", PASSWORD)).isEqualTo(new LoginResult.PasswordExpired(jean.id()));
        assertThat(s.audit().forAccount(jean.id(), 1).getFirst().type()).isEqualTo("LOGIN_PASSWORD_EXPIRED");
    }

    @Test
    void passwordsOlderThanTheAcademyAllowsMustBeRenewed() {
        Academy dijon = s.sample().dijon();
        s.tenancy().updateAcademy(ADMIN, new Academy(dijon.id(), dijon.code(), dijon.name(), dijon.mailDomain(),
                dijon.numenCode(), dijon.helpDesk(), true, 12, 90));
        s.clock().advance(Duration.ofDays(90).minusMinutes(1));
        assertThat(login("jdupont", PASSWORD)).isInstanceOf(LoginResult.Success.class);
        s.clock().advance(Duration.ofMinutes(1));
        assertThat(login("jdupont", PASSWORD)).isEqualTo(new LoginResult.PasswordExpired(jean.id()));
        assertThat(s.authentication().passwordExpired(s.repository().byId(jean.id()).orElseThrow())).isTrue();
    }

    @Test
    void maintenanceClosedRefusesAllButAdministrators() {
        s.activate(s.accounts().create(ADMIN, new NewAccount("Admin", "Alice", numen(7), "Administrateur",
                fr.preau.tenancy.SampleTenancy.CARNOT, null, null)), PASSWORD);
        s.maintenance().set(Maintenance.Mode.CLOSED, "Fermé", "Closed");

        assertThat(login("jdupont", PASSWORD)).isEqualTo(new LoginResult.Maintenance());
        assertThat(login("jdupont", "wrong")).isEqualTo(new LoginResult.BadCredentials());
        assertThat(login("aadmin", PASSWORD)).isInstanceOfSatisfying(LoginResult.Success.class, success -> {
            assertThat(success.principal().role()).isEqualTo(Role.ADMINISTRATEUR);
            assertThat(success.maintenanceBanner()).isTrue();
        });

        s.maintenance().set(Maintenance.Mode.BANNER, "Bientôt", null);
        assertThat(login("jdupont", PASSWORD)).isInstanceOfSatisfying(LoginResult.Success.class,
                success -> assertThat(success.maintenanceBanner()).isTrue());
        s.maintenance().set(Maintenance.Mode.OFF, null, null);
        assertThat(login("jdupont", PASSWORD)).isInstanceOfSatisfying(LoginResult.Success.class,
                success -> assertThat(success.maintenanceBanner()).isFalse());
    }
}
