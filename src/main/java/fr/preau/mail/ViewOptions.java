package fr.preau.mail;

/**
 * How a message is shown.
 *
 * @param allowRemoteImages whether remote ({@code http}, {@code https}) images and CSS URLs of
 *     the HTML body are kept (the agent asked, or trusts the sender, see {@link MailPreferences})
 * @param links the URLs of the message's parts, for {@code cid:} images; null drops them
 */
public record ViewOptions(boolean allowRemoteImages, PartLinks links) {

    /** Remote content blocked, no part links. */
    public static final ViewOptions SAFE = new ViewOptions(false, null);
}
