package fr.preau.mail;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;

/** A message's system flags and keywords ({@code $Forwarded}, {@code $Junk}, user labels). */
public record MessageFlags(Set<Flag> flags, Set<String> keywords) {

    public MessageFlags {
        flags = flags.isEmpty() ? Collections.unmodifiableSet(EnumSet.noneOf(Flag.class))
                : Collections.unmodifiableSet(EnumSet.copyOf(flags));
        keywords = Collections.unmodifiableSet(new TreeSet<>(keywords));
    }

    public static MessageFlags none() {
        return new MessageFlags(Set.of(), Set.of());
    }

    public static MessageFlags of(Flag... flags) {
        return new MessageFlags(Set.of(flags), Set.of());
    }

    public boolean has(Flag flag) {
        return flags.contains(flag);
    }

    public boolean seen() {
        return has(Flag.SEEN);
    }

    public int bits() {
        return Flag.bits(flags);
    }
}
