package fr.preau.mail;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The IMAP system flags a message can carry, with their bit in the store. */
public enum Flag {
    SEEN(1, "\\Seen"),
    ANSWERED(2, "\\Answered"),
    FLAGGED(4, "\\Flagged"),
    DELETED(8, "\\Deleted"),
    DRAFT(16, "\\Draft");

    private final int bit;
    private final String imapName;

    Flag(int bit, String imapName) {
        this.bit = bit;
        this.imapName = imapName;
    }

    public int bit() {
        return bit;
    }

    public String imapName() {
        return imapName;
    }

    public static int bits(Set<Flag> flags) {
        int bits = 0;
        for (Flag flag : flags) {
            bits |= flag.bit;
        }
        return bits;
    }

    public static EnumSet<Flag> of(int bits) {
        EnumSet<Flag> flags = EnumSet.noneOf(Flag.class);
        for (Flag flag : values()) {
            if ((bits & flag.bit) != 0) {
                flags.add(flag);
            }
        }
        return flags;
    }

    /** A flag by its IMAP name ({@code \Seen}), in any case. */
    public static Optional<Flag> ofImapName(String name) {
        for (Flag flag : values()) {
            if (flag.imapName.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                return Optional.of(flag);
            }
        }
        return Optional.empty();
    }
}
