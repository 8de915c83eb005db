package fr.preau.portal.helpdesk;

import java.util.Optional;

/** The actions a request's history records, each with the console's wording. */
public enum HistoryAction {
    IDENTITY_MATCHED("hd.action.IDENTITY_MATCHED"),
    IDENTITY_NOT_MATCHED("hd.action.IDENTITY_NOT_MATCHED"),
    RESET_LINK_SENT("hd.action.RESET_LINK_SENT"),
    RESET_LINK_NOT_SENT("hd.action.RESET_LINK_NOT_SENT"),
    LETTER_ISSUED("hd.action.LETTER_ISSUED"),
    TWO_FACTOR_DISABLED("hd.action.TWO_FACTOR_DISABLED");

    private final String labelKey;

    HistoryAction(String labelKey) {
        this.labelKey = labelKey;
    }

    public String labelKey() {
        return labelKey;
    }

    /** Stored as {@code NAME login}: the action and the identifiant of the account it concerned. */
    public String body(String login) {
        return name() + " " + login;
    }

    /** The action of a stored body, if it is one. */
    public static Optional<HistoryAction> of(String body) {
        String name = body.contains(" ") ? body.substring(0, body.indexOf(' ')) : body;
        for (HistoryAction a : values()) {
            if (a.name().equals(name)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /** The identifiant in a stored body. */
    public static String login(String body) {
        return body.contains(" ") ? body.substring(body.indexOf(' ') + 1) : "";
    }
}
