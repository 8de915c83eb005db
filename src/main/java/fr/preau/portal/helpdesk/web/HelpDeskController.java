package fr.preau.portal.helpdesk.web;

import fr.preau.platform.Captcha;
import fr.preau.platform.RateLimits;
import fr.preau.platform.UserError;
import fr.preau.platform.web.ClientInfo;
import fr.preau.platform.web.FieldErrors;
import fr.preau.platform.web.PublicPaths;
import fr.preau.portal.helpdesk.HelpDeskFiling;
import fr.preau.portal.helpdesk.References;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * "Contacter l'assistance", open to anyone: the request form (captcha, rate limit per address),
 * the page giving the reference and follow-up code, and the status page, which opens with the
 * reference and the code (then stays open for the rest of the browser session).
 */
@Controller
class HelpDeskController {

    static final String FORM = "/help-desk";
    static final String FILED = "/help-desk/filed";
    static final String STATUS = "/help-desk/status";

    /** The request just filed in this session (reference and code, shown on {@link #FILED}). */
    static final String FILED_ATTRIBUTE = "preau.helpdesk.filed";
    /** The references this browser session has opened. */
    static final String GRANTS_ATTRIBUTE = "preau.helpdesk.grants";

    private static final RateLimits.Limit FILING = new RateLimits.Limit("helpdesk-file-ip", 5, Duration.ofHours(1));
    private static final RateLimits.Limit LOOKUP = new RateLimits.Limit("helpdesk-status-ip", 20, Duration.ofMinutes(10));
    private static final RateLimits.Limit MESSAGES = new RateLimits.Limit("helpdesk-message-ip", 10, Duration.ofHours(1));

    private final HelpDeskFiling filing;
    private final Captcha captcha;
    private final RateLimits rateLimits;

    HelpDeskController(HelpDeskFiling filing, Captcha captcha, RateLimits rateLimits) {
        this.filing = filing;
        this.captcha = captcha;
        this.rateLimits = rateLimits;
    }

    @Bean
    static PublicPaths helpDeskPublicPaths() {
        return PublicPaths.of(FORM, FORM + "/**");
    }

    // ---- filing

    @GetMapping(FORM)
    ModelAndView form(@RequestParam(defaultValue = "") String identifier) {
        HelpDeskFiling.Form empty = new HelpDeskFiling.Form("", "", identifier.strip(), "", "", "", "", "");
        return formPage(empty, new FieldErrors(), 0, 200);
    }

    @PostMapping(FORM)
    ModelAndView file(@RequestParam(defaultValue = "") String lastName, @RequestParam(defaultValue = "") String firstName,
                      @RequestParam(defaultValue = "") String identifier, @RequestParam(defaultValue = "") String numen,
                      @RequestParam(defaultValue = "") String department,
                      @RequestParam(defaultValue = "") String contactEmail,
                      @RequestParam(defaultValue = "") String contactPhone,
                      @RequestParam(defaultValue = "") String message,
                      @RequestParam(required = false) String altcha, @RequestParam(required = false) String captchaStamp,
                      HttpServletRequest request) {
        HelpDeskFiling.Form form = new HelpDeskFiling.Form(lastName, firstName, identifier, numen, department,
                contactEmail, contactPhone, message);
        ClientInfo client = ClientInfo.of(request);
        // field errors first, so that fixing a typo costs neither a captcha nor a filing of the budget
        List<UserError> problems = filing.validate(form);
        if (!problems.isEmpty()) {
            return formPage(form, errors(problems), 0, 400);
        }
        if (!captcha.verify(altcha, captchaStamp, client.ip())) {
            return formPage(form, new FieldErrors().add("captcha", "captcha.failed"), 0, 400);
        }
        RateLimits.Verdict verdict = rateLimits.tryConsume(FILING, client.ip());
        if (!verdict.allowed()) {
            return formPage(form, new FieldErrors(), Math.max(1, verdict.retryAfter().toMinutes()), 429);
        }
        HelpDeskFiling.Outcome outcome = filing.file(form, client);
        if (!outcome.ok()) {
            return formPage(form, errors(outcome.errors()), 0, 400);
        }
        HttpSession session = request.getSession(true);
        session.setAttribute(FILED_ATTRIBUTE, new FiledTicket(outcome.filed().reference(), outcome.filed().followUpCode()));
        grant(session, outcome.filed().reference());
        return new ModelAndView("redirect:" + FILED);
    }

