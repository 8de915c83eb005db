package fr.preau.delivery.internal.auth;

/**
 * Decides whether an inbound message is spam. Implementations never throw and never lose a
 * message: when in doubt they say "not spam".
 */
public interface SpamFilter {

    SpamVerdict check(InboundMessage message);
}
