package fr.preau.portal.helpdesk;

import java.time.Instant;

/** One line of a request's history. {@code status} is the status the request got with it, if it changed. */
public record HistoryEntry(long id, Instant createdAt, EntryKind kind, String author, String body, RequestStatus status) {

    /** The action recorded, for an {@link EntryKind#ACTION}. */
    public HistoryAction action() {
        return kind == EntryKind.ACTION ? HistoryAction.of(body).orElse(null) : null;
    }

    /** The identifiant of the account the action concerned. */
    public String actionLogin() {
        return HistoryAction.login(body);
    }
}
