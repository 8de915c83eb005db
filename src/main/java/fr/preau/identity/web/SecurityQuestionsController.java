package fr.preau.identity.web;

import fr.preau.identity.AgentPrincipal;
import fr.preau.identity.SecurityQuestions;
import fr.preau.platform.UserError;
import fr.preau.platform.web.ClientInfo;
import fr.preau.platform.web.FieldErrors;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatusCode;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/** Choosing the three security questions and their answers (current password required). */
@Controller
class SecurityQuestionsController {

    private final SecurityQuestions questions;

    SecurityQuestionsController(SecurityQuestions questions) {
        this.questions = questions;
    }

    @GetMapping("/account/questions")
    ModelAndView form(@AuthenticationPrincipal AgentPrincipal agent) {
        List<String> current = questions.questionKeys(agent.accountId());
        return page(current, List.of(), !current.isEmpty(), new FieldErrors(), 200);
    }

    @PostMapping("/account/questions")
    ModelAndView save(@AuthenticationPrincipal AgentPrincipal agent, @RequestParam(defaultValue = "") String question1,
                      @RequestParam(defaultValue = "") String answer1, @RequestParam(defaultValue = "") String question2,
                      @RequestParam(defaultValue = "") String answer2, @RequestParam(defaultValue = "") String question3,
                      @RequestParam(defaultValue = "") String answer3,
                      @RequestParam(defaultValue = "") String currentPassword, HttpServletRequest request) {
        List<SecurityQuestions.Choice> choices = List.of(new SecurityQuestions.Choice(question1, answer1),
                new SecurityQuestions.Choice(question2, answer2), new SecurityQuestions.Choice(question3, answer3));
        List<String> chosen = List.of(question1, question2, question3);
        boolean alreadySet = !questions.questionKeys(agent.accountId()).isEmpty();
        List<UserError> problems = questions.set(agent.accountId(), currentPassword, choices, ClientInfo.of(request));
        if (!problems.isEmpty()) {
            return page(chosen, List.of(answer1, answer2, answer3), alreadySet, FieldErrors.of(problems), 400);
        }
        return new ModelAndView("redirect:/account/security?notice=questions-saved");
    }

    private ModelAndView page(List<String> chosen, List<String> answers, boolean alreadySet, FieldErrors errors, int status) {
        ModelAndView view = new ModelAndView("identity/account-questions", Map.of("page",
                new QuestionsPage(SecurityQuestions.KEYS, padded(chosen), padded(answers), alreadySet, errors)));
        view.setStatus(HttpStatusCode.valueOf(status));
        return view;
    }

    private static List<String> padded(List<String> values) {
        List<String> padded = new ArrayList<>(values);
        while (padded.size() < SecurityQuestions.COUNT) {
            padded.add("");
        }
        return padded;
    }
}
