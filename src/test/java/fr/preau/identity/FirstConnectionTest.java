package fr.preau.identity;

import static fr.preau.identity.IdentityServices.ADMIN;
import static fr.preau.identity.IdentityServices.CLIENT;
import static fr.preau.identity.IdentityServices.numen;
import static org.assertj.core.api.Assertions.assertThat;

import fr.preau.identity.FirstConnection.Method;
import fr.preau.identity.internal.ActivationCodes;
import fr.preau.platform.AuditLog;
import fr.preau.platform.UserError;
import fr.preau.tenancy.Academy;
import fr.preau.testsupport.TestProperties;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FirstConnectionTest extends IdentityServiceTest {

    /** Acceptable under the policy and unrelated to the agent's names. */
    static final String STRONG = "Vx7#Kq2!mRb9@Lz4";
    private static final int LOCK_AFTER = TestProperties.LOGIN.lockAfterFailures();

    private ProvisionedAccount jean;
    private long id;

    @BeforeEach
    void createAccount() {
        jean = s.create("Jean", "Dupont", "07E9412345ABC");
        id = jean.account().id();
    }

    private ActivationResult verify(String identifier, String proof, Method method) {
        return s.firstConnection().verify(identifier, proof, method, CLIENT);
    }

    // ---- step one

    @Test
    void theLettersCodeGivesATicket() {
        assertThat(verify("jdupont", jean.activationCode(), Method.CODE))
                .isEqualTo(new ActivationResult.Ticket(id, "Jean Dupont"));
        assertThat(verify(" JEAN.DUPONT@ac-dijon.fr ", jean.activationCode().toLowerCase().replace("-", ""), Method.CODE))
                .isEqualTo(new ActivationResult.Ticket(id, "Jean Dupont"));
    }

    @Test
    void aWrongCodeOrIdentifierIsInvalidEitherWay() {
        assertThat(verify("jdupont", "AAAA-BBBB-CCCC", Method.CODE)).isEqualTo(new ActivationResult.Invalid());
        assertThat(verify("personne", jean.activationCode(), Method.CODE)).isEqualTo(new ActivationResult.Invalid());
        assertThat(verify("", "", Method.CODE)).isEqualTo(new ActivationResult.Invalid());
        assertThat(verify(null, null, Method.NUMEN)).isEqualTo(new ActivationResult.Invalid());
        assertThat(s.audit().forAccount(id, 10)).filteredOn(e -> e.type().startsWith("ACTIVATION"))
                .extracting(AuditLog.Event::type, AuditLog.Event::details)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ACTIVATION_FAILED", "method=code"));
    }

    @Test
    void anExpiredCodeSendsToTheDepartementsHelpDesk() {
        s.clock().advance(TestProperties.CODE_VALIDITY);
        assertThat(verify("jdupont", jean.activationCode(), Method.CODE))
                .isEqualTo(new ActivationResult.CodeExpired(s.sample().coteDor()));
    }

    @Test
    void theNumenGivesATicketWhenTheAcademyAllowsIt() {
        assertThat(verify("jdupont", "07 e94 12345 abc", Method.NUMEN)).isEqualTo(new ActivationResult.Ticket(id, "Jean Dupont"));
        assertThat(verify("jdupont", "07E9412345ABD", Method.NUMEN)).isEqualTo(new ActivationResult.Invalid());
        assertThat(verify("jdupont", "not a numen", Method.NUMEN)).isEqualTo(new ActivationResult.Invalid());
        assertThat(verify("jdupont", jean.activationCode(), Method.NUMEN)).isEqualTo(new ActivationResult.Invalid());
    }

    @Test
    void theNumenIsRefusedWhereTheAcademyForbidsIt() {
        Academy dijon = s.sample().dijon();
        s.tenancy().updateAcademy(ADMIN, new Academy(dijon.id(), dijon.code(), dijon.name(), dijon.mailDomain(),
                dijon.numenCode(), dijon.helpDesk(), false, 12, null));
        assertThat(verify("jdupont", "07E9412345ABC", Method.NUMEN))
                .isEqualTo(new ActivationResult.NumenNotAllowed(s.sample().coteDor()));
        assertThat(verify("jdupont", "07E9412345ABD", Method.NUMEN)).as("a wrong NUMEN says nothing more")
                .isEqualTo(new ActivationResult.Invalid());
        assertThat(verify("jdupont", jean.activationCode(), Method.CODE)).isInstanceOf(ActivationResult.Ticket.class);
    }

    @Test
    void anActiveAccountIsToldToLogInInstead() {
        assertThat(complete(STRONG, STRONG, null, null)).isEmpty();
        assertThat(verify("jdupont", "07E9412345ABC", Method.NUMEN)).isEqualTo(new ActivationResult.AlreadyActive());
        assertThat(verify("jdupont", jean.activationCode(), Method.CODE)).as("the code is used up")
                .isEqualTo(new ActivationResult.Invalid());
    }

    @Test
    void aSuspendedAccountSendsToTheHelpDesk() {
        s.accounts().suspend(ADMIN, "jdupont", null);
        assertThat(verify("jdupont", jean.activationCode(), Method.CODE))
                .isEqualTo(new ActivationResult.Suspended(s.sample().coteDor()));
        assertThat(verify("jdupont", "07E9412345ABC", Method.NUMEN))
                .isEqualTo(new ActivationResult.Suspended(s.sample().coteDor()));
    }

    @Test
    void locksAfterRepeatedFailuresForKnownAndUnknownIdentifiers() {
        for (String identifier : List.of("jdupont", "personne")) {
            for (int i = 1; i < LOCK_AFTER; i++) {
                assertThat(verify(identifier, "AAAA-AAAA-AAAA", Method.CODE)).isEqualTo(new ActivationResult.Invalid());
            }
            assertThat(verify(identifier, "AAAA-AAAA-AAAA", Method.CODE)).isEqualTo(
                    new ActivationResult.Locked(s.clock().instant().plus(TestProperties.LOGIN.lockDuration())));
        }
        assertThat(verify("jdupont", jean.activationCode(), Method.CODE)).as("even with the right code")
                .isInstanceOf(ActivationResult.Locked.class);
        assertThat(s.audit().forAccount(id, 1).getFirst().type()).isEqualTo("ACTIVATION_LOCKED");
        assertThat(s.authentication().authenticate("jdupont", "x", InterfaceChoice.FULL, CLIENT))
                .as("the login counter is separate").isEqualTo(new LoginResult.NotActivated());
        s.clock().advance(TestProperties.LOGIN.lockDuration());
        assertThat(verify("jdupont", jean.activationCode(), Method.CODE)).isInstanceOf(ActivationResult.Ticket.class);
    }

    @Test
    void successResetsTheFailureCount() {
        for (int i = 1; i < LOCK_AFTER; i++) {
            verify("jdupont", "AAAA-AAAA-AAAA", Method.CODE);
        }
        assertThat(verify("jdupont", jean.activationCode(), Method.CODE)).isInstanceOf(ActivationResult.Ticket.class);
        assertThat(verify("jdupont", "AAAA-AAAA-AAAA", Method.CODE)).isEqualTo(new ActivationResult.Invalid());
    }

    // ---- step two

    private List<UserError> complete(String password, String confirmation, String backupEmail, String mobile) {
        return s.firstConnection().complete(id, password, confirmation, backupEmail, mobile, CLIENT);
    }

    @Test
    void completingActivatesTheAccountAndUsesTheCodeUp() {
        s.clock().advance(Duration.ofDays(2));
        assertThat(complete(STRONG, STRONG, " Jean.Dupont@Example.org ", "06 12 34 56 78")).isEmpty();
        Account account = s.repository().byId(id).orElseThrow();
        assertThat(account).extracting(Account::status, Account::backupEmail, Account::mobile, Account::activatedAt,
                        Account::passwordChangedAt)
                .containsExactly(AccountStatus.ACTIVE, "jean.dupont@example.org", "+33612345678", s.clock().instant(),
                        s.clock().instant());
        assertThat(s.codes().check(id, jean.activationCode())).isEqualTo(ActivationCodes.Check.WRONG);
        assertThat(s.audit().forAccount(id, 1).getFirst()).extracting(AuditLog.Event::type, AuditLog.Event::ip)
                .containsExactly("ACCOUNT_ACTIVATED", CLIENT.ip());
        assertThat(s.authentication().authenticate("jdupont", STRONG, InterfaceChoice.FULL, CLIENT))
                .isInstanceOf(LoginResult.Success.class);
    }

    @Test
    void contactsAreOptional() {
        assertThat(complete(STRONG, STRONG, "  ", "")).isEmpty();
        assertThat(s.repository().byId(id).orElseThrow()).extracting(Account::backupEmail, Account::mobile)
                .containsExactly(null, null);
    }

    @Test
    void reportsEveryFieldErrorAndChangesNothing() {
        List<UserError> errors = complete("dupont", "Dupont", "pas-une-adresse", "0380000000");
        assertThat(errors).extracting(UserError::field, UserError::key).contains(
                org.assertj.core.groups.Tuple.tuple("password", "password.rule.length.unmet"),
                org.assertj.core.groups.Tuple.tuple("password", "password.rule.upper.unmet"),
                org.assertj.core.groups.Tuple.tuple("password", "password.rule.digit.unmet"),
                org.assertj.core.groups.Tuple.tuple("password", "password.rule.special.unmet"),
                org.assertj.core.groups.Tuple.tuple("password", "password.rule.personal.unmet"),
                org.assertj.core.groups.Tuple.tuple("password", "password.rule.common.unmet"),
                org.assertj.core.groups.Tuple.tuple("confirmation", "password.error.confirmation"),
                org.assertj.core.groups.Tuple.tuple("backupEmail", "account.error.backup-email"),
                org.assertj.core.groups.Tuple.tuple("mobile", "account.error.mobile"));
        assertThat(errors).extracting(UserError::key).doesNotContain("password.rule.lower.unmet");

        assertThat(complete(STRONG, STRONG, "jean@ac-lyon.fr", null)).extracting(UserError::field, UserError::key)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("backupEmail", "account.error.backup-email-internal"));
        assertThat(complete("", "", null, null)).extracting(UserError::field, UserError::key)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("password", "password.error.missing"));
        assertThat(complete("A1!" + "x".repeat(PasswordPolicy.MAX_LENGTH), null, null, null))
                .extracting(UserError::key).containsExactly("password.error.too-long");

        assertThat(s.repository().byId(id).orElseThrow().status()).isEqualTo(AccountStatus.PENDING);
        assertThat(s.codes().check(id, jean.activationCode())).isEqualTo(ActivationCodes.Check.VALID);
    }

    @Test
    void refusesToCompleteTwice() {
        assertThat(complete(STRONG, STRONG, null, null)).isEmpty();
        assertThat(complete("Wz8$Np3#hTc6%Qy1", "Wz8$Np3#hTc6%Qy1", null, null)).extracting(UserError::field, UserError::key)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(null, "activation.error.no-longer-pending"));
        assertThat(s.authentication().authenticate("jdupont", STRONG, InterfaceChoice.FULL, CLIENT))
                .isInstanceOf(LoginResult.Success.class);
    }

    @Test
    void thePolicyIsTheAcademysWithTheAgentsWords() {
        PasswordPolicy.Context context = s.firstConnection().policyFor(id);
        assertThat(context.minLength()).isEqualTo(12);
        assertThat(context.personalWords()).containsExactly("Dupont", "Jean", "jdupont", "jean.dupont");
    }
}
