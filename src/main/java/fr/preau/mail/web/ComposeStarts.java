package fr.preau.mail.web;

import fr.preau.mail.Draft;
import fr.preau.mail.MailComposer;
import fr.preau.mail.MailPreferences;
import fr.preau.mail.internal.compose.ComposeProperties;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Where a compose page starts from, as its URL says: {@code ?to=} (from the directory),
 * {@code reply}, {@code reply-all}, {@code forward}, {@code forward-attached}, {@code edit}
 * (edit as new) or {@code draft} (a saved draft) with a message id; the signature is added to a
 * new message, above the quoted text of a reply or forward.
 */
@Component
class ComposeStarts {

    private final MailComposer composer;
    private final MailPreferences preferences;
    private final ComposeProperties properties;

    ComposeStarts(MailComposer composer, MailPreferences preferences, ComposeProperties properties) {
        this.composer = composer;
        this.preferences = preferences;
        this.properties = properties;
    }

    Draft start(long accountId, Map<String, String> params, Locale locale) {
        Long id;
        if ((id = id(params, "draft")) != null) {
            return cleaned(composer.load(accountId, id));
        }
        if ((id = id(params, "edit")) != null) {
            return cleaned(composer.editAsNew(accountId, id));
        }
        Draft draft;
        if ((id = id(params, "reply")) != null) {
            draft = composer.reply(accountId, id, false, locale);
        } else if ((id = id(params, "reply-all")) != null) {
            draft = composer.reply(accountId, id, true, locale);
        } else if ((id = id(params, "forward")) != null) {
            draft = composer.forward(accountId, id, false, locale);
        } else if ((id = id(params, "forward-attached")) != null) {
            draft = composer.forward(accountId, id, true, locale);
        } else {
            Draft empty = Draft.empty();
            String to = params.getOrDefault("to", "").strip();
            draft = new Draft(null, to.isEmpty() || to.length() > 500 ? List.of() : AddressList.split(to), List.of(),
                    List.of(), "", "", null, Draft.NORMAL, false, null, List.of(), null, null, List.of());
            draft = empty.equals(draft) ? empty : draft;
        }
        return withSignature(accountId, draft);
    }

    /** A stored HTML body goes into the editor only once sanitised. */
    static Draft cleaned(Draft d) {
        return d.html() == null ? d : new Draft(d.draftMessageId(), d.to(), d.cc(), d.bcc(), d.subject(), d.text(),
                ComposeDrafts.safeHtml(d.html()), d.priority(), d.readReceipt(), d.inReplyTo(), d.references(),
                d.repliedMessageId(), d.forwardedMessageId(), d.attachments());
    }

    long maxMegabytes() {
        return properties.maxMessageBytes() / (1024 * 1024);
    }

    private Draft withSignature(long accountId, Draft d) {
        String signature = preferences.get(accountId).signature();
        if (signature == null || signature.isBlank()) {
            return d;
        }
        String text = "\n\n-- \n" + signature + (d.text().isEmpty() ? "" : "\n\n" + d.text());
        return new Draft(d.draftMessageId(), d.to(), d.cc(), d.bcc(), d.subject(), text, d.html(), d.priority(),
                d.readReceipt(), d.inReplyTo(), d.references(), d.repliedMessageId(), d.forwardedMessageId(),
                d.attachments());
    }

    private static Long id(Map<String, String> params, String name) {
        String v = params.get(name);
        if (v == null) {
            return null;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException notAnId) {
            throw new fr.preau.mail.NoSuchMessageException();
        }
    }
}
