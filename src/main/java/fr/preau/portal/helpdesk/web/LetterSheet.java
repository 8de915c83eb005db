package fr.preau.portal.helpdesk.web;

import java.util.Locale;
import org.springframework.context.MessageSource;

/**
 * A new activation letter printed from the console, everything resolved and formatted. Its
 * text is the administration's letter ({@code cli.letter.*}), in French whatever the support
 * agent's language, as letters go to agents of French académies.
 */
public record LetterSheet(String reference, boolean reinitialised, String agentName, String establishment,
                          String login, String email, String activationCode, String expiry, String firstConnectionUrl,
                          String academyName, int passwordMinLength, String helpDeskName, String helpDeskPhone,
                          String helpDeskHours, String helpDeskEmail, String issuedOn, MessageSource messages) {

    static final Locale LETTER_LOCALE = Locale.FRENCH;

    /** The letter's text for a key, in the letter's language. */
    public String t(String key, Object... args) {
        return messages.getMessage(key, args.length == 0 ? null : args, LETTER_LOCALE);
    }

    public String lang() {
        return LETTER_LOCALE.getLanguage();
    }
}
