package fr.preau.mail.internal.mime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CharsetsTest {

    @ParameterizedTest(name = "{1} {0}")
    @CsvSource(delimiter = '|', value = {
        "c3a9c3a87465|UTF-8|éète",
        "e9e87465|ISO-8859-1|éète",
        "80|ISO-8859-1|€",
        "93|US-ASCII|“",
        "a4|ISO-8859-15|€",
        "809c|windows-1252|€œ",
        "b1ea|ISO-8859-2|ąę",
        "f0d2c9d7c5d4|KOI8-R|Привет",
        "c4e3bac3|GB2312|你好",
        "8140|GBK|丂",
        "93fa967b8cea|Shift_JIS|日本語",
        "1b2442467c4b5c386c1b2842|ISO-2022-JP|日本語",
        "c3a9|x-unknown-charset|é",
        "e9|x-unknown-charset|é",
        "c3a9|utf8|é",
        "e9|\"iso-8859-1\"|é",
        "e9|latin1|é",
        "c3a9||é",
        "e9||é",
        "e9|utf-8;format=flowed|\ufffd",
    })
    void decodes(String hex, String label, String expected) {
        byte[] bytes = HexFormat.of().parseHex(hex);
        assertThat(Charsets.decode(bytes, label == null ? null : label)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "iso-8859-1, windows-1252", "US-ASCII, windows-1252", "gb2312, GB18030", "Shift_JIS, windows-31j",
        "euc-kr, x-windows-949", "ks_c_5601-1987, x-windows-949", "UTF-8, UTF-8", "iso-8859-15, ISO-8859-15",
    })
    void widensLabelsAsBrowsersDo(String label, String charset) {
        assertThat(Charsets.forLabel(label)).isEqualTo(Charset.forName(charset));
    }

    @ParameterizedTest
    @CsvSource({"x-unknown", "iso-4444-5", "\"\"", "'bad name!'", "3diso-8859-1"})
    void unknownLabelsGiveNull(String label) {
        assertThat(Charsets.forLabel(label)).isNull();
    }
}
