package fr.preau.identity;

/**
 * What the staff directory may show of an active account: names, role, address and
 * établissement. Never its NUMEN, backup e-mail or mobile number.
 */
public record StaffMember(long accountId, long academyId, long establishmentId, String firstName, String lastName,
                          Role role, String email) {

    public String displayName() {
        return firstName + " " + lastName;
    }
}
