package fr.preau.mail;

/** What happened to one recipient of a local delivery. */
public sealed interface DeliveryOutcome {

    long accountId();

    record Delivered(long accountId, AppendResult stored) implements DeliveryOutcome {}

    /** Not stored: the message does not fit in the recipient's quota. */
    record OverQuota(long accountId, QuotaUsage usage) implements DeliveryOutcome {}
}
