package fr.preau.mail.internal.mime;

import fr.preau.testsupport.CorpusMessages;

import fr.preau.mail.MailAddress;
import fr.preau.mail.mime.Attachment;
import fr.preau.mail.mime.Envelope;
import fr.preau.mail.mime.HeaderField;
import fr.preau.mail.mime.MessageHeaders;
import fr.preau.mail.mime.MimePart;

import static fr.preau.mail.internal.mime.Messages.crlf;
import static fr.preau.mail.internal.mime.Messages.parse;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MimeParserTest {

    static final String NESTED = """
            From: =?UTF-8?Q?Ren=C3=A9e_Lef=C3=A8vre?= <renee@ac-dijon.fr>
            To: "Dupont, Jean" <jean.dupont@ac-dijon.fr>, b@ac-lyon.fr
            Cc: Équipe: c@ac-dijon.fr, d@ac-dijon.fr;
            Subject: =?UTF-8?Q?R=C3=A9union?= de
             =?UTF-8?Q?rentr=C3=A9e?=
            Date: Tue, 3 Sep 2024 08:30:00 +0200
            Message-ID: <abc@ac-dijon.fr>
            In-Reply-To: <prev@ac-dijon.fr> (message de Jean)
            References: <first@ac-dijon.fr>
             <prev@ac-dijon.fr>
            X-Priority: 2 (High)
            Disposition-Notification-To: renee@ac-dijon.fr
            List-Id: Liste DSDEN <dsden21.ac-dijon.fr>
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary="outer"

            preamble
            --outer
            Content-Type: multipart/alternative; boundary="alt"

            --alt
            Content-Type: text/plain; charset=iso-8859-1
            Content-Transfer-Encoding: quoted-printable

            Bonjour =E0 tous,
            voir le programme.
            --alt
            Content-Type: text/html; charset=utf-8

            <html><body><p>Bonjour à <b>tous</b>,</p><p>voir le <img src="cid:logo@x"> programme.</p></body></html>
            --alt--
            --outer
            Content-Type: image/png; name=logo.png
            Content-ID: <logo@x>
            Content-Transfer-Encoding: base64

            iVBORw0KGgo=
            --outer
            Content-Type: message/rfc822

            From: Jean <jean@ac-dijon.fr>
            Subject: Programme
            Content-Type: multipart/mixed; boundary="inner"

            --inner
            Content-Type: text/plain

            Le programme
            --inner
            Content-Type: application/pdf
            Content-Disposition: attachment; filename*=UTF-8''programme%20de%20rentr%C3%A9e.pdf
            Content-Transfer-Encoding: base64

            JVBERi0xLjQK
            --inner--
            --outer
            Content-Type: message/rfc822

            Subject: Simple

            Corps simple
            --outer--
            epilogue
            """;

    @Test
    void decodesTheHeaders() {
        ParsedMessage m = parse(NESTED);
        MessageHeaders h = m.headers();
        assertThat(h.subject()).isEqualTo("Réunion de rentrée");
        assertThat(h.from()).containsExactly(new MailAddress("Renée Lefèvre", "renee@ac-dijon.fr"));
        assertThat(h.to()).containsExactly(new MailAddress("Dupont, Jean", "jean.dupont@ac-dijon.fr"),
                new MailAddress(null, "b@ac-lyon.fr"));
        assertThat(h.cc()).extracting(MailAddress::address).containsExactly("c@ac-dijon.fr", "d@ac-dijon.fr");
        assertThat(h.date()).isEqualTo(OffsetDateTime.parse("2024-09-03T08:30:00+02:00"));
        assertThat(m.messageIdOrNull()).isEqualTo("abc@ac-dijon.fr");
        assertThat(h.inReplyTo()).containsExactly("prev@ac-dijon.fr");
        assertThat(h.references()).containsExactly("first@ac-dijon.fr", "prev@ac-dijon.fr");
        assertThat(h.priority()).isEqualTo(2);
        assertThat(h.dispositionNotificationTo()).containsExactly(new MailAddress(null, "renee@ac-dijon.fr"));
        assertThat(h.listId()).isEqualTo("dsden21.ac-dijon.fr");
        assertThat(h.isAutomatic()).isTrue();
        assertThat(h.first("subject")).isEqualTo("Réunion de rentrée");
        assertThat(h.fields()).extracting(HeaderField::name).startsWith("From", "To", "Cc", "Subject");
        assertThat(m.normalizedSubject()).isEqualTo("réunion de rentrée");

        Envelope e = m.envelope();
        assertThat(e.date()).isEqualTo("Tue, 3 Sep 2024 08:30:00 +0200");
        assertThat(e.messageId()).isEqualTo("<abc@ac-dijon.fr>");
        assertThat(e.inReplyTo()).isEqualTo("<prev@ac-dijon.fr> (message de Jean)");
        assertThat(e.subject()).isEqualTo("Réunion de rentrée");
        assertThat(e.sender()).isEmpty();
    }

    @Test
    void numbersPartsAsImapDoes() {
        ParsedMessage m = parse(NESTED);
        assertThat(m.body().flatten()).extracting(MimePart::path, MimePart::mediaType).containsExactly(
                org.assertj.core.groups.Tuple.tuple("TEXT", "multipart/mixed"),
                org.assertj.core.groups.Tuple.tuple("1", "multipart/alternative"),
                org.assertj.core.groups.Tuple.tuple("1.1", "text/plain"),
                org.assertj.core.groups.Tuple.tuple("1.2", "text/html"),
                org.assertj.core.groups.Tuple.tuple("2", "image/png"),
                org.assertj.core.groups.Tuple.tuple("3", "message/rfc822"),
                org.assertj.core.groups.Tuple.tuple("3.TEXT", "multipart/mixed"),
                org.assertj.core.groups.Tuple.tuple("3.1", "text/plain"),
                org.assertj.core.groups.Tuple.tuple("3.2", "application/pdf"),
                org.assertj.core.groups.Tuple.tuple("4", "message/rfc822"),
                org.assertj.core.groups.Tuple.tuple("4.1", "text/plain"));
        MimePart plain = m.body().find("1.1").orElseThrow();
        assertThat(plain.params()).containsEntry("charset", "iso-8859-1");
        assertThat(plain.encoding()).isEqualTo("quoted-printable");
        assertThat(plain.size()).isEqualTo("Bonjour =E0 tous,\r\nvoir le programme.".length());
        assertThat(plain.lines()).isEqualTo(2);
        MimePart nested = m.body().find("3").orElseThrow();
        assertThat(nested.message().envelope().subject()).isEqualTo("Programme");
        assertThat(nested.message().envelope().from()).containsExactly(new MailAddress("Jean", "jean@ac-dijon.fr"));
        assertThat(nested.message().body().path()).isEqualTo("3.TEXT");
        assertThat(nested.lines()).isEqualTo(15);
        assertThat(m.body().find("3.2").orElseThrow().filename()).isEqualTo("programme de rentrée.pdf");
        assertThat(m.body().find("2").orElseThrow().contentId()).isEqualTo("logo@x");
    }

    @Test
    void choosesBodiesAndAttachments() {
        ParsedMessage m = parse(NESTED);
        assertThat(m.textParts()).containsExactly("1.1");
        assertThat(m.htmlParts()).containsExactly("1.2");
        assertThat(m.text()).isEqualTo("Bonjour à tous,\nvoir le programme.");
        assertThat(m.html()).contains("<b>tous</b>");
        assertThat(m.preview()).isEqualTo("Bonjour à tous, voir le programme.");
        assertThat(m.attachments()).containsExactly(
                new Attachment("2", "logo.png", "image/png", 8, true, "logo@x", null),
                new Attachment("3", "Programme.eml", "message/rfc822", m.body().find("3").orElseThrow().size(), false,
                        null, null),
                new Attachment("4", "Simple.eml", "message/rfc822", m.body().find("4").orElseThrow().size(), false,
                        null, null));
        assertThat(m.hasAttachment()).isTrue();
        assertThat(m.attachmentText()).contains("Programme\nLe programme").contains("Simple\nCorps simple");
        assertThat(m.truncated()).isFalse();
    }

    @Test
    void aSinglePartBodyIsPartOne() {
        ParsedMessage m = parse("""
                Subject: simple

                Hello
                """);
        assertThat(m.body().path()).isEqualTo("1");
        assertThat(m.body().mediaType()).isEqualTo("text/plain");
        assertThat(m.body().size()).isEqualTo(7);
        assertThat(m.body().lines()).isEqualTo(1);
        assertThat(m.text()).isEqualTo("Hello");
        assertThat(m.attachments()).isEmpty();
        assertThat(m.hasAttachment()).isFalse();
    }

    @Test
    void aNestedMessageInsideAMessageFollowsRfc3501() {
        ParsedMessage m = parse("""
                Content-Type: message/rfc822

                Content-Type: message/rfc822

                Content-Type: multipart/mixed; boundary=x

                --x

                un
                --x

                deux
                --x--
                """);
        assertThat(m.body().flatten()).extracting(MimePart::path)
                .containsExactly("1", "1.1", "1.1.TEXT", "1.1.1", "1.1.2");
    }

    @Test
    void htmlAloneGivesTheTextToo() {
        ParsedMessage m = parse("""
                Content-Type: text/html; charset=utf-8

                <html><head><style>p{color:red}</style><script>alert(1)</script></head>
                <body><h1>Titre</h1><p>Premier&nbsp;paragraphe
                sur deux lignes.</p><ul><li>un</li><li>deux</li></ul><table><tr><td>a</td><td>b</td></tr></table>
                <p>Fin<br>ligne</p></body></html>
                """);
        assertThat(m.html()).contains("<h1>Titre</h1>");
        assertThat(m.text()).isEqualTo("Titre\n\nPremier\u00a0paragraphe sur deux lignes.\n\n- un\n- deux\n\na b\n\nFin\nligne");
        assertThat(m.textParts()).containsExactly("1");
    }

    @Test
    void anEmptyPlainAlternativeFallsBackToTheHtml() {
        ParsedMessage m = parse("""
                Content-Type: multipart/alternative; boundary=b

                --b
                Content-Type: text/plain

                --b
                Content-Type: text/html

                <p>Seul le HTML</p>
                --b--
                """);
        assertThat(m.text()).isEqualTo("Seul le HTML");
    }

    @Test
    void unwrapsFormatFlowed() {
        ParsedMessage m = parse("""
                Content-Type: text/plain; charset=utf-8; format=flowed

                Une ligne coup\u00e9e\s
                en deux
                > cit\u00e9\s
                > suite
                --\s
                Signature
                """);
        assertThat(m.text()).isEqualTo("Une ligne coupée en deux\n> cité suite\n--\nSignature");
        ParsedMessage delsp = parse("""
                Content-Type: text/plain; charset=utf-8; format=flowed; delsp=yes

                Une ligne coup\s
                ee en deux
                """);
        assertThat(delsp.text()).isEqualTo("Une ligne coupee en deux");
    }

    @Test
    void readsRawEightBitHeaders() {
        byte[] utf8 = crlf("Subject: Réunion élèves\nFrom: Renée <renee@x.fr>\n\nx\n", StandardCharsets.UTF_8);
        byte[] latin1 = crlf("Subject: Réunion élèves\nFrom: Renée <renee@x.fr>\n\nx\n", StandardCharsets.ISO_8859_1);
        assertThat(parse(utf8).headers().subject()).isEqualTo("Réunion élèves");
        assertThat(parse(latin1).headers().subject()).isEqualTo("Réunion élèves");
        assertThat(parse(latin1).headers().from()).containsExactly(new MailAddress("Renée", "renee@x.fr"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "UTF-8, utf-8", "ISO-8859-1, iso-8859-1", "ISO-8859-15, iso-8859-15", "windows-1252, windows-1252",
        "ISO-8859-2, iso-8859-2", "KOI8-R, koi8-r", "GBK, gb2312", "Shift_JIS, shift_jis", "ISO-2022-JP, iso-2022-jp",
    })
    void decodesBodiesWithTheirCharset(String javaCharset, String label) {
        String sample = switch (label) {
            case "iso-8859-2" -> "Dzień dobry, żółw";
            case "koi8-r" -> "Привет, мир";
            case "gb2312" -> "你好，世界";
            case "shift_jis", "iso-2022-jp" -> "こんにちは世界";
            case "iso-8859-15" -> "Coût : 5 €";
            case "windows-1252" -> "“Élèves” — 5 €";
            default -> "Élèves à l'école";
        };
        Charset charset = Charset.forName(javaCharset);
        byte[] header = crlf("Content-Type: text/plain; charset=" + label + "\nContent-Transfer-Encoding: 8bit\n\n");
        byte[] body = sample.getBytes(charset);
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        message.writeBytes(header);
        message.writeBytes(body);
        assertThat(parse(message.toByteArray()).text()).isEqualTo(sample);
    }

    @Test
    void undeclaredCharsetsAreUtf8WhenValidElseWindows1252() {
        assertThat(parse(crlf("Content-Type: text/plain\n\nÉlève\n", StandardCharsets.UTF_8)).text()).isEqualTo("Élève");
        assertThat(parse(crlf("Content-Type: text/plain\n\nÉlève\n", StandardCharsets.ISO_8859_1)).text()).isEqualTo("Élève");
        assertThat(parse(crlf("Content-Type: text/plain; charset=x-bogus\n\nÉlève\n", StandardCharsets.UTF_8)).text())
                .isEqualTo("Élève");
        assertThat(parse(crlf("Content-Type: text/html\n\n<meta charset=\"iso-8859-1\"><p>Élève</p>\n",
                StandardCharsets.ISO_8859_1)).text()).isEqualTo("Élève");
    }

    @Test
    void namesAttachmentsThatHaveNone() {
        ParsedMessage m = parse("""
                Content-Type: multipart/mixed; boundary=b

                --b

                texte
                --b
                Content-Type: application/pdf

                %PDF
                --b
                Content-Type: application/octet-stream
                Content-Disposition: attachment

                x
                --b
                Content-Type: text/plain; name="C:\\\\Users\\\\jean\\\\notes.txt"

                notes
                --b
                Content-Type: message/rfc822

                Subject: Re: a/b: c?

                y
                --b--
                """);
        assertThat(m.attachments()).extracting(Attachment::filename)
                .containsExactly("attachment-2.pdf", "attachment-3.bin", "notes.txt", "Re a b c.eml");
        assertThat(m.attachmentText()).contains("notes");
        assertThat(m.textParts()).containsExactly("1");
    }

    @Test
    void capsPathologicalMessages() {
        StringBuilder many = new StringBuilder("Content-Type: multipart/mixed; boundary=b\r\n\r\n");
        for (int i = 0; i < 3000; i++) {
            many.append("--b\r\nContent-Type: text/plain\r\n\r\n").append(i).append("\r\n");
        }
        many.append("--b--\r\n");
        ParsedMessage wide = parse(many.toString().getBytes(StandardCharsets.US_ASCII));
        assertThat(wide.truncated()).isTrue();
        assertThat(wide.body().flatten()).hasSize(PartDescriptor.Limits.MAX_PARTS);
        assertThat(wide.body().parts().get(wide.body().parts().size() - 1).path()).isEqualTo("1999");
        assertThat(BodyStructureJson.write(wide).length()).isLessThanOrEqualTo(BodyStructureJson.MAX_LENGTH);

        StringBuilder deep = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            deep.append("Content-Type: multipart/mixed; boundary=b").append(i).append("\r\n\r\n--b").append(i).append("\r\n");
        }
        deep.append("Content-Type: text/plain\r\n\r\nfond\r\n");
        ParsedMessage deepMessage = parse(deep.toString().getBytes(StandardCharsets.US_ASCII));
        assertThat(deepMessage.truncated()).isTrue();
        int depth = 0;
        MimePart part = deepMessage.body();
        while (!part.parts().isEmpty()) {
            part = part.parts().get(0);
            depth++;
        }
        assertThat(depth).isEqualTo(PartDescriptor.Limits.MAX_DEPTH);
        assertThat(part.mediaType()).isEqualTo("application/octet-stream");

        StringBuilder nestedMessages = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            nestedMessages.append("Content-Type: message/rfc822\r\n\r\n");
        }
        nestedMessages.append("\r\nfond\r\n");
        ParsedMessage nested = parse(nestedMessages.toString().getBytes(StandardCharsets.US_ASCII));
        assertThat(nested.truncated()).isTrue();
        assertThat(nested.body().flatten().size()).isLessThanOrEqualTo(PartDescriptor.Limits.MAX_DEPTH + 1);
    }

    @Test
    void neverThrowsOnGarbage() throws IOException {
        java.util.Random random = new java.util.Random(42);
        for (int i = 0; i < 200; i++) {
            byte[] garbage = new byte[random.nextInt(4000)];
            random.nextBytes(garbage);
            if (i % 2 == 0) {
                byte[] prefix = crlf("Content-Type: multipart/mixed; boundary=\"\u0000\"\nContent-Transfer-Encoding: base64\n\n");
                byte[] joined = new byte[prefix.length + garbage.length];
                System.arraycopy(prefix, 0, joined, 0, prefix.length);
                System.arraycopy(garbage, 0, joined, prefix.length, garbage.length);
                garbage = joined;
            }
            ParsedMessage m = parse(garbage);
            assertThat(m.size()).isEqualTo(garbage.length);
            BodyStructureJson.read(BodyStructureJson.write(m));
        }
    }

    @Test
    void onlyStreamErrorsComeOut() {
        InputStream failing = new InputStream() {
            private int n;

            @Override
            public int read() throws IOException {
                if (n++ > 100) {
                    throw new IOException("disk gone");
                }
                return 'a';
            }
        };
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new MimeParser().parse(failing))
                .isInstanceOf(IOException.class);
    }

    @Test
    void listsFilesInsideTnef() throws IOException {
        byte[] tnef = CorpusMessages.file("mimekit/UnitTests/TestData/tnef/two-files.tnef");
        String message = "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nvoir\r\n"
                + "--b\r\nContent-Type: application/ms-tnef; name=winmail.dat\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + Base64.getMimeEncoder().encodeToString(tnef) + "\r\n--b--\r\n";
        byte[] bytes = message.getBytes(StandardCharsets.US_ASCII);
        ParsedMessage m = parse(bytes);
        assertThat(m.attachments()).extracting(Attachment::filename, Attachment::tnefIndex).containsExactly(
                org.assertj.core.groups.Tuple.tuple("winmail.dat", null),
                org.assertj.core.groups.Tuple.tuple("AUTHORS", 0),
                org.assertj.core.groups.Tuple.tuple("README", 1));
        try (InputStream in = new PartExtractor().tnefFile(new java.io.ByteArrayInputStream(bytes), "2", 1).orElseThrow()) {
            String readme = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            assertThat(readme).hasSize(893);
        }
        assertThat(new PartExtractor().tnefFile(new java.io.ByteArrayInputStream(bytes), "2", 7)).isEmpty();
        assertThat(List.of(m.attachments().get(0).size())).containsExactly((long) tnef.length);
    }
}