    @GetMapping(FILED)
    ModelAndView filed(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(FILED_ATTRIBUTE) instanceof FiledTicket ticket)) {
            return new ModelAndView("redirect:" + STATUS);
        }
        return new ModelAndView("portal/helpdesk/filed", Map.of("page", ticket));
    }

    // ---- status

    @GetMapping(STATUS)
    ModelAndView lookupForm(@RequestParam(defaultValue = "") String reference) {
        return lookupPage(reference.strip(), new FieldErrors(), 0, 200);
    }

    @PostMapping(STATUS)
    ModelAndView lookup(@RequestParam(defaultValue = "") String reference, @RequestParam(defaultValue = "") String code,
                        HttpServletRequest request) {
        FieldErrors errors = new FieldErrors();
        if (reference.isBlank()) {
            errors.add("reference", "hd.error.reference-missing");
        }
        if (code.isBlank()) {
            errors.add("code", "hd.error.code-missing");
        }
        if (!errors.isEmpty()) {
            return lookupPage(reference.strip(), errors, 0, 400);
        }
        RateLimits.Verdict verdict = rateLimits.tryConsume(LOOKUP, ClientInfo.of(request).ip());
        if (!verdict.allowed()) {
            return lookupPage(reference.strip(), errors, Math.max(1, verdict.retryAfter().toMinutes()), 429);
        }
        Optional<String> opened = filing.open(reference, code);
        if (opened.isEmpty()) {
            return lookupPage(reference.strip(), errors.global("hd.error.reference-or-code"), 0, 404);
        }
        HttpSession session = request.getSession(true);
        request.changeSessionId();
        grant(session, opened.get());
        return new ModelAndView("redirect:" + STATUS + "/" + opened.get());
    }

    @GetMapping(STATUS + "/{reference}")
    ModelAndView status(@PathVariable String reference, @RequestParam(required = false) String notice,
                        HttpServletRequest request) {
        String normalized = References.normalizeReference(reference);
        if (!granted(request, normalized)) {
            return new ModelAndView("redirect:" + STATUS + "?reference="
                    + URLEncoder.encode(reference, StandardCharsets.UTF_8));
        }
        return statusPage(normalized, new FieldErrors(), "", "sent".equals(notice) ? "hd.status-page.sent" : null, 200);
    }

    @PostMapping(STATUS + "/{reference}/message")
    ModelAndView message(@PathVariable String reference, @RequestParam(defaultValue = "") String message,
                         HttpServletRequest request) {
        String normalized = References.normalizeReference(reference);
        if (!granted(request, normalized)) {
            return new ModelAndView("redirect:" + STATUS + "?reference="
                    + URLEncoder.encode(reference, StandardCharsets.UTF_8));
        }
        ClientInfo client = ClientInfo.of(request);
        RateLimits.Verdict verdict = rateLimits.tryConsume(MESSAGES, client.ip());
        if (!verdict.allowed()) {
            return statusPage(normalized, new FieldErrors().add("message", "hd.error.too-many-messages",
                    Math.max(1, verdict.retryAfter().toMinutes())), message, null, 429);
        }
        List<UserError> problems = filing.addMessage(normalized, message, client);
        if (!problems.isEmpty()) {
            return statusPage(normalized, errors(problems), message, null, 400);
        }
        return new ModelAndView("redirect:" + STATUS + "/" + normalized + "?notice=sent");
    }

    // ---- pages

    private ModelAndView formPage(HelpDeskFiling.Form form, FieldErrors errors, long retryMinutes, int status) {
        ModelAndView view = new ModelAndView("portal/helpdesk/form", Map.of("page", new FilingPage(form, errors,
                filing.departments(), captcha.enabled(), captcha.formStamp(), retryMinutes)));
        view.setStatus(HttpStatusCode.valueOf(status));
        return view;
    }

    private ModelAndView lookupPage(String reference, FieldErrors errors, long retryMinutes, int status) {
        ModelAndView view = new ModelAndView("portal/helpdesk/lookup",
                Map.of("page", new LookupPage(reference, errors, retryMinutes)));
        view.setStatus(HttpStatusCode.valueOf(status));
        return view;
    }

    private ModelAndView statusPage(String reference, FieldErrors errors, String typed, String notice, int status) {
        HelpDeskFiling.RequesterView found = filing.view(reference).orElseThrow();
        ModelAndView view = new ModelAndView("portal/helpdesk/status",
                Map.of("page", new StatusPage(found.request(), found.history(), errors, typed, notice)));
        view.setStatus(HttpStatusCode.valueOf(status));
        return view;
    }

    static FieldErrors errors(List<UserError> problems) {
        FieldErrors errors = new FieldErrors();
        problems.forEach(p -> errors.add(p.field() == null ? FieldErrors.GLOBAL : p.field(), p.key(), p.args()));
        return errors;
    }

    @SuppressWarnings("unchecked")
    private static void grant(HttpSession session, String reference) {
        HashSet<String> grants = session.getAttribute(GRANTS_ATTRIBUTE) instanceof HashSet<?> g
                ? new HashSet<>((HashSet<String>) g) : new HashSet<>();
        grants.add(reference);
        // set again (a copy), so that the session store sees the change
        session.setAttribute(GRANTS_ATTRIBUTE, grants);
    }

    private static boolean granted(HttpServletRequest request, String reference) {
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(GRANTS_ATTRIBUTE) instanceof HashSet<?> grants
                && grants.contains(reference);
    }
}
