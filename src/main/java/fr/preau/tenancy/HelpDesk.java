package fr.preau.tenancy;

/** How to reach a help desk: phone, opening hours (compact form, see {@link OpeningHours}) and optional e-mail. */
public record HelpDesk(String phone, String hours, String email) {

    public OpeningHours openingHours() {
        return OpeningHours.parse(hours);
    }
}
