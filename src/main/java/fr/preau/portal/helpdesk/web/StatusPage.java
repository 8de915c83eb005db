package fr.preau.portal.helpdesk.web;

import fr.preau.platform.web.FieldErrors;
import fr.preau.portal.helpdesk.HelpDeskFiling;
import fr.preau.portal.helpdesk.HelpDeskRequest;
import fr.preau.portal.helpdesk.HistoryEntry;
import java.util.List;

/** The requester's status page: the request, its public history, and the form to add a message. */
public record StatusPage(HelpDeskRequest request, List<HistoryEntry> history, FieldErrors errors, String typed,
                         String notice) {

    public int maxMessage() {
        return HelpDeskFiling.MAX_MESSAGE;
    }
}
