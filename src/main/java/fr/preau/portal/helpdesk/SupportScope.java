package fr.preau.portal.helpdesk;

/**
 * The requests and accounts a member of staff may see in the console: a support agent those
 * of the département of their établissement, an administrator those of their académie.
 *
 * @param departmentId null for an administrator (the whole académie)
 */
public record SupportScope(String actor, long academyId, Long departmentId) {

    public boolean covers(long academyId, long departmentId) {
        return this.academyId == academyId && (this.departmentId == null || this.departmentId == departmentId);
    }

    public boolean wholeAcademy() {
        return departmentId == null;
    }
}
