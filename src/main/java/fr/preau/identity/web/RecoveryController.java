package fr.preau.identity.web;

import fr.preau.identity.Recovery;
import fr.preau.platform.Captcha;
import fr.preau.platform.web.ClientInfo;
import fr.preau.platform.web.FieldErrors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * "Identifiant ou mot de passe oublié ?": the identifiant, the method, the code (and for the
 * questions method the answers), up to the new password ({@link RecoveryPasswordController}).
 * Every page before the proof reads the same whatever the identifiant (docs/adr/0024); the
 * recovery under way lives in the session ({@link RecoveryTicket}), bound to the account, and
 * changes nothing on it. Works without JavaScript.
 */
@Controller
class RecoveryController {

    static final String TICKET = "preau.recovery";
    /** From the identifiant to the code: long enough to read the mail on another device. */
    static final Duration TO_CHOOSE = Duration.ofMinutes(30);
    /** From the proof to the new password. */
    static final Duration TO_FINISH = Duration.ofMinutes(15);
    /** Wrong answers to the questions before the recovery is cancelled (each recovery needs a new e-mail code). */
    static final int ANSWER_TRIES = 3;
    private static final java.util.regex.Pattern SIX_DIGITS = java.util.regex.Pattern.compile("\\d{6}");

    private final Recovery recovery;
    private final Captcha captcha;
    private final Clock clock;

    RecoveryController(Recovery recovery, Captcha captcha, Clock clock) {
        this.recovery = recovery;
        this.captcha = captcha;
        this.clock = clock;
    }

    @GetMapping("/recovery")
    ModelAndView start(@RequestParam(required = false) String notice) {
        String key = notice == null ? null : switch (notice) {
            case "expired" -> "recovery.notice.expired";
            case "answers" -> "recovery.notice.too-many-answers";
            default -> null;
        };
        return startPage("", new FieldErrors(), key, 200);
    }

    @PostMapping("/recovery")
    ModelAndView identify(@RequestParam(defaultValue = "") String identifier,
                          @RequestParam(required = false) String altcha, @RequestParam(required = false) String captchaStamp,
                          HttpServletRequest request) {
        String typed = identifier.strip();
        FieldErrors errors = new FieldErrors();
        if (typed.isEmpty()) {
            errors.add("identifier", "recovery.error.identifier-missing");
        } else if (typed.length() > 254) {
            errors.add("identifier", "recovery.error.identifier-too-long");
        }
        if (errors.isEmpty() && !captcha.verify(altcha, captchaStamp, ClientInfo.of(request).ip())) {
            errors.add("captcha", "captcha.failed");
        }
        if (!errors.isEmpty()) {
            return startPage(typed, errors, null, 400);
        }
        request.getSession(true).setAttribute(TICKET,
                RecoveryTicket.started(recovery.claim(typed), clock.instant().plus(TO_CHOOSE)));
        return new ModelAndView("redirect:/recovery/method");
    }

    @GetMapping("/recovery/method")
    ModelAndView methodForm(HttpServletRequest request) {
        RecoveryTicket ticket = ticket(request);
        if (ticket == null) {
            return expired(request);
        }
        return methodPage(ticket, ticket.method(), new FieldErrors(), 200);
    }

    @PostMapping("/recovery/method")
    ModelAndView method(@RequestParam(defaultValue = "") String method, @RequestParam(defaultValue = "send") String action,
                        HttpServletRequest request) {
        RecoveryTicket ticket = ticket(request);
        if (ticket == null) {
            return expired(request);
        }
        Recovery.Method chosen = parse(method);
        if (chosen == null) {
            return methodPage(ticket, null, new FieldErrors().add("method", "recovery.error.method-missing"), 400);
        }
        if ("have-code".equals(action)) {
            store(request, ticket.awaitingCode(chosen, false, clock.instant().plus(TO_CHOOSE)));
            return new ModelAndView("redirect:/recovery/code");
        }
        Recovery.Request answer = recovery.requestCode(ticket.claim(), chosen, ClientInfo.of(request));
        if (answer instanceof Recovery.Request.Limited limited) {
            return methodPage(ticket, chosen, new FieldErrors().global("recovery.error.requests-limited",
                    minutes(limited.retryAfter())), 429);
        }
        store(request, ticket.awaitingCode(chosen, true, clock.instant().plus(recovery.validity(chosen)).plus(Duration.ofMinutes(5))));
        return new ModelAndView("redirect:/recovery/code");
    }

