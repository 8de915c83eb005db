package fr.preau.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.RequestContextUtils;

/** The language switch: remembers the choice and goes back to the page it came from. */
@Controller
class LanguageController {

    @GetMapping("/lang/{language}")
    String switchTo(@PathVariable String language, @RequestParam(defaultValue = "/") String back,
                    HttpServletRequest request, HttpServletResponse response) {
        var resolver = RequestContextUtils.getLocaleResolver(request);
        if (resolver != null) {
            resolver.setLocale(request, response, Locale.of(language));
        }
        return "redirect:" + LocalPaths.safe(back);
    }
}
