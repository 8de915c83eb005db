package fr.preau.mail.web;

import fr.preau.mail.ComposeException;
import fr.preau.mail.Draft;
import fr.preau.mail.DraftAttachment;
import fr.preau.mail.MailComposer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.multipart.support.StandardMultipartHttpServletRequest;

/**
 * Nothing typed is lost when the session expires in the middle of composing: a compose form
 * posted without a signed-in session, from a page of this site (Origin or Referer), by a browser
 * that holds the signed {@link ComposeRescueCookie} of the page, is saved as a draft of that
 * account — text and attachments — and the agent is sent to the login page, which says where
 * the message is. The draft is only readable after signing in again as that account.
 */
class ExpiredComposeRescue extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(ExpiredComposeRescue.class);
    private static final Set<String> PATHS = Set.of("/simple/mail/compose", "/app/mail/compose");

    private final ComposeRescueCookie cookie;
    private final ComposeDrafts drafts;
    private final MailComposer composer;

    ExpiredComposeRescue(ComposeRescueCookie cookie, ComposeDrafts drafts, MailComposer composer) {
        this.cookie = cookie;
        this.drafts = drafts;
        this.composer = composer;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !PATHS.contains(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Long> account = signedIn(request) || !sameOrigin(request) ? Optional.empty() : cookie.accountOf(request);
        if (account.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        try {
            MultipartHttpServletRequest multipart = request instanceof MultipartHttpServletRequest m ? m
                    : new StandardMultipartHttpServletRequest(request);
            ComposeForm form = form(multipart);
            Draft draft = drafts.fromForm(account.get(), form, Set.of());
            List<ComposeException> refused = new ArrayList<>();
            List<DraftAttachment> staged = drafts.stage(account.get(), multipart.getFiles("files"), refused);
            if (!staged.isEmpty()) {
                List<DraftAttachment> all = new ArrayList<>(draft.attachments());
                all.addAll(staged);
                draft = ComposeController.withAttachments(draft, all);
            }
            composer.saveDraft(account.get(), draft);
            log.info("Compose form of account {} posted after its session expired: kept as a draft", account.get());
            response.sendRedirect("/login?notice=expired-draft-saved");
        } catch (RuntimeException cannotSave) {
            log.warn("A compose form posted after the session expired could not be kept as a draft: {}",
                    cannotSave.toString());
            chain.doFilter(request, response);
        }
    }

    private static boolean signedIn(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null
                && session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY) != null;
    }

    /** The form comes from a page of this site (Origin, else Referer): a cross-site post is never kept. */
    static boolean sameOrigin(HttpServletRequest request) {
        String origin = request.getHeader("Origin");
        String source = origin != null && !origin.equals("null") ? origin : request.getHeader("Referer");
        if (source == null) {
            return false;
        }
        try {
            URI uri = URI.create(source);
            int port = uri.getPort() == -1 ? ("https".equals(uri.getScheme()) ? 443 : 80) : uri.getPort();
            return request.getScheme().equals(uri.getScheme()) && request.getServerName().equalsIgnoreCase(uri.getHost())
                    && request.getServerPort() == port;
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    private static ComposeForm form(MultipartHttpServletRequest r) {
        String[] att = r.getParameterValues("att");
        return new ComposeForm(r.getParameter("to"), r.getParameter("cc"), r.getParameter("bcc"),
                r.getParameter("subject"), r.getParameter("text"), r.getParameter("html"), integer(r.getParameter("priority")),
                "true".equals(r.getParameter("receipt")), longValue(r.getParameter("draft")), r.getParameter("inReplyTo"),
                r.getParameter("references"), longValue(r.getParameter("replied")), longValue(r.getParameter("forwarded")),
                att == null ? List.of() : Arrays.asList(att));
    }

    private static Integer integer(String s) {
        try {
            return s == null ? null : Integer.valueOf(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Long longValue(String s) {
        try {
            return s == null || s.isBlank() ? null : Long.valueOf(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
