package fr.preau.identity.web;

import fr.preau.identity.Devices;
import fr.preau.identity.AgentPrincipal;
import fr.preau.platform.AuditLog;
import fr.preau.platform.web.ClientInfo;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * "Mes sessions": the agent's open sessions (device, address, login and last activity) and
 * the means to close any of them. Sessions are found by the agent's own identifiant only,
 * and designated by an opaque handle, never by their id.
 */
@Controller
class SessionsController {

    private final FindByIndexNameSessionRepository<? extends Session> sessions;
    private final AuditLog audit;

    SessionsController(FindByIndexNameSessionRepository<? extends Session> sessions, AuditLog audit) {
        this.sessions = sessions;
        this.audit = audit;
    }



    @GetMapping("/account/sessions")
    ModelAndView list(@AuthenticationPrincipal AgentPrincipal agent, @RequestParam(required = false) String notice,
                      HttpServletRequest request) {
        String noticeKey = "closed".equals(notice) ? "sessions.notice.closed"
                : "closed-others".equals(notice) ? "sessions.notice.closed-others" : null;
        return new ModelAndView("identity/sessions", Map.of("page",
                new SessionsPage(open(agent, request.getSession(false)), noticeKey)));
    }

    @PostMapping("/account/sessions/close")
    String close(@AuthenticationPrincipal AgentPrincipal agent, @RequestParam String handle, HttpServletRequest request) {
        HttpSession current = request.getSession(false);
        for (var entry : sessions.findByPrincipalName(agent.login()).entrySet()) {
            if (handle.equals(entry.getValue().getAttribute(SignIn.HANDLE))) {
                boolean isCurrent = current != null && current.getId().equals(entry.getKey());
                record(agent, request, isCurrent ? "current" : "other");
                if (isCurrent) {
                    current.invalidate();
                    return "redirect:/login?notice=logout";
                }
                sessions.deleteById(entry.getKey());
                return "redirect:/account/sessions?notice=closed";
            }
        }
        return "redirect:/account/sessions";
    }

    @PostMapping("/account/sessions/close-others")
    String closeOthers(@AuthenticationPrincipal AgentPrincipal agent, HttpServletRequest request) {
        HttpSession current = request.getSession(false);
        int closed = 0;
        for (String id : sessions.findByPrincipalName(agent.login()).keySet()) {
            if (current == null || !current.getId().equals(id)) {
                sessions.deleteById(id);
                closed++;
            }
        }
        record(agent, request, "others=" + closed);
        return "redirect:/account/sessions?notice=closed-others";
    }

    private List<SessionsPage.OpenSession> open(AgentPrincipal agent, HttpSession current) {
        return sessions.findByPrincipalName(agent.login()).entrySet().stream()
                .filter(e -> !e.getValue().isExpired())
                .map(e -> {
                    Session s = e.getValue();
                    String ua = s.getAttribute(SignIn.USER_AGENT);
                    Long loginAt = s.getAttribute(SignIn.LOGIN_AT);
                    return new SessionsPage.OpenSession(s.getAttribute(SignIn.HANDLE), Devices.describe(ua), ua,
                            s.getAttribute(SignIn.IP), loginAt == null ? s.getCreationTime() : Instant.ofEpochMilli(loginAt),
                            s.getLastAccessedTime(), current != null && current.getId().equals(e.getKey()));
                })
                .sorted(Comparator.comparing(SessionsPage.OpenSession::current).reversed()
                        .thenComparing(SessionsPage.OpenSession::lastActivity, Comparator.reverseOrder()))
                .toList();
    }

    private void record(AgentPrincipal agent, HttpServletRequest request, String details) {
        ClientInfo client = ClientInfo.of(request);
        audit.record(AuditLog.Entry.of(agent.login(), "SESSION_CLOSED").account(agent.accountId())
                .client(client.ip(), client.userAgent()).details(details));
    }
}
