package fr.preau.mail.internal.mime;

import fr.preau.testsupport.CorpusMessages;

import fr.preau.mail.MailAddress;
import fr.preau.mail.mime.Attachment;
import fr.preau.mail.mime.MimePart;

import static fr.preau.mail.internal.mime.Messages.decodedBytes;
import static fr.preau.mail.internal.mime.Messages.raw;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/** Concrete expectations on known messages of the shared corpus. */
class MimeCorpusFilesTest {

    private static ParsedMessage parse(String file) {
        return Messages.parse(CorpusMessages.file(file));
    }

    @Test
    void base64EncodedNestedMessages() {
        ParsedMessage m = parse("apache-james-mime4j/core/src/test/resources/testmsgs/base64encoded-rfc822message-nested.msg");
        assertThat(m.body().flatten()).extracting(MimePart::path, MimePart::mediaType, MimePart::encoding).containsExactly(
                tuple("1", "message/rfc822", "base64"),
                tuple("1.1", "message/rfc822", "base64"),
                tuple("1.1.1", "text/plain", "7bit"));
        assertThat(m.body().message().envelope().subject()).isEqualTo("a simple rfc822 message encoded in a base64 body.");
        assertThat(m.attachments()).extracting(Attachment::filename)
                .containsExactly("a simple rfc822 message encoded in a base64 body.eml");
        byte[] bytes = CorpusMessages.file("apache-james-mime4j/core/src/test/resources/testmsgs/base64encoded-rfc822message-nested.msg");
        assertThat(raw(bytes, "1.1.1")).isEqualTo("Text body\n\r\n");
    }

    @Test
    void tnefFilesAreListedAndExtracted() throws IOException {
        String file = "mimekit/UnitTests/TestData/tnef/rich-text.eml";
        ParsedMessage m = parse(file);
        assertThat(m.attachments()).extracting(Attachment::filename, Attachment::mediaType, Attachment::tnefIndex)
                .startsWith(tuple("winmail.dat", "application/ms-tnef", null),
                        tuple("kitten-playing-with-a-christmas-tree.jpg", "image/jpeg", 0));
        Attachment kitten = m.attachments().get(1);
        assertThat(kitten.size()).isEqualTo(375081);
        byte[] bytes = CorpusMessages.file(file);
        try (InputStream in = new PartExtractor().tnefFile(new ByteArrayInputStream(bytes), kitten.path(), 0).orElseThrow()) {
            byte[] jpeg = in.readAllBytes();
            assertThat(jpeg).hasSize(375081);
            assertThat(jpeg[0] & 0xff).isEqualTo(0xff);
            assertThat(jpeg[1] & 0xff).isEqualTo(0xd8);
        }
        assertThat(m.text()).startsWith("You've made this a Christmas to remember");
    }

    @Test
    void multipartDigestPartsAreMessages() {
        ParsedMessage m = parse("mime-tools-perl-via-mime4j/core/src/test/resources/mimetools-testmsgs/multi-digest.msg");
        assertThat(m.body().mediaType()).isEqualTo("multipart/digest");
        assertThat(m.body().parts()).extracting(MimePart::path, MimePart::mediaType, p -> p.message().envelope().subject())
                .containsExactly(tuple("1", "message/rfc822", "embedded message 1"),
                        tuple("2", "message/rfc822", "embedded message 2"));
        assertThat(m.attachmentText()).contains("embedded message 1").contains("embedded message 2");
    }

    @Test
    void brokenBoundariesKeepWhatCanBeRead() {
        ParsedMessage m = parse("apache-james-mime4j/core/src/test/resources/testmsgs/missing-inner-start-boundary.msg");
        assertThat(m.body().parts()).extracting(MimePart::path, MimePart::mediaType)
                .containsExactly(tuple("1", "text/plain"), tuple("2", "multipart/alternative"));
        assertThat(m.text()).isEqualTo("Foo");
        ParsedMessage misplaced = parse("apache-james-mime4j/core/src/test/resources/testmsgs/misplaced-boundary.msg");
        assertThat(misplaced.text()).contains("--boundary").contains("should not be parsed as multiple bodies");
        ParsedMessage noHeader = parse("apache-james-mime4j/core/src/test/resources/testmsgs/malformedHeader-nocrlfcrlf.msg");
        assertThat(noHeader.headers().subject()).isEqualTo("this is a subject");
        assertThat(noHeader.text()).isEqualTo("Body text");
    }

