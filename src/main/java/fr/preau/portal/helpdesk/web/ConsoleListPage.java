package fr.preau.portal.helpdesk.web;

import fr.preau.portal.helpdesk.HelpDeskRequest;
import fr.preau.portal.helpdesk.RequestStatus;
import fr.preau.tenancy.Department;
import java.util.Map;

/**
 * The console's list: the scope's name (département, or académie for an administrator), the
 * filter chosen ("open", "all" or a status), the number of requests by status, and the rows.
 */
public record ConsoleListPage(String scopeName, boolean wholeAcademy, String filter, Map<RequestStatus, Integer> counts,
                              java.util.List<Row> rows) {

    /** A request and the département it is routed to. */
    public record Row(HelpDeskRequest request, Department department) {}

    public int openCount() {
        return RequestStatus.OPEN.stream().mapToInt(s -> counts.getOrDefault(s, 0)).sum();
    }

    public int allCount() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }
}
