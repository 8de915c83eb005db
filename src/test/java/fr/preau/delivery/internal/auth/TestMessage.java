package fr.preau.delivery.internal.auth;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/** A clean inbound message for the spam rules' tests, changed one detail at a time. */
final class TestMessage {

    String fromName = "Paul Martin";
    String fromAddress = "paul.martin@example.org";
    String subject = "Réunion de jeudi";
    String text = "Bonjour,\nvoici l'ordre du jour : https://example.org/ordre-du-jour\nBonne journée,\nPaul\n";
    String html = "";
    List<InboundMessage.Link> links = new ArrayList<>(List.of(new InboundMessage.Link("https://example.org/ordre-du-jour", "")));
    List<String> attachments = new ArrayList<>();
    List<InboundMessage.Header> headers = new ArrayList<>(List.of(
            new InboundMessage.Header("Date", "Tue, 1 Dec 2026 08:00:00 +0100"),
            new InboundMessage.Header("Message-ID", "<1@example.org>")));
    SpfResult spf = new SpfResult(SpfResult.Result.PASS, SpfResult.Identity.MAILFROM, "example.org", "");
    List<DkimResult> dkim = new ArrayList<>(List.of(new DkimResult(DkimResult.Result.PASS, "example.org", "s1", "")));
    DmarcResult dmarc = new DmarcResult(DmarcResult.Result.PASS, "example.org", DmarcResult.Policy.NONE,
            DmarcResult.Policy.NONE, true, true, "");
    String user = "";

    TestMessage from(String name, String address) {
        fromName = name;
        fromAddress = address;
        return this;
    }

    TestMessage html(String body) {
        html = body;
        links.addAll(InboundMessageParser.htmlLinks(body));
        return this;
    }

    TestMessage text(String body) {
        text = body;
        links.removeIf(l -> l.text().isEmpty());
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("https?://\\S+").matcher(body);
        while (m.find()) {
            links.add(new InboundMessage.Link(m.group(), ""));
        }
        return this;
    }

    TestMessage without(String header) {
        headers.removeIf(h -> h.name().equalsIgnoreCase(header));
        return this;
    }

    TestMessage unauthenticated() {
        spf = new SpfResult(SpfResult.Result.NONE, SpfResult.Identity.MAILFROM, "", "");
        dkim.clear();
        dmarc = DmarcResult.without(DmarcResult.Result.NONE, "", "");
        return this;
    }

    TestMessage dmarcFail(DmarcResult.Policy policy) {
        dmarc = new DmarcResult(DmarcResult.Result.FAIL, "example.org", policy, policy, false, false, "");
        return this;
    }

    InboundMessage build() {
        try {
            return new InboundMessage(new InboundMessage.Envelope(InetAddress.getByName("192.0.2.25"), "mail.example.org",
                    fromAddress, List.of("agent@ac-dijon.fr"), user), headers, subject, fromName, fromAddress, text, html,
                    links, attachments, spf, dkim, dmarc, null);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
