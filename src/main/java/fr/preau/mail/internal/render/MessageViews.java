package fr.preau.mail.internal.render;

import fr.preau.mail.AttachmentView;
import fr.preau.mail.MailAddress;
import fr.preau.mail.MessageSummary;
import fr.preau.mail.MessageView;
import fr.preau.mail.NestedView;
import fr.preau.mail.PartLinks;
import fr.preau.mail.ViewOptions;
import fr.preau.mail.internal.mime.MimeParser;
import fr.preau.mail.internal.mime.ParsedMessage;
import fr.preau.mail.mime.Attachment;
import fr.preau.mail.mime.MessageHeaders;
import fr.preau.mail.mime.MimePart;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Builds the reading pane's view of a parsed message: its headers, its HTML body sanitised
 * with {@code cid:} images pointing at their parts, its text, attachments and attached
 * messages. For a nested message parsed on its own, {@code prefix} turns its paths into the
 * paths in the stored message ({@code 1} → {@code 3.1}, {@code TEXT} → {@code 3.TEXT}).
 */
public final class MessageViews {

    private static final Set<String> IMAGES = Set.of("image/png", "image/gif", "image/jpeg", "image/jpg",
            "image/pjpeg", "image/webp", "image/bmp");

    private MessageViews() {}

    public static MessageView of(MessageSummary summary, ParsedMessage parsed, ViewOptions options, String prefix) {
        ViewOptions opts = options == null ? ViewOptions.SAFE : options;
        UnaryOperator<String> outer = prefix == null ? p -> p : p -> prefix + "." + p;
        Map<String, String> byCid = new HashMap<>();
        for (MimePart part : parsed.body().flatten()) {
            String cid = part.contentId();
            if (cid != null && !part.isMultipart()) {
                byCid.putIfAbsent(cid.toLowerCase(Locale.ROOT), part.path());
            }
        }
        Set<String> shown = new HashSet<>();
        PartLinks links = opts.links();
        String safeHtml = null;
        boolean blocked = false;
        if (parsed.html() != null) {
            HtmlBodySanitizer.Result result = HtmlBodySanitizer.sanitize(parsed.html(), cid -> {
                String path = byCid.get(cid.toLowerCase(Locale.ROOT));
                if (path == null || links == null) {
                    return null;
                }
                shown.add(path);
                return links.partUrl(outer.apply(path));
            }, opts.allowRemoteImages());
            safeHtml = result.html();
            blocked = result.remoteBlocked();
        }
        List<AttachmentView> attachments = new ArrayList<>();
        for (Attachment a : parsed.attachments()) {
            String type = a.mediaType() == null ? "application/octet-stream" : a.mediaType();
            String filename = a.filename() == null || a.filename().isBlank() ? "attachment-" + a.path() + ".bin"
                    : a.filename();
            boolean pdf = type.equals("application/pdf")
                    || (type.equals("application/octet-stream") && filename.toLowerCase(Locale.ROOT).endsWith(".pdf"));
            attachments.add(new AttachmentView(outer.apply(a.path()), a.tnefIndex(), filename, type, a.size(),
                    IMAGES.contains(type), pdf, a.tnefIndex() == null && shown.contains(a.path())));
        }
        List<NestedView> nested = new ArrayList<>();
        for (MimePart part : parsed.body().flatten()) {
            if (part.isMessage() && part.message() != null) {
                var envelope = part.message().envelope();
                MailAddress from = envelope.from().isEmpty()
                        ? (envelope.sender().isEmpty() ? null : envelope.sender().get(0)) : envelope.from().get(0);
                nested.add(new NestedView(outer.apply(part.path()),
                        envelope.subject() == null ? "" : envelope.subject(), from, instant(MimeParser.date(envelope.date()))));
            }
        }
        MessageHeaders h = parsed.headers();
        return new MessageView(summary, prefix, h.from(), h.sender(), h.replyTo(), h.to(), h.cc(), h.bcc(),
                h.subject() == null ? "" : h.subject(), instant(h.date()), h.messageId(), safeHtml,
                parsed.text() == null ? "" : parsed.text(), blocked, attachments, nested, parsed.truncated());
    }

    private static Instant instant(OffsetDateTime date) {
        return date == null ? null : date.toInstant();
    }
}
