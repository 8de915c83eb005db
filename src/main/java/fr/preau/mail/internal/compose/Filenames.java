package fr.preau.mail.internal.compose;

/** File names the composer makes up. */
final class Filenames {

    private Filenames() {}

    /** {@code <subject>.eml} for a message attached whole, without the characters file systems refuse. */
    static String forMessage(String subject) {
        String base = subject == null ? "" : subject.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]+", " ").strip();
        if (base.length() > 80) {
            base = base.substring(0, 80).strip();
        }
        return (base.isEmpty() ? "message" : base) + ".eml";
    }
}