    @GetMapping("/recovery/code")
    ModelAndView codeForm(HttpServletRequest request) {
        RecoveryTicket ticket = ticket(request);
        if (ticket == null) {
            return expired(request);
        }
        if (ticket.stage() != RecoveryTicket.Stage.CODE) {
            return next(ticket);
        }
        if (ticket.wrongCodes() >= recovery.maxAttempts()) {
            return deadEnd(ticket, "recovery.error.code-dead");
        }
        return codePage(ticket, "", new FieldErrors(), 200);
    }

    @PostMapping("/recovery/code")
    ModelAndView code(@RequestParam(defaultValue = "") String code, HttpServletRequest request) {
        RecoveryTicket ticket = ticket(request);
        if (ticket == null) {
            return expired(request);
        }
        if (ticket.stage() != RecoveryTicket.Stage.CODE) {
            return next(ticket);
        }
        String typed = code.replaceAll("[\\s-]", "");
        FieldErrors errors = new FieldErrors();
        if (typed.isEmpty()) {
            return codePage(ticket, code, errors.add("code", "recovery.error.code-missing"), 400);
        }
        if (!SIX_DIGITS.matcher(typed).matches()) {
            return codePage(ticket, code, errors.add("code", "recovery.error.code-format"), 400);
        }
        if (ticket.wrongCodes() >= recovery.maxAttempts()) {
            return deadEnd(ticket, "recovery.error.code-dead");
        }
        Recovery.CodeCheck check = recovery.checkCode(ticket.claim(), ticket.method(), typed, ticket.wrongCodes(),
                ClientInfo.of(request));
        return switch (check) {
            case Recovery.CodeCheck.Accepted accepted -> {
                // a new session id for the proven visitor: one fixed beforehand is worth nothing now
                request.changeSessionId();
                RecoveryTicket proven = ticket.codeProven(accepted.maskedTarget(), clock.instant().plus(TO_FINISH));
                store(request, proven);
                yield next(proven);
            }
            case Recovery.CodeCheck.Wrong wrong -> {
                store(request, ticket.oneMoreWrongCode());
                yield codePage(ticket, "", errors.add("code", "recovery.error.code-wrong", wrong.attemptsLeft()), 400);
            }
            case Recovery.CodeCheck.Dead dead -> {
                RecoveryTicket dying = ticket.oneMoreWrongCode();
                store(request, dying);
                yield deadEnd(dying, "recovery.error.code-dead");
            }
            case Recovery.CodeCheck.Expired expired -> deadEnd(ticket, "recovery.error.code-expired");
            case Recovery.CodeCheck.Used used -> deadEnd(ticket, "recovery.error.code-used");
            case Recovery.CodeCheck.Limited limited -> codePage(ticket, code,
                    errors.global("recovery.error.checks-limited", minutes(limited.retryAfter())), 429);
        };
    }

    @GetMapping("/recovery/questions")
    ModelAndView questionsForm(HttpServletRequest request) {
        RecoveryTicket ticket = ticket(request);
        if (ticket == null) {
            return expired(request);
        }
        if (ticket.stage() != RecoveryTicket.Stage.QUESTIONS) {
            return next(ticket);
        }
        return questionsPage(ticket, java.util.List.of(), new FieldErrors(), 200);
    }

    @PostMapping("/recovery/questions")
    ModelAndView questions(HttpServletRequest request) {
        RecoveryTicket ticket = ticket(request);
        if (ticket == null) {
            return expired(request);
        }
        if (ticket.stage() != RecoveryTicket.Stage.QUESTIONS) {
            return next(ticket);
        }
        long accountId = ticket.claim().accountId();
        int count = recovery.questionKeys(accountId).size();
        java.util.List<String> answers = new java.util.ArrayList<>();
        FieldErrors errors = new FieldErrors();
        for (int i = 1; i <= count; i++) {
            String answer = request.getParameter("answer" + i);
            answers.add(answer == null ? "" : answer.strip());
            if (answers.getLast().isEmpty()) {
                errors.add("answer" + i, "recovery.error.answer-missing");
            }
        }
        if (!errors.isEmpty()) {
            return questionsPage(ticket, answers, errors, 400);
        }
        return switch (recovery.checkAnswers(accountId, answers, ClientInfo.of(request))) {
            case Recovery.AnswersCheck.Right right -> {
                RecoveryTicket proven = ticket.answersProven();
                store(request, proven);
                yield next(proven);
            }
            case Recovery.AnswersCheck.Wrong wrong -> {
                RecoveryTicket after = ticket.oneMoreWrongAnswer();
                if (after.wrongAnswers() >= ANSWER_TRIES) {
                    request.getSession().removeAttribute(TICKET);
                    yield new ModelAndView("redirect:/recovery?notice=answers");
                }
                store(request, after);
                yield questionsPage(after, answers, errors.global("recovery.error.answers-wrong",
                        ANSWER_TRIES - after.wrongAnswers()), 400);
            }
            case Recovery.AnswersCheck.Limited limited -> questionsPage(ticket, answers,
                    errors.global("recovery.error.checks-limited", minutes(limited.retryAfter())), 429);
        };
    }

