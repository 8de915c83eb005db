package fr.preau.portal.helpdesk;

import java.util.EnumSet;
import java.util.Set;

/** Where a help-desk request stands. The first three are "open": the console lists them by default. */
public enum RequestStatus {
    NEW("hd.status.NEW", "hd.status.NEW.explain"),
    IN_PROGRESS("hd.status.IN_PROGRESS", "hd.status.IN_PROGRESS.explain"),
    WAITING_FOR_AGENT("hd.status.WAITING_FOR_AGENT", "hd.status.WAITING_FOR_AGENT.explain"),
    RESOLVED("hd.status.RESOLVED", "hd.status.RESOLVED.explain"),
    REJECTED("hd.status.REJECTED", "hd.status.REJECTED.explain");

    public static final Set<RequestStatus> OPEN = EnumSet.of(NEW, IN_PROGRESS, WAITING_FOR_AGENT);

    private final String labelKey;
    private final String explainKey;

    RequestStatus(String labelKey, String explainKey) {
        this.labelKey = labelKey;
        this.explainKey = explainKey;
    }

    public String labelKey() {
        return labelKey;
    }

    /** What the status means for the requester, on their status page. */
    public String explainKey() {
        return explainKey;
    }

    public boolean open() {
        return OPEN.contains(this);
    }

    /** The tag's look in lists: new, waiting, closed. */
    public String tagClass() {
        return switch (this) {
            case NEW -> "tag tag--new";
            case IN_PROGRESS, WAITING_FOR_AGENT -> "tag";
            case RESOLVED -> "tag tag--ok";
            case REJECTED -> "tag tag--ko";
        };
    }
}
