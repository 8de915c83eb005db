package fr.preau.mail;

/**
 * How the web layer reaches one part of the message being shown (an inline image referred to
 * by {@code cid:}), so that the mail module knows no URL. The URL should be relative to the web
 * mail, and must not contain a scheme other than {@code http} or {@code https}.
 */
@FunctionalInterface
public interface PartLinks {

    /** The URL of the decoded part at that IMAP path of the message being shown. */
    String partUrl(String partPath);
}
