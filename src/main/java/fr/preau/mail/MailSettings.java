package fr.preau.mail;

import java.util.Set;

/**
 * An account's web mail settings ({@link MailPreferences}).
 *
 * @param signature plain text added to new messages, line ends {@code \n}, at most
 *     {@value #MAX_SIGNATURE} characters; empty for none
 * @param density how tight message lists are
 * @param remoteImages whether remote images are shown at once or only on request (or for trusted senders)
 * @param conversations whether lists group messages by conversation
 * @param pageSize messages per list page: 25, 50 or 100
 */
public record MailSettings(String signature, Density density, RemoteImages remoteImages, boolean conversations,
                           int pageSize) {

    public static final int MAX_SIGNATURE = 2000;
    public static final Set<Integer> PAGE_SIZES = Set.of(25, 50, 100);

    /** What an account has before it changes anything. */
    public static final MailSettings DEFAULTS = new MailSettings("", Density.COMFORTABLE, RemoteImages.ASK, true, 50);

    public enum Density { COMFORTABLE, COMPACT }

    public enum RemoteImages { ASK, ALWAYS }
}
