package fr.preau.mail.web;

import fr.preau.identity.AgentPrincipal;
import fr.preau.mail.MailReading;
import fr.preau.mail.MessageView;
import fr.preau.mail.ViewOptions;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The HTML body of a message, alone, for the sandboxed iframe of the reading page. It is
 * sanitised already (ADR 0018); its own Content-Security-Policy is the second wall: no script
 * at all, images only from Préau (and, when the user allowed them, from the web), no form,
 * no plugin, framed only by Préau's own pages.
 */
@Controller
class MessageBodyController {

    static final String FRAME_POLICY = "default-src 'none'; style-src 'self' 'unsafe-inline'; font-src 'self'; "
            + "img-src 'self' data:%s; script-src 'none'; form-action 'none'; base-uri 'none'; frame-ancestors 'self'";

    private final MailReading reading;

    MessageBodyController(MailReading reading) {
        this.reading = reading;
    }

    @GetMapping("/mail/message/{id}/body")
    void body(@AuthenticationPrincipal AgentPrincipal agent, @PathVariable long id,
              @RequestParam(required = false) String path, @RequestParam(defaultValue = "false") boolean images,
              @RequestParam(defaultValue = "fr") String lang, HttpServletResponse response) throws IOException {
        ViewOptions options = new ViewOptions(images, Links.inline(id));
        MessageView view = path == null ? reading.view(agent.accountId(), id, options)
                : reading.viewNested(agent.accountId(), id, path, options);
        String html = view.safeHtml() != null ? view.safeHtml() : "<pre>" + escape(view.text()) + "</pre>";
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Content-Security-Policy", FRAME_POLICY.formatted(images ? " https: http:" : ""));
        response.setHeader("X-Frame-Options", "SAMEORIGIN");
        response.setHeader("Cache-Control", "private, no-store");
        String doc = "<!DOCTYPE html><html lang=\"" + ("en".equals(lang) ? "en" : "fr") + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<meta name=\"referrer\" content=\"no-referrer\">"
                + "<link rel=\"stylesheet\" href=\"/assets/css/mail-frame.css\"><base target=\"_blank\"></head><body>"
                + html + "</body></html>";
        response.getOutputStream().write(doc.getBytes(StandardCharsets.UTF_8));
    }

    static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