    private ModelAndView questionsPage(RecoveryTicket ticket, java.util.List<String> answers, FieldErrors errors,
                                       int status) {
        long accountId = ticket.claim().accountId();
        java.util.List<String> keys = recovery.questionKeys(accountId);
        java.util.List<RecoveryPage.Question> questions = new java.util.ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            questions.add(new RecoveryPage.Question("security-question." + keys.get(i), "answer" + (i + 1),
                    i < answers.size() ? answers.get(i) : ""));
        }
        return view("identity/recovery-questions", new RecoveryPage.Questions(recovery.account(accountId).login(),
                questions, ANSWER_TRIES - ticket.wrongAnswers(), errors), status);
    }

    private RecoveryTicket ticket(HttpServletRequest request) {
        return ticketOf(request, clock);
    }

    /** The recovery under way in this session, if it has not expired. */
    static RecoveryTicket ticketOf(HttpServletRequest request, Clock clock) {
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(TICKET) instanceof RecoveryTicket ticket
                && ticket.expiresAt().isAfter(clock.instant())) {
            return ticket;
        }
        return null;
    }

    static void store(HttpServletRequest request, RecoveryTicket ticket) {
        request.getSession(true).setAttribute(TICKET, ticket);
    }

    /** The page where the recovery goes on from its stage. */
    static ModelAndView next(RecoveryTicket ticket) {
        return new ModelAndView("redirect:" + switch (ticket.stage()) {
            case METHOD -> "/recovery/method";
            case CODE -> "/recovery/code";
            case QUESTIONS -> "/recovery/questions";
            case PASSWORD -> "/recovery/password";
        });
    }

    /** Back to the start: the recovery expired (or never began in this browser). */
    static ModelAndView expired(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        boolean hadOne = session != null && session.getAttribute(TICKET) != null;
        if (session != null) {
            session.removeAttribute(TICKET);
        }
        return new ModelAndView(hadOne ? "redirect:/recovery?notice=expired" : "redirect:/recovery");
    }

    static long minutes(Duration wait) {
        return Math.max(1, (wait.toSeconds() + 59) / 60);
    }

    private static Recovery.Method parse(String method) {
        return switch (method) {
            case "EMAIL" -> Recovery.Method.EMAIL;
            case "SMS" -> Recovery.Method.SMS;
            case "QUESTIONS" -> Recovery.Method.QUESTIONS;
            default -> null;
        };
    }

    private ModelAndView startPage(String identifier, FieldErrors errors, String notice, int status) {
        return view("identity/recovery-start", new RecoveryPage.Start(identifier, errors, notice, captcha.enabled(),
                captcha.formStamp()), status);
    }

    private static ModelAndView methodPage(RecoveryTicket ticket, Recovery.Method chosen, FieldErrors errors, int status) {
        return view("identity/recovery-method", new RecoveryPage.Method(ticket.claim().identifier(), chosen, errors), status);
    }

    private ModelAndView codePage(RecoveryTicket ticket, String code, FieldErrors errors, int status) {
        return view("identity/recovery-code", new RecoveryPage.Code(ticket.claim().identifier(), ticket.method(),
                ticket.sent(), recovery.validity(ticket.method()).toMinutes(), code, errors, false), status);
    }

    /** The code can do nothing more (dead, expired, used): the page offers a new one instead of the field. */
    private ModelAndView deadEnd(RecoveryTicket ticket, String why) {
        return view("identity/recovery-code", new RecoveryPage.Code(ticket.claim().identifier(), ticket.method(),
                ticket.sent(), recovery.validity(ticket.method()).toMinutes(), "", new FieldErrors().global(why), true), 400);
    }

    static ModelAndView view(String template, Object page, int status) {
        ModelAndView view = new ModelAndView(template, Map.of("page", page));
        view.setStatus(HttpStatusCode.valueOf(status));
        return view;
    }
}
