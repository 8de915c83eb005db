package fr.preau.mail.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.MediaType;

class MessageDownloadsTest {

    @ParameterizedTest
    @ValueSource(strings = {"text/html", "TEXT/HTML; charset=utf-8", "application/xhtml+xml", "image/svg+xml",
        "text/xml", "application/xml", "text/javascript", "application/javascript", "application/ecmascript",
        "text/*", "*/*", "not a type"})
    void documentsThatCouldRunScriptAreOctetStreams(String type) {
        assertThat(MessageDownloads.mediaType(type)).isEqualTo(MediaType.APPLICATION_OCTET_STREAM);
    }

    @ParameterizedTest
    @CsvSource({"application/pdf,application/pdf", "image/png,image/png", "text/plain,text/plain",
        "application/zip,application/zip"})
    void otherTypesAreKept(String type, String sent) {
        assertThat(MessageDownloads.mediaType(type).toString()).isEqualTo(sent);
    }
}
