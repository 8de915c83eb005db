package fr.preau.mail.internal.mime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContentHeaderTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        // RFC 2231 (extended values, continuations, charsets)
        "attachment; filename*=UTF-8''r%C3%A9sum%C3%A9.pdf|résumé.pdf",
        "attachment; filename*=iso-8859-1'fr'%E9l%E8ves.xls|élèves.xls",
        "attachment; filename*0*=UTF-8''%E2%82; filename*1*=%AC.txt|€.txt",
        "attachment; filename*0=\"long \"; filename*1=\"name.txt\"|long name.txt",
        "attachment; filename*1=\"b.txt\"; filename*0=\"a\"|ab.txt",
        "attachment; filename*0*=us-ascii'en'This%20is%20; filename*1=\"even more \"; filename*2*=%2A%2A%2Afun%2A%2A%2A|This is even more ***fun***",
        "attachment; filename*=''%E9t%E9.txt|été.txt",
        "attachment; filename*=\"UTF-8''quoted%20too.txt\"|quoted too.txt",
        // RFC 2231 wins over the plain parameter
        "attachment; filename=\"fallback.txt\"; filename*=UTF-8''pr%C3%A9f%C3%A9r%C3%A9.txt|préféré.txt",
        // RFC 2047 inside quotes (Outlook, Thunderbird)
        "attachment; filename=\"=?UTF-8?B?Y29tcHRlLXJlbmR1LnBkZg==?=\"|compte-rendu.pdf",
        "attachment; filename=\"=?iso-8859-1?Q?r=E9union.doc?=\"|réunion.doc",
        // what broken mailers write
        "attachment; filename=rapport annuel.pdf|rapport annuel.pdf",
        "attachment; filename=\"unclosed.txt|unclosed.txt",
        "attachment; filename=\"a \\\"quoted\\\" name.txt\"|a \"quoted\" name.txt",
        "attachment;filename=\"no-space.txt\"|no-space.txt",
        "attachment; FILENAME=\"upper.txt\"|upper.txt",
        "attachment; filename=\"été.txt\"|été.txt",
    })
    void decodesFilenames(String header, String filename) {
        assertThat(ContentHeader.parse(header).param("filename")).isEqualTo(filename);
    }

    @Test
    void readsTypeAndParametersInOrder() {
        ContentHeader h = ContentHeader.parse("Text/Plain; charset=\"UTF-8\"; format=flowed; DelSp=yes (comment)");
        assertThat(h.value()).isEqualTo("text/plain");
        assertThat(h.mimeTypeOrNull()).isEqualTo("text/plain");
        assertThat(h.params()).containsExactly(java.util.Map.entry("charset", "UTF-8"),
                java.util.Map.entry("format", "flowed"), java.util.Map.entry("delsp", "yes (comment)"));
    }

    @Test
    void keepsTheFirstOfDuplicateParameters() {
        assertThat(ContentHeader.parse("multipart/mixed; boundary=a; boundary=b").param("boundary")).isEqualTo("a");
    }

    @Test
    void invalidTypesHaveNoMimeType() {
        assertThat(ContentHeader.parse("text").mimeTypeOrNull()).isNull();
        assertThat(ContentHeader.parse("text/").mimeTypeOrNull()).isNull();
        assertThat(ContentHeader.parse("; charset=utf-8").mimeTypeOrNull()).isNull();
        assertThat(ContentHeader.parse("; charset=utf-8").param("charset")).isEqualTo("utf-8");
        assertThat(ContentHeader.parse("text/plain (Plain text)").mimeTypeOrNull()).isEqualTo("text/plain");
    }
}
