package fr.preau.mail.web;

import fr.preau.mail.Flag;
import fr.preau.mail.FlagChange;
import fr.preau.mail.MailFolders;
import fr.preau.mail.MailMessages;
import fr.preau.mail.MailPreferences;
import fr.preau.mail.MailReading;
import fr.preau.mail.MailSettings;
import fr.preau.mail.MessageSummary;
import fr.preau.mail.MessageView;
import fr.preau.mail.ViewOptions;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Builds the reading page of a message for either interface: opening it marks it read; remote
 * images are shown if the user asked, trusts the sender, or always shows them.
 */
@Component
class ReadPages {

    private final MailMessages messages;
    private final MailFolders folders;
    private final MailReading reading;
    private final MailPreferences preferences;

    ReadPages(MailMessages messages, MailFolders folders, MailReading reading, MailPreferences preferences) {
        this.messages = messages;
        this.folders = folders;
        this.reading = reading;
        this.preferences = preferences;
    }

    /** Marks the message read, if it is not yet. */
    void markRead(long accountId, long id) {
        MessageSummary summary = messages.get(accountId, id);
        if (!summary.flags().seen()) {
            messages.changeFlags(accountId, List.of(id), FlagChange.add(Flag.SEEN));
        }
    }

    ReadPage build(String base, long accountId, long id, String path, boolean images, String view, Notice notice,
                   String lang, boolean conversation) {
        MessageView first = path == null ? reading.view(accountId, id, ViewOptions.SAFE)
                : reading.viewNested(accountId, id, path, ViewOptions.SAFE);
        boolean show = images || showsImagesOf(accountId, first);
        FolderTree tree = new FolderTree(folders.list(accountId));
        List<MessageSummary> thread = conversation && path == null ? messages.conversation(accountId, id) : List.of();
        return new ReadPage(base, first, tree, tree.byId(first.summary().folderId()).orElseThrow(), show,
                "text".equals(view), notice, lang, thread);
    }

    boolean showsImagesOf(long accountId, MessageView view) {
        MailSettings settings = preferences.get(accountId);
        return settings.remoteImages() == MailSettings.RemoteImages.ALWAYS
                || (!view.from().isEmpty() && preferences.trustsSender(accountId, view.from().get(0).address()));
    }

    void trustSenderOf(long accountId, long id, java.util.function.Consumer<String> trusted) {
        MessageView view = reading.view(accountId, id, ViewOptions.SAFE);
        if (!view.from().isEmpty()) {
            preferences.trustSender(accountId, view.from().get(0).address());
            trusted.accept(view.from().get(0).address());
        }
    }
}
