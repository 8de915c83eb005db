package fr.preau.mail.internal.search;

import java.util.Set;

/**
 * The changeable part of an indexed message: its folder, system flags (bitmask of
 * {@link IndexedMessage#SEEN} ...) and keywords. The index updates it in place with doc
 * values, without re-analysing the text.
 */
public record MessageState(long folderId, int flags, Set<String> keywords) {

    public MessageState {
        keywords = keywords == null ? Set.of() : Set.copyOf(keywords);
    }
}
