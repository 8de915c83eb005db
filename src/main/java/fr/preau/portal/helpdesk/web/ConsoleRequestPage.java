package fr.preau.portal.helpdesk.web;

import fr.preau.identity.AccountStatus;
import fr.preau.platform.web.FieldErrors;
import fr.preau.portal.helpdesk.HelpDeskFiling;
import fr.preau.portal.helpdesk.RequestStatus;
import fr.preau.portal.helpdesk.SupportConsole;

/**
 * A request in the console: the request, its history and matched accounts, the outcome of the
 * last action, and the reply form (what was typed is kept when it is refused).
 */
public record ConsoleRequestPage(SupportConsole.RequestPage page, ConsoleFlash flash, FieldErrors errors,
                                 String replyText, String replyKind, String replyStatus) {

    public RequestStatus[] statuses() {
        return RequestStatus.values();
    }

    public int maxMessage() {
        return HelpDeskFiling.MAX_MESSAGE;
    }

    /** The flash about the request as a whole (not about one account). */
    public boolean requestFlash() {
        return flash != null && flash.accountId() == null;
    }

    public static String accountStatusKey(AccountStatus status) {
        return switch (status) {
            case PENDING -> "hd.account.status.PENDING";
            case ACTIVE -> "hd.account.status.ACTIVE";
            case SUSPENDED -> "hd.account.status.SUSPENDED";
        };
    }
}
