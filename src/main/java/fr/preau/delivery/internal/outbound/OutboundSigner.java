package fr.preau.delivery.internal.outbound;

import java.io.IOException;
import java.io.InputStream;

/**
 * Signs outgoing mail just before it leaves (DKIM): given the raw message and the domain of its
 * envelope sender (null for a notice), returns the header field(s) to put in front of it,
 * complete lines ending in CRLF, or an empty array not to sign. The queue's bytes stay as they
 * were submitted; the signature is made for each delivery.
 */
public interface OutboundSigner {

    /** Signs nothing. */
    OutboundSigner NONE = (raw, senderDomain) -> new byte[0];

    byte[] headerFor(InputStream raw, String senderDomain) throws IOException;
}
