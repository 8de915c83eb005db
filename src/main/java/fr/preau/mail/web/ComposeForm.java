package fr.preau.mail.web;

import java.util.Arrays;
import java.util.List;

/**
 * The compose form as posted: recipients as typed, subject, text, options, the references of the
 * attachments already there ({@code att}), and the draft and conversation it belongs to.
 */
record ComposeForm(String to, String cc, String bcc, String subject, String text, String html, Integer priority, Boolean receipt,
                   Long draft, String inReplyTo, String references, Long replied, Long forwarded, List<String> att) {

    ComposeForm {
        to = to == null ? "" : to;
        cc = cc == null ? "" : cc;
        bcc = bcc == null ? "" : bcc;
        subject = subject == null ? "" : subject;
        text = text == null ? "" : text.replace("\r\n", "\n");
        html = html == null || html.isBlank() ? null : html;
        priority = priority == null ? 3 : priority;
        receipt = Boolean.TRUE.equals(receipt);
        att = att == null ? List.of() : List.copyOf(att);
    }

    List<String> referenceList() {
        return references == null || references.isBlank() ? List.of()
                : Arrays.stream(references.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
    }
}
