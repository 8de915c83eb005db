package fr.preau.mail.web;

import fr.preau.mail.AttachmentView;
import fr.preau.mail.PartLinks;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The URLs of a message's parts, as both interfaces write them. */
final class Links {

    private Links() {}

    static PartLinks inline(long messageId) {
        return path -> "/mail/message/" + messageId + "/inline?path=" + enc(path);
    }

    static String attachment(long messageId, AttachmentView a, boolean inline) {
        return "/mail/message/" + messageId + "/attachment?path=" + enc(a.path())
                + (a.tnefIndex() == null ? "" : "&tnef=" + a.tnefIndex()) + (inline ? "&inline=true" : "");
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
