package fr.preau.identity;

import static fr.preau.identity.IdentityServices.CLIENT;
import static fr.preau.identity.IdentityServices.numen;
import static org.assertj.core.api.Assertions.assertThat;

import fr.preau.identity.SecurityQuestions.Choice;
import fr.preau.platform.UserError;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SecurityQuestionsTest extends IdentityServiceTest {

    private SecurityQuestions questions;
    private Account jean;

    @BeforeEach
    void account() {
        jean = s.createActive("Jean", "Dupont", numen(1), FirstConnectionTest.STRONG);
        org.springframework.context.support.ResourceBundleMessageSource bundles =
                new org.springframework.context.support.ResourceBundleMessageSource();
        bundles.setBasenames("i18n/security");
        bundles.setDefaultEncoding("UTF-8");
        questions = new SecurityQuestions(db.jdbc(), s.repository(), s.hasher(),
                new SecurityNotices(s.repository(), s.contacts(), s.mail(), bundles, s.clock()), s.audit(), s.clock());
    }

    @Test
    void normalisesCaseAccentsAndPunctuation() {
        assertThat(SecurityQuestions.normalize("  L'École  Jules-Ferry ")).isEqualTo("l ecole jules ferry");
        assertThat(SecurityQuestions.normalize("Cœur")).isEqualTo("coeur");
    }

    @Test
    void answersMatchWhateverTheCaseAndAccents() {
        assertThat(questions.set(jean.id(), List.of(new Choice("first-school", "École Jules-Ferry"),
                new Choice("first-pet", "Médor"), new Choice("first-car", "Renault")), CLIENT)).isEmpty();
        assertThat(questions.questionKeys(jean.id())).containsExactly("first-school", "first-pet", "first-car");
        assertThat(questions.matches(jean.id(), List.of("ecole jules ferry", "MEDOR", " renault "))).isTrue();
        assertThat(questions.matches(jean.id(), List.of("ecole jules ferry", "Rex", "renault"))).isFalse();
        assertThat(questions.matches(jean.id(), List.of("ecole jules ferry", "medor"))).isFalse();
        assertThat(db.jdbc().sql("select answer_hash from security_answer").query(String.class).list())
                .allMatch(h -> h.startsWith("$argon2id$"));
        assertThat(s.mail().messages()).extracting(IdentityServices.SentMail.Message::recipient).containsExactly(jean.email());
    }

    @Test
    void refusesMissingRepeatedQuestionsAndShortAnswersChangingNothing() {
        List<UserError> errors = questions.set(jean.id(), List.of(new Choice("first-school", "ab"),
                new Choice("first-school", "Médor"), new Choice("nope", "Renault")), CLIENT);
        assertThat(errors).extracting(UserError::field).containsExactly("answer1", "question2", "question3");
        assertThat(questions.questionKeys(jean.id())).isEmpty();
        assertThat(questions.matches(jean.id(), List.of("a", "b", "c"))).isFalse();
        assertThat(questions.set(jean.id(), "wrong", List.of(), CLIENT)).extracting(UserError::key)
                .containsExactly("password.error.current-wrong");
    }
}
