package fr.preau.platform.web;

import fr.preau.platform.Captcha;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Hands out proof-of-work challenges to the browser-side solver (assets/js/captcha.js). */
@RestController
class CaptchaController {

    private final Captcha captcha;

    CaptchaController(Captcha captcha) {
        this.captcha = captcha;
    }

    @GetMapping("/captcha/challenge")
    ResponseEntity<Map<String, Object>> challenge() {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(captcha.challenge());
    }
}
