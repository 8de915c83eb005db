package fr.preau.portal.helpdesk.web;

import java.io.Serializable;

/**
 * The outcome of a console action, carried over the redirect to the request page (in the
 * session, never in the URL, so that a link cannot make the page say "the NUMEN matches").
 *
 * @param accountId the account the outcome is about (shown next to it), or null for the request
 */
public record ConsoleFlash(Long accountId, String messageKey, boolean error) implements Serializable {

    static ConsoleFlash success(Long accountId, String key) {
        return new ConsoleFlash(accountId, key, false);
    }

    static ConsoleFlash error(Long accountId, String key) {
        return new ConsoleFlash(accountId, key, true);
    }

    public boolean about(long account) {
        return accountId != null && accountId == account;
    }
}
