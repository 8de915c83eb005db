package fr.preau.mail.internal.mime;

import fr.preau.mail.mime.MimePart;

import java.util.ArrayList;
import java.util.List;

/**
 * Which parts make the text body, which the HTML body and which are attachments: the
 * algorithm of JMAP (RFC 8621 section 4.1.4), which mail clients agree with — in
 * {@code multipart/alternative} the last plain and HTML alternatives, in
 * {@code multipart/mixed} every displayable part in order (text, inline image, text), in
 * {@code multipart/related} only the first part, everything else an attachment. One change: a
 * text part with a file name and no {@code Content-Disposition: inline} is an attachment.
 * Nested messages are not entered (they are attachments).
 */
final class BodySelector {

    record Selection(List<MimePart> textBody, List<MimePart> htmlBody, List<MimePart> attachments) {}

    private BodySelector() {}

    static Selection select(MimePart root) {
        List<MimePart> text = new ArrayList<>();
        List<MimePart> html = new ArrayList<>();
        List<MimePart> attachments = new ArrayList<>();
        if (root.isMultipart()) {
            parse(root.parts(), root.subtype(), root.subtype().equals("alternative"), html, text, attachments);
        } else {
            parse(List.of(root), "mixed", false, html, text, attachments);
        }
        return new Selection(text, html, attachments);
    }

    private static void parse(List<MimePart> parts, String multipartType, boolean inAlternative,
            List<MimePart> htmlBody, List<MimePart> textBody, List<MimePart> attachments) {
        int textLength = textBody != null ? textBody.size() : -1;
        int htmlLength = htmlBody != null ? htmlBody.size() : -1;
        for (int i = 0; i < parts.size(); i++) {
            MimePart part = parts.get(i);
            String type = part.mediaType();
            boolean plain = type.equals("text/plain");
            boolean isHtml = type.equals("text/html");
            boolean media = isInlineMedia(part);
            boolean isInline = !part.isAttachmentDisposition()
                    && (plain || isHtml || media)
                    && (i == 0 || (!multipartType.equals("related") && (media || part.filename() == null)));
            if (isInline && (plain || isHtml) && part.filename() != null && !"inline".equals(part.disposition())) {
                isInline = false;
            }
            if (part.isMultipart()) {
                String sub = part.subtype();
                parse(part.parts(), sub, inAlternative || sub.equals("alternative"), htmlBody, textBody, attachments);
            } else if (isInline) {
                if (multipartType.equals("alternative")) {
                    if (plain) {
                        if (textBody != null) {
                            textBody.add(part);
                        }
                    } else if (isHtml) {
                        if (htmlBody != null) {
                            htmlBody.add(part);
                        }
                    } else {
                        attachments.add(part);
                    }
                    continue;
                } else if (inAlternative) {
                    if (plain) {
                        htmlBody = null;
                    }
                    if (isHtml) {
                        textBody = null;
                    }
                }
                if (textBody != null) {
                    textBody.add(part);
                }
                if (htmlBody != null) {
                    htmlBody.add(part);
                }
                if ((textBody == null || htmlBody == null) && media) {
                    attachments.add(part);
                }
            } else {
                attachments.add(part);
            }
        }
        if (multipartType.equals("alternative") && textBody != null && htmlBody != null) {
            if (textLength == textBody.size() && htmlLength != htmlBody.size()) {
                for (int i = htmlLength; i < htmlBody.size(); i++) {
                    textBody.add(htmlBody.get(i));
                }
            }
            if (htmlLength == htmlBody.size() && textLength != textBody.size()) {
                for (int i = textLength; i < textBody.size(); i++) {
                    htmlBody.add(textBody.get(i));
                }
            }
        }
    }

    static boolean isInlineMedia(MimePart part) {
        return part.type().equals("image") || part.type().equals("audio") || part.type().equals("video");
    }
}
