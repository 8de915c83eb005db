package fr.preau.delivery.internal.outbound;

/**
 * Where delivery status notifications go: to the mailbox of the (local) sender of the message
 * they are about. The notice is a complete RFC 5322 message ({@code multipart/report}) with a
 * null envelope sender. Called inside a transaction that, when it commits, records the notice
 * as sent; an implementation that joins it makes the two atomic, otherwise a crash between
 * them may send a notice twice, never lose it.
 *
 * <p>Without a bean of this type the notice is queued for remote delivery like any message
 * (see {@link OutboundQueue#enqueueNotice}).
 */
public interface NoticeSink {

    void deliver(byte[] dsn, String recipient);
}
