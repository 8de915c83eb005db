package fr.preau.delivery.internal.inbound;

import fr.preau.identity.Account;
import java.util.List;

/** Where an address given at RCPT TO leads. */
public sealed interface Recipient {

    /** Mailboxes of Préau: one account, or several for postmaster@ and abuse@ (the académie's administrators). */
    record Local(String address, List<Account> accounts) implements Recipient {}

    /** A hosted domain, but no such address. */
    record Unknown(String address) implements Recipient {}

    /** An account that exists but may not receive mail (suspended). */
    record Disabled(String address) implements Recipient {}

    /** Not one of Préau's domains. */
    record Remote(String address, String domain) implements Recipient {}
}
