package fr.preau.portal.helpdesk;

/** What one line of a request's history is; only the requester's messages and answers are public. */
public enum EntryKind {
    /** A message of the requester (the first one is the request's own text). */
    REQUESTER,
    /** An answer of the help desk, shown to the requester. */
    ANSWER,
    /** An internal note of the help desk, never shown to the requester. */
    NOTE,
    /** Something the help desk did (identity checked, link sent, letter printed), internal. */
    ACTION;

    public boolean isPublic() {
        return this == REQUESTER || this == ANSWER;
    }
}
