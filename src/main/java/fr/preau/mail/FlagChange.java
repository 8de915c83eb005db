package fr.preau.mail;

import java.util.Set;

/** How to change flags: add, remove or replace (IMAP STORE +FLAGS, -FLAGS, FLAGS). */
public record FlagChange(Mode mode, Set<Flag> flags, Set<String> keywords) {

    public enum Mode { ADD, REMOVE, REPLACE }

    public FlagChange {
        flags = Set.copyOf(flags);
        keywords = Set.copyOf(keywords);
    }

    public static FlagChange add(Flag... flags) {
        return new FlagChange(Mode.ADD, Set.of(flags), Set.of());
    }

    public static FlagChange remove(Flag... flags) {
        return new FlagChange(Mode.REMOVE, Set.of(flags), Set.of());
    }

    /** The flags and keywords after applying this change to {@code current}. */
    public MessageFlags applyTo(MessageFlags current) {
        java.util.EnumSet<Flag> f = current.flags().isEmpty() ? java.util.EnumSet.noneOf(Flag.class)
                : java.util.EnumSet.copyOf(current.flags());
        java.util.Set<String> k = new java.util.TreeSet<>(current.keywords());
        switch (mode) {
            case ADD -> {
                f.addAll(flags);
                k.addAll(keywords);
            }
            case REMOVE -> {
                f.removeAll(flags);
                k.removeAll(keywords);
            }
            case REPLACE -> {
                f.clear();
                f.addAll(flags);
                k.clear();
                k.addAll(keywords);
            }
        }
        return new MessageFlags(f, k);
    }
}
