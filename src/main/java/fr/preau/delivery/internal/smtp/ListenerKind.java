package fr.preau.delivery.internal.smtp;

/** What a listener is for: mail from other servers to hosted domains, or agents' clients sending. */
public enum ListenerKind {
    /** Port 25 role: any sender, recipients in the hosted domains. */
    MX,
    /** Ports 587 and 465 (RFC 6409, RFC 8314): authenticated agents, any recipient. */
    SUBMISSION
}
