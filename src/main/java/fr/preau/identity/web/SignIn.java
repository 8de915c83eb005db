package fr.preau.identity.web;

import fr.preau.identity.AgentPrincipal;
import fr.preau.identity.InterfaceChoice;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseCookie;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.stereotype.Component;
import fr.preau.platform.AuditLog;
import fr.preau.platform.PreauProperties;
import fr.preau.platform.web.ClientInfo;

/**
 * Opens and closes an authenticated session: a new session id at login (no fixation), a
 * new CSRF token, the principal saved in the shared session store, and the details that
 * "Mes sessions" shows (device, address, time of login).
 */
@Component
class SignIn {

    static final String LOGIN_AT = "preau.loginAt";
    static final String IP = "preau.ip";
    static final String USER_AGENT = "preau.userAgent";
    static final String HANDLE = "preau.handle";
    static final String INTERFACE_COOKIE = "preau_ui";

    private final SecurityContextRepository contexts;
    private final CsrfTokenRepository csrfTokens;
    private final boolean secureCookies;

    private final AuditLog audit;

    SignIn(SecurityContextRepository contexts, CsrfTokenRepository csrfTokens, PreauProperties properties,
           AuditLog audit) {
        this.audit = audit;
        this.contexts = contexts;
        this.csrfTokens = csrfTokens;
        this.secureCookies = properties.web().secureCookies();
    }

    void open(AgentPrincipal principal, HttpServletRequest request, HttpServletResponse response) {
        request.getSession(true);
        request.changeSessionId();
        HttpSession session = request.getSession();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
                List.of(new SimpleGrantedAuthority("ROLE_" + principal.role().name()))));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        ClientInfo client = ClientInfo.of(request);
        session.setAttribute(LOGIN_AT, System.currentTimeMillis());
        session.setAttribute(IP, client.ip());
        session.setAttribute(USER_AGENT, client.userAgent());
        session.setAttribute(HANDLE, UUID.randomUUID().toString());
        // a new token at once (not none): two first requests of the new session would otherwise each
        // create one, and the second insert of the session attribute fails (Spring Session JDBC)
        csrfTokens.saveToken(csrfTokens.generateToken(request), request, response);
        rememberInterface(principal.interfaceChoice(), response);
    }

    void rememberInterface(InterfaceChoice choice, HttpServletResponse response) {
        response.addHeader("Set-Cookie", ResponseCookie.from(INTERFACE_COOKIE, choice.name())
                .path("/").maxAge(Duration.ofDays(400)).httpOnly(true).secure(secureCookies).sameSite("Lax")
                .build().toString());
    }

    void close(HttpServletRequest request) {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof AgentPrincipal agent) {
            ClientInfo client = ClientInfo.of(request);
            audit.record(AuditLog.Entry.of(agent.login(), "LOGOUT").account(agent.accountId())
                    .client(client.ip(), client.userAgent()));
        }
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
    }

    static String home(InterfaceChoice choice) {
        return choice == InterfaceChoice.SIMPLIFIED ? "/simple" : "/app";
    }
}
