package fr.preau.mail;

/** An address as a message shows it: the display name (may be null) and the address. */
public record MailAddress(String name, String address) {

    /** {@code Name <address>}, or the address alone. */
    public String display() {
        return name == null || name.isBlank() ? address : name + " <" + address + ">";
    }
}
