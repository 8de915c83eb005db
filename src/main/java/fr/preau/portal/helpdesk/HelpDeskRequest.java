package fr.preau.portal.helpdesk;

import java.time.Instant;

/**
 * A help-desk request as stored: what the requester typed (the NUMEN only as its keyed hash),
 * where it is routed, and where it stands.
 */
public record HelpDeskRequest(
        long id,
        String reference,
        RequestStatus status,
        long academyId,
        long departmentId,
        long chosenDepartmentId,
        String lastName,
        String firstName,
        String identifier,
        String numenHash,
        String contactEmail,
        String contactPhone,
        String message,
        Instant createdAt,
        Instant updatedAt) {

    public boolean numenGiven() {
        return numenHash != null;
    }
}
