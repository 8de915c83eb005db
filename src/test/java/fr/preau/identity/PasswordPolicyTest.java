package fr.preau.identity;

import static org.assertj.core.api.Assertions.assertThat;

import fr.preau.platform.UserError;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTest {

    private static final PasswordPolicy POLICY = IdentityServices.sharedPolicy();
    private static final Account JEAN = new Account(1, 1, 1, "jdupont", "jean-pierre.dupont@ac-dijon.fr", "Dupont",
            "Jean-Pierre", Role.ENSEIGNANT, "07•••••••••BC", AccountStatus.PENDING, null, null, InterfaceChoice.FULL,
            Instant.EPOCH, null, null, null, false);
    private static final PasswordPolicy.Context CONTEXT = PasswordPolicy.contextOf(12, JEAN);

    private static Map<String, Boolean> rules(String password) {
        return POLICY.evaluate(password, CONTEXT).rules().stream()
                .collect(Collectors.toMap(PasswordPolicy.Rule::key, PasswordPolicy.Rule::met));
    }

    @ParameterizedTest(name = "{0}: {1} unmet")
    @CsvSource(delimiter = '|', textBlock = """
            Vx7#Kq2!mRb          | password.rule.length
            VX7#KQ2!MRB9@LZ4     | password.rule.lower
            vx7#kq2!mrb9@lz4     | password.rule.upper
            Vxs#Kqt!mRbe@Lzf     | password.rule.digit
            Vx7aKq2bmRb9cLz4     | password.rule.special
            """)
    void checksEachRuleOnItsOwn(String password, String unmet) {
        Map<String, Boolean> rules = rules(password);
        assertThat(rules).containsEntry(unmet, false);
        assertThat(rules.entrySet()).filteredOn(e -> !e.getKey().equals(unmet) && !e.getKey().equals("password.rule.common"))
                .allMatch(Map.Entry::getValue);
        assertThat(POLICY.evaluate(password, CONTEXT).acceptable()).isFalse();
    }

    @Test
    void countsAccentedLettersAndOtherScripts() {
        assertThat(rules("ÉCOLE-été-42")).containsEntry("password.rule.lower", true).containsEntry("password.rule.upper", true)
                .containsEntry("password.rule.special", true);
        assertThat(rules("Été2024 école")).as("a space is a special character").containsEntry("password.rule.special", true);
    }

    @Test
    void followsTheAcademysMinimumLength() {
        PasswordPolicy.Evaluation evaluation = POLICY.evaluate("Vx7#Kq2!mRb9@Lz4", new PasswordPolicy.Context(20, List.of()));
        assertThat(evaluation.rules().getFirst()).isEqualTo(
                new PasswordPolicy.Rule("password.rule.length", List.of(20), false));
        assertThat(evaluation.acceptable()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Dupont-Vx7#Kq2!", "Vx7#Kq2!dupont99", "Vx7#Kq2!DUPONT99", "Vx7#Kq2!Dup0nt99", "Vx7#Kq2!DUP0NT99",
            "Vx7#Kq2!Dùpönt99", "Vx7#Kq2!D.u.p.o.n.t", "Vx7#Kq2!jdup0nt", "Vx7#Kq2!P1erre", "Vx7#Kq2!JE4N!!",
            "Vx7#Kq2!jean-pierre", "Vx7#Kq2!jeanpierre"})
    void refusesTheAgentsNamesEvenDisguised(String password) {
        PasswordPolicy.Evaluation evaluation = POLICY.evaluate(password, CONTEXT);
        assertThat(evaluation.rules()).contains(new PasswordPolicy.Rule("password.rule.personal", List.of(), false));
        assertThat(evaluation.acceptable()).isFalse();
    }

    @Test
    void ignoresNamesTooShortToMatter() {
        PasswordPolicy.Context li = new PasswordPolicy.Context(12, List.of("Li", "Xu", "jli"));
        assertThat(POLICY.evaluate("Vx7#Kq2!mRb9@Lz4li", li).rules())
                .contains(new PasswordPolicy.Rule("password.rule.personal", List.of(), true));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Azerty123456!", "Motdepasse2024!", "MotDePasse123!", "Soleil2024!!", "Bonjour123456!",
            "Marseille2024!", "Password1234!", "Qwerty123456!", "Azertyuiop1!", "Doudou123456!", "Chocolat2024!",
            "Jetaime123456!", "Vacances2025!", "Loulou2024!!!", "Azerty1234!!"})
    void refusesCommonFrenchPasswordsThatFollowEveryRule(String password) {
        PasswordPolicy.Evaluation evaluation = POLICY.evaluate(password, PasswordPolicy.Context.ANONYMOUS);
        assertThat(evaluation.rules()).filteredOn(r -> !r.key().equals("password.rule.common")).allMatch(PasswordPolicy.Rule::met);
        assertThat(evaluation.rules()).contains(new PasswordPolicy.Rule("password.rule.common", List.of(), false));
        assertThat(evaluation.acceptable()).isFalse();
        assertThat(evaluation.level()).isIn(PasswordPolicy.Level.VERY_WEAK, PasswordPolicy.Level.WEAK);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Vx7#Kq2!mRb9@Lz4", "Girafe-Trombone-Nuage-Clavier-8!", "7 Hérissons mangent des tartines bleues !",
            "Wz8$Np3#hTc6%Qy1"})
    void acceptsLongRandomPasswordsAndPassphrases(String password) {
        PasswordPolicy.Evaluation evaluation = POLICY.evaluate(password, CONTEXT);
        assertThat(evaluation.rules()).allMatch(PasswordPolicy.Rule::met);
        assertThat(evaluation.acceptable()).isTrue();
        assertThat(evaluation.level()).isIn(PasswordPolicy.Level.FAIR, PasswordPolicy.Level.GOOD, PasswordPolicy.Level.STRONG);
        assertThat(evaluation.gauge()).isBetween(56, 100);
        assertThat(evaluation.suggestionKeys()).isEmpty();
        assertThat(POLICY.check(password, password, CONTEXT)).isEmpty();
    }

    @Test
    void saysNothingGoodAboutAnEmptyPassword() {
        PasswordPolicy.Evaluation evaluation = POLICY.evaluate("", CONTEXT);
        assertThat(evaluation.empty()).isTrue();
        assertThat(evaluation.acceptable()).isFalse();
        assertThat(evaluation.gauge()).isZero();
        assertThat(POLICY.evaluate(null, CONTEXT).empty()).isTrue();
        assertThat(POLICY.evaluate("a", CONTEXT).empty()).isFalse();
    }

    @Test
    void givesFeedbackAsMessageKeys() {
        PasswordPolicy.Evaluation evaluation = POLICY.evaluate("Azerty123456!", PasswordPolicy.Context.ANONYMOUS);
        assertThat(evaluation.suggestionKeys()).isNotEmpty().allMatch(k -> k.startsWith("password."));
        if (evaluation.warningKey() != null) {
            assertThat(evaluation.warningKey()).startsWith("password.");
        }
    }

    @Test
    void refusesOverlongPasswords() {
        String longOne = "Vx7#Kq2!mRb9@Lz4".repeat(9);
        assertThat(longOne).hasSizeGreaterThan(PasswordPolicy.MAX_LENGTH);
        assertThat(POLICY.evaluate(longOne, CONTEXT).acceptable()).isFalse();
        assertThat(POLICY.check(longOne, longOne, CONTEXT)).extracting(UserError::key)
                .containsExactly("password.error.too-long");
        String longest = longOne.substring(0, PasswordPolicy.MAX_LENGTH);
        assertThat(POLICY.check(longest, longest, CONTEXT)).isEmpty();
    }

    @Test
    void checksThePasswordAndItsConfirmationFieldByField() {
        assertThat(POLICY.check(null, null, CONTEXT)).extracting(UserError::field, UserError::key)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("password", "password.error.missing"));
        assertThat(POLICY.check("Vx7#Kq2!mRb9@Lz4", "Vx7#Kq2!mRb9@Lz", CONTEXT)).extracting(UserError::field, UserError::key)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("confirmation", "password.error.confirmation"));
        List<UserError> errors = POLICY.check("dupont", null, CONTEXT);
        assertThat(errors).extracting(UserError::key).containsExactly("password.rule.length.unmet",
                "password.rule.upper.unmet", "password.rule.digit.unmet", "password.rule.special.unmet",
                "password.rule.personal.unmet", "password.rule.common.unmet", "password.error.confirmation");
        assertThat(errors.getFirst().args()).containsExactly(12);
    }
}