    @Test
    void veryLongLinesAreKept() {
        ParsedMessage m = parse("apache-james-mime4j/core/src/test/resources/testmsgs/basic-plain-very-long-lines.msg");
        assertThat(m.text().lines().mapToInt(String::length).max().orElse(0)).isGreaterThan(998);
        assertThat(m.truncated()).isFalse();
    }

    @Test
    void rfc2231FilenamesInLatin1AndUtf8() {
        for (String file : new String[] {"attachment-filename-encoding-Latin1.msg", "attachment-filename-encoding-UTF8.msg"}) {
            ParsedMessage m = parse("mime-tools-perl-via-mime4j/core/src/test/resources/mimetools-testmsgs/" + file);
            assertThat(m.attachments()).extracting(Attachment::filename).containsExactly("attachment.äöü");
        }
        ParsedMessage arabic = parse("apache-james-project/mailbox/store/src/test/resources/eml/messageWithNonASCIIFilenameAttachment.eml");
        assertThat(arabic.attachments()).extracting(Attachment::filename).allMatch(n -> n.chars().anyMatch(c -> c >= 0x600 && c <= 0x6ff));
    }

    @Test
    void nonUtf8Charsets() {
        ParsedMessage koi8 = parse("mimekit/UnitTests/TestData/tnef/ukr.eml");
        assertThat(koi8.text()).startsWith("шостий");
        ParsedMessage japanese = parse("mimekit/UnitTests/TestData/messages/japanese.txt");
        assertThat(japanese.headers().subject()).isEqualTo("日本語メールテスト (testing Japanese emails)");
        assertThat(japanese.text()).contains("日本語が\n正常に\n送れているか\nテスト.");
        ParsedMessage latin1 = parse("mime-tools-perl-via-mime4j/core/src/test/resources/mimetools-testmsgs/german-qp.msg");
        assertThat(latin1.text()).contains("Sönderzäichen").contains("Grüße");
    }

    @Test
    void inlineImagesReferencedByCid() {
        ParsedMessage m = parse("apache-james-project/mailbox/store/src/test/resources/eml/oneInlinedAttachment.eml");
        assertThat(m.attachments()).extracting(Attachment::filename, Attachment::inline)
                .containsExactly(tuple("james-logo-square.png", true));
        assertThat(m.hasAttachment()).isFalse();
        ParsedMessage noCid = parse("apache-james-project/mailbox/store/src/test/resources/eml/oneInlinedAttachmentWithNoCid.eml");
        assertThat(noCid.hasAttachment()).isTrue();
    }

    @Test
    void malformedDatesAndHugeHeaders() {
        ParsedMessage date = parse("apache-james-mime4j/dom/src/test/resources/mime4j-219-new-date-time-format.msg");
        assertThat(date.headers().date()).isEqualTo(OffsetDateTime.parse("2012-07-17T22:23:35Z"));
        ParsedMessage huge = parse("mimekit/UnitTests/TestData/messages/stack-overflow.txt");
        assertThat(huge.headers().to()).hasSize(2).first().isEqualTo(new MailAddress("test", "test@test.com"));
        assertThat(huge.text()).isEqualTo("Message Body");
    }

    @Test
    void bouncesListTheirReportsAndTheReturnedMessage() {
        ParsedMessage m = parse("mimekit/UnitTests/TestData/messages/delivery-status2.txt");
        assertThat(m.attachments()).extracting(Attachment::mediaType)
                .containsExactly("message/delivery-status", "message/rfc822");
        assertThat(m.attachmentText()).containsIgnoringCase("status:");
    }

    @Test
    void mboxFilesAreSplitIntoMessages() {
        assertThat(CorpusMessages.splitMbox(CorpusMessages.file("mimekit/UnitTests/TestData/mbox/simple.mbox.txt"))).hasSize(3);
        assertThat(CorpusMessages.all()).anyMatch(m -> m.name().endsWith("simple.mbox.txt#3"));
    }

    @Test
    void decodedAttachmentsAreTheFiles() {
        byte[] bytes = CorpusMessages.file("mime-tools-perl-via-mime4j/core/src/test/resources/mimetools-testmsgs/multi-2gifs.msg");
        ParsedMessage m = Messages.parse(bytes);
        for (Attachment a : m.attachments()) {
            byte[] gif = decodedBytes(bytes, a.path());
            assertThat(new String(gif, 0, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("GIF8");
        }
    }
}
