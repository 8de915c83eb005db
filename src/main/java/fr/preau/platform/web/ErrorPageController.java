package fr.preau.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/** Translated error pages: never a stack trace, always a way back. */
@Controller
class ErrorPageController implements ErrorController {

    @RequestMapping("/error")
    ModelAndView error(HttpServletRequest request, HttpServletResponse response) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : response.getStatus();
        if (status < 400) {
            status = 500;
        }
        response.setStatus(status);
        boolean expiredForm = request.getAttribute(WebAttributes.ACCESS_DENIED_403) instanceof CsrfException
                || request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof CsrfException;
        String kind = expiredForm ? "expired" : switch (status) {
            case 400, 403, 404, 405, 413, 429 -> Integer.toString(status);
            default -> "500";
        };
        return new ModelAndView("platform/error", Map.of("status", status, "kind", kind));
    }
}
