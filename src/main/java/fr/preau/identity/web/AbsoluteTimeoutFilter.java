package fr.preau.identity.web;

import fr.preau.platform.PreauProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a signed-in session once it is older than the absolute timeout, however active it
 * has been (the idle timeout is the session store's own). The agent is sent to the login
 * page with a notice.
 */
@Component
class AbsoluteTimeoutFilter extends OncePerRequestFilter {

    private final long absoluteMillis;

    AbsoluteTimeoutFilter(PreauProperties properties) {
        this.absoluteMillis = properties.web().absoluteTimeout().toMillis();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(SignIn.LOGIN_AT) instanceof Long loginAt
                && System.currentTimeMillis() - loginAt > absoluteMillis) {
            session.invalidate();
            SecurityContextHolder.clearContext();
            if ("true".equals(request.getHeader("HX-Request"))) {
                response.setHeader("HX-Redirect", "/login?notice=expired");
                response.setStatus(204);
            } else {
                response.sendRedirect("/login?notice=expired");
            }
            return;
        }
        chain.doFilter(request, response);
    }
}
