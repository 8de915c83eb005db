package fr.preau.mail;

/**
 * One mailbox of an address header: the display name (RFC 2047 decoded, null when there is
 * none) and the address as written ({@code local@domain}, case kept; possibly not a
 * valid address at all when the header was broken, possibly empty for {@code <>}).
 */
public record MailAddress(String name, String address) {

    public MailAddress {
        address = address == null ? "" : address;
    }

    /** The part before the last {@code @}, or the whole address when there is none. */
    public String localPart() {
        int at = address.lastIndexOf('@');
        return at < 0 ? address : address.substring(0, at);
    }

    /** The part after the last {@code @}, or null when there is none. */
    public String domain() {
        int at = address.lastIndexOf('@');
        return at < 0 ? null : address.substring(at + 1);
    }

    /** {@code Name <address>}, or the address alone. */
    public String display() {
        return name == null || name.isBlank() ? address : name + " <" + address + ">";
    }

    /** The name when there is one, else the address: what a list view shows. */
    public String displayName() {
        return name != null && !name.isBlank() ? name : address;
    }
}
