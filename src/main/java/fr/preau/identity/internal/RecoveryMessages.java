package fr.preau.identity.internal;

import fr.preau.identity.Account;
import fr.preau.identity.Devices;
import fr.preau.platform.web.ClientInfo;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The texts recovery sends: French then English, as every system message (the requester's
 * language is not the account's, and the agent may read the message on a shared family PC).
 */
@Component
public class RecoveryMessages {

    /** A message ready to send. */
    public record Mail(String subject, String text) {}

    private static final ZoneId ZONE = ZoneId.of("Europe/Paris");
    private static final String SEPARATOR = "\n\n-- \n\n";

    private final MessageSource messages;

    public RecoveryMessages(MessageSource messages) {
        this.messages = messages;
    }

    /** The code and link of the e-mail method. */
    public Mail codeAndLink(Account account, String code, String link, Instant until, ClientInfo client) {
        return new Mail(both("recovery.mail.code.subject"),
                text("recovery.mail.code.body", Locale.FRENCH, account.firstName(), account.login(), code, link,
                        until(until, Locale.FRENCH), where(client))
                        + SEPARATOR + text("recovery.mail.code.body", Locale.ENGLISH, account.firstName(), account.login(),
                        code, link, until(until, Locale.ENGLISH), where(client)));
    }

    /** The code of the questions method (no link: the answers must follow the code). */
    public Mail questionsCode(Account account, String code, Instant until, ClientInfo client) {
        return new Mail(both("recovery.mail.code.subject"),
                text("recovery.mail.questions.body", Locale.FRENCH, account.firstName(), account.login(), code,
                        until(until, Locale.FRENCH), where(client))
                        + SEPARATOR + text("recovery.mail.questions.body", Locale.ENGLISH, account.firstName(),
                        account.login(), code, until(until, Locale.ENGLISH), where(client)));
    }

    /** The SMS of the SMS method, short enough for one or two messages. */
    public String smsCode(String code, long minutes) {
        return text("recovery.sms.code", Locale.FRENCH, code, minutes) + " / "
                + text("recovery.sms.code", Locale.ENGLISH, code, minutes);
    }

    /** The forgotten identifiant, by mail. */
    public Mail identifierMail(Account account, String loginUrl, ClientInfo client) {
        return new Mail(both("forgot-identifier.mail.subject"),
                text("forgot-identifier.mail.body", Locale.FRENCH, account.firstName(), account.login(), account.email(),
                        loginUrl, where(client))
                        + SEPARATOR + text("forgot-identifier.mail.body", Locale.ENGLISH, account.firstName(),
                        account.login(), account.email(), loginUrl, where(client)));
    }

    /** The forgotten identifiant, by SMS. */
    public String identifierSms(Account account) {
        return text("forgot-identifier.sms", Locale.FRENCH, account.login()) + " / "
                + text("forgot-identifier.sms", Locale.ENGLISH, account.login());
    }

    private String both(String key) {
        return text(key, Locale.FRENCH) + " / " + text(key, Locale.ENGLISH);
    }

    private static String until(Instant until, Locale locale) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT).withLocale(locale)
                .withZone(ZONE).format(until);
    }

    private static String where(ClientInfo client) {
        String ip = client == null || client.ip() == null ? "?" : client.ip();
        return ip + ", " + (client == null ? "?" : Devices.describe(client.userAgent()));
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
