package fr.preau.mail.internal.mime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EncodedWordsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        // RFC 2047 section 8
        "(=?ISO-8859-1?Q?a?=)|(a)",
        "(=?ISO-8859-1?Q?a?= b)|(a b)",
        "(=?ISO-8859-1?Q?a?= =?ISO-8859-1?Q?b?=)|(ab)",
        "(=?ISO-8859-1?Q?a?=  =?ISO-8859-1?Q?b?=)|(ab)",
        "(=?ISO-8859-1?Q?a_b?=)|(a b)",
        "(=?ISO-8859-1?Q?a?= =?ISO-8859-2?Q?_b?=)|(a b)",
        // French subjects as mailers write them
        "=?UTF-8?Q?R=C3=A9union_de_rentr=C3=A9e?=|Réunion de rentrée",
        "=?utf-8?B?UsOpdW5pb24gZGUgcmVudHLDqWU=?=|Réunion de rentrée",
        "=?iso-8859-1?q?El=E8ves_absents?=|Elèves absents",
        "=?ISO-8859-15?Q?Co=FBt_=A4?=|Coût €",
        "=?windows-1252?Q?=93Guillemets=94_et_=80?=|“Guillemets” et €",
        "=?iso-8859-1?Q?=80?=|€",
        "=?us-ascii?Q?=93x=94?=|“x”",
        "=?ISO-8859-2?Q?Dzie=F1_dobry?=|Dzień dobry",
        "=?KOI8-R?B?8NLJ18XU?=|Привет",
        "=?GB2312?B?xOO6ww==?=|你好",
        "=?Shift_JIS?B?k/qWe4zq?=|日本語",
        "=?ISO-2022-JP?B?GyRCRnxLXDhsGyhC?=|日本語",
        // a UTF-8 character split across two words
        "=?UTF-8?Q?caf=C3?= =?UTF-8?Q?=A9?=|café",
        // ISO-2022-JP escape sequences split across words
        "=?ISO-2022-JP?B?GyRCRnxLXBsoQg==?= =?ISO-2022-JP?B?GyRCOGwbKEI=?=|日本語",
        "=?ISO-2022-JP?B?GyRCRnxLXA==?= =?ISO-2022-JP?B?OGwbKEI=?=|日本語",
        // lenient: glued to text, spaces inside, lower-case encodings, language tag
        "Re:=?utf-8?q?caf=C3=A9?=|Re:café",
        "=?iso-8859-1?q?this is some text?=|this is some text",
        "=?UTF-8*fr?Q?=C3=A9t=C3=A9?=|été",
        // broken ones stay as they are or give what can be read
        "=?UTF-8?X?abc?=|=?UTF-8?X?abc?=",
        "=?UTF-8?Q?unclosed|=?UTF-8?Q?unclosed",
        "=?unknown-charset?Q?caf=C3=A9?=|café",
        "=?unknown-charset?Q?caf=E9?=|café",
        "=?UTF-8?B?Y2Fmw6k?=|café",
        "plain text|plain text",
    })
    void decodes(String encoded, String decoded) {
        assertThat(EncodedWords.decode(encoded)).isEqualTo(decoded);
    }
}
