package fr.preau.portal.helpdesk.web;

import fr.preau.platform.web.FieldErrors;
import fr.preau.portal.helpdesk.HelpDeskFiling;
import java.util.List;

/**
 * The request form's model: what was typed (kept on every error), the errors, the départements
 * to choose from, the captcha, and the wait when the address has filed too many requests.
 */
public record FilingPage(HelpDeskFiling.Form form, FieldErrors errors,
                         List<HelpDeskFiling.AcademyDepartments> departments, boolean captcha, String captchaStamp,
                         long retryMinutes) {

    public int maxMessage() {
        return HelpDeskFiling.MAX_MESSAGE;
    }
}
