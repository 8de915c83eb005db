package fr.preau.mail;

import java.util.List;

/** One page of a message list or search: the messages and how many there are in all. */
public record MessagePage(List<MessageSummary> messages, long total, int offset, int limit) {

    public boolean hasMore() {
        return offset + messages.size() < total;
    }
}
