package fr.preau.delivery.internal.smtp;

import java.util.Map;

/** The commands by verb (upper case). Verbs not listed get {@code 500 5.5.2}. */
final class Commands {

    private static final SmtpCommand NOT_IMPLEMENTED = new NotImplementedCommand();
    private static final SmtpCommand NOT_SMTP = new NotSmtpCommand();

    private static final Map<String, SmtpCommand> BY_VERB = Map.ofEntries(
            Map.entry("EHLO", new EhloCommand()),
            Map.entry("HELO", new HeloCommand()),
            Map.entry("MAIL", new MailCommand()),
            Map.entry("RCPT", new RcptCommand()),
            Map.entry("DATA", new DataCommand()),
            Map.entry("RSET", new RsetCommand()),
            Map.entry("NOOP", new NoopCommand()),
            Map.entry("QUIT", new QuitCommand()),
            Map.entry("VRFY", new VrfyCommand()),
            Map.entry("HELP", new HelpCommand()),
            Map.entry("STARTTLS", new StartTlsCommand()),
            Map.entry("AUTH", new AuthCommand()),
            // known to SMTP, not offered here
            Map.entry("EXPN", NOT_IMPLEMENTED),
            Map.entry("BDAT", NOT_IMPLEMENTED),
            Map.entry("ETRN", NOT_IMPLEMENTED),
            Map.entry("TURN", NOT_IMPLEMENTED),
            Map.entry("ATRN", NOT_IMPLEMENTED),
            Map.entry("SEND", NOT_IMPLEMENTED),
            Map.entry("SOML", NOT_IMPLEMENTED),
            Map.entry("SAML", NOT_IMPLEMENTED),
            // another protocol talking to us (a browser tricked into posting to port 25)
            Map.entry("GET", NOT_SMTP),
            Map.entry("POST", NOT_SMTP),
            Map.entry("PUT", NOT_SMTP),
            Map.entry("HEAD", NOT_SMTP),
            Map.entry("CONNECT", NOT_SMTP),
            Map.entry("OPTIONS", NOT_SMTP));

    private Commands() {}

    /** The command for a verb, or {@code null}. */
    static SmtpCommand find(String verb) {
        return BY_VERB.get(verb);
    }

    /** The verbs HELP lists. */
    static final String HELP_VERBS = "EHLO HELO MAIL RCPT DATA RSET NOOP QUIT VRFY HELP STARTTLS AUTH";
}
