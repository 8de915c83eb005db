package fr.preau.identity.web;

import fr.preau.identity.Contacts;
import fr.preau.identity.ForgottenIdentifier;
import fr.preau.identity.Numen;
import fr.preau.identity.Recovery;
import fr.preau.platform.Captcha;
import fr.preau.platform.web.ClientInfo;
import fr.preau.platform.web.FieldErrors;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * "Identifiant oublié": NUMEN and backup address or mobile; the answer is the same whether or not
 * they match an account (the identifiant goes only to a verified contact of the account).
 */
@Controller
class ForgotIdentifierController {

    private final ForgottenIdentifier forgotten;
    private final Captcha captcha;

    ForgotIdentifierController(ForgottenIdentifier forgotten, Captcha captcha) {
        this.forgotten = forgotten;
        this.captcha = captcha;
    }

    @GetMapping("/forgot-identifier")
    ModelAndView form() {
        return page("", "", new FieldErrors(), false, 200);
    }

    @PostMapping("/forgot-identifier")
    ModelAndView remind(@RequestParam(defaultValue = "") String numen, @RequestParam(defaultValue = "") String contact,
                        @RequestParam(required = false) String altcha, @RequestParam(required = false) String captchaStamp,
                        HttpServletRequest request) {
        String typedNumen = numen.strip();
        String typedContact = contact.strip();
        FieldErrors errors = new FieldErrors();
        if (typedNumen.isEmpty()) {
            errors.add("numen", "forgot-identifier.error.numen-missing");
        } else if (!Numen.isValid(typedNumen)) {
            errors.add("numen", "forgot-identifier.error.numen-format");
        }
        if (typedContact.isEmpty()) {
            errors.add("contact", "forgot-identifier.error.contact-missing");
        } else if (Contacts.email(typedContact).isEmpty() && Contacts.mobile(typedContact).isEmpty()) {
            errors.add("contact", "forgot-identifier.error.contact-format");
        }
        ClientInfo client = ClientInfo.of(request);
        if (errors.isEmpty() && !captcha.verify(altcha, captchaStamp, client.ip())) {
            errors.add("captcha", "captcha.failed");
        }
        if (!errors.isEmpty()) {
            return page(typedNumen, typedContact, errors, false, 400);
        }
        if (forgotten.remind(typedNumen, typedContact, client) instanceof Recovery.Request.Limited limited) {
            return page(typedNumen, typedContact, errors.global("recovery.error.requests-limited",
                    RecoveryController.minutes(limited.retryAfter())), false, 429);
        }
        return page("", "", errors, true, 200);
    }

    private ModelAndView page(String numen, String contact, FieldErrors errors, boolean done, int status) {
        return RecoveryController.view("identity/forgot-identifier", new RecoveryPage.ForgotIdentifier(numen, contact,
                errors, done, captcha.enabled(), captcha.formStamp()), status);
    }
}
