package fr.preau.mail.internal.search;

import fr.preau.mail.internal.search.IndexedMessage.Addr;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Builds {@link IndexedMessage}s for tests, with plain defaults for what a test does not set. */
final class TestMessage {

    static final long ACCOUNT = 1;
    static final long INBOX = 10;

    private final long id;
    private long account = ACCOUNT;
    private long folder = INBOX;
    private Instant internalDate = Instant.parse("2026-03-02T09:00:00Z");
    private Instant sentDate = Instant.parse("2026-03-02T08:59:00Z");
    private long size = 2_000;
    private int flags;
    private final Set<String> keywords = new LinkedHashSet<>();
    private String subject = "";
    private final List<Addr> from = new ArrayList<>();
    private final List<Addr> to = new ArrayList<>();
    private final List<Addr> cc = new ArrayList<>();
    private final List<Addr> bcc = new ArrayList<>();
    private String body = "";
    private final List<String> attachmentNames = new ArrayList<>();
    private String attachmentText = "";
    private boolean hasAttachment;

    private TestMessage(long id) {
        this.id = id;
    }

    static TestMessage message(long id) {
        return new TestMessage(id);
    }

    TestMessage account(long account) { this.account = account; return this; }
    TestMessage folder(long folder) { this.folder = folder; return this; }
    TestMessage arrived(String instant) { this.internalDate = Instant.parse(instant); return this; }
    TestMessage sent(String instant) { this.sentDate = instant == null ? null : Instant.parse(instant); return this; }
    TestMessage size(long size) { this.size = size; return this; }
    TestMessage flags(int flags) { this.flags = flags; return this; }
    TestMessage keyword(String keyword) { this.keywords.add(keyword); return this; }
    TestMessage subject(String subject) { this.subject = subject; return this; }
    TestMessage from(String name, String address) { this.from.add(new Addr(name, address)); return this; }
    TestMessage to(String name, String address) { this.to.add(new Addr(name, address)); return this; }
    TestMessage cc(String name, String address) { this.cc.add(new Addr(name, address)); return this; }
    TestMessage bcc(String name, String address) { this.bcc.add(new Addr(name, address)); return this; }
    TestMessage body(String body) { this.body = body; return this; }
    TestMessage attachment(String name) { this.attachmentNames.add(name); this.hasAttachment = true; return this; }
    TestMessage attachmentText(String text) { this.attachmentText = text; this.hasAttachment = true; return this; }

    IndexedMessage build() {
        return new IndexedMessage(id, account, folder, internalDate, sentDate, size, flags, keywords, subject,
                from, to, cc, bcc, body, attachmentNames, attachmentText, hasAttachment);
    }
}
