package fr.preau.delivery.internal.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** MAIL FROM / RCPT TO arguments and RFC 5321 mailbox syntax, table-driven. */
class MailArgumentsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            FROM:<agent@ac-dijon.fr>                         | agent@ac-dijon.fr
            from:<Agent.Name+tag@ac-dijon.fr>                | Agent.Name+tag@ac-dijon.fr
            FROM: <agent@ac-dijon.fr>                        | agent@ac-dijon.fr
            FROM:agent@ac-dijon.fr                           | agent@ac-dijon.fr
            FROM:<>                                          | ''
            FROM:<"john smith"@example.org>                  | "john smith"@example.org
            FROM:<"a>b\\"c@d"@example.org>                   | "a>b\\"c@d"@example.org
            FROM:<agent@[192.0.2.1]>                         | agent@[192.0.2.1]
            FROM:<agent@[IPv6:2001:db8::1]>                  | agent@[IPv6:2001:db8::1]
            FROM:<agent@[IPv6:::ffff:192.0.2.1]>             | agent@[IPv6:::ffff:192.0.2.1]
            FROM:<agent@[IPv6:1:2:3:4:5:6:7:8]>              | agent@[IPv6:1:2:3:4:5:6:7:8]
            FROM:<@a.example,@b.example:agent@ac-dijon.fr>   | agent@ac-dijon.fr
            FROM:<agent@localhost>                           | agent@localhost
            FROM:<agent@xn--rectorat-2ya.fr>                 | agent@xn--rectorat-2ya.fr
            """)
    void validPaths(String argument, String address) throws Exception {
        assertThat(MailArguments.parse(argument, "FROM:", false).address()).isEqualTo(address);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "FROM:<agent>", "FROM:<@ac-dijon.fr>", "FROM:<agent@>", "FROM:<agent@@ac-dijon.fr>",
            "FROM:<.agent@ac-dijon.fr>", "FROM:<agent.@ac-dijon.fr>", "FROM:<a..b@ac-dijon.fr>",
            "FROM:<agent@ac-dijon..fr>", "FROM:<agent@ac-dijon.fr.>", "FROM:<agent@-ac-dijon.fr>",
            "FROM:<agent@ac_dijon.fr>", "FROM:<john smith@example.org>", "FROM:<\"unterminated@example.org>",
            "FROM:<agent@[192.0.2.256]>", "FROM:<agent@[192.0.2]>", "FROM:<agent@[IPv6:1:2:3:4:5:6:7:8:9]>",
            "FROM:<agent@[IPv6:1::2::3]>", "FROM:<agent@[IPv6:g::1]>", "FROM:<agent@[unknown]>",
            "FROM:<agent@ac-dijon.fr", "FROM:<@relay agent@ac-dijon.fr>",
            "FROM:<a2345678901234567890123456789012345678901234567890123456789012345@example.org>"})
    void invalidAddresses(String argument) {
        assertThatThrownBy(() -> MailArguments.parse(argument, "FROM:", false))
                .isInstanceOfSatisfying(MailArguments.Invalid.class,
                        e -> assertThat(e.problem()).isEqualTo(MailArguments.Problem.ADDRESS));
    }

    @Test
    void everyAtextCharacterAndTheLongestLocalPart() throws Exception {
        String atext = "!#$%&'*+-/=?^_`{|}~";
        assertThat(MailArguments.parse("FROM:<" + atext + "@example.org>", "FROM:", false).address())
                .isEqualTo(atext + "@example.org");
        String longest = "a".repeat(64) + "@example.org";
        assertThat(MailArguments.parse("FROM:<" + longest + ">", "FROM:", false).address()).isEqualTo(longest);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"<agent@ac-dijon.fr>", "FROM", "TO:<agent@ac-dijon.fr>", "FROM:", "FROM:<a@b.fr>x"})
    void invalidSyntax(String argument) {
        assertThatThrownBy(() -> MailArguments.parse(argument, "FROM:", false))
                .isInstanceOfSatisfying(MailArguments.Invalid.class,
                        e -> assertThat(e.problem()).isEqualTo(MailArguments.Problem.SYNTAX));
    }

    @Test
    void nonAsciiAddressesWithoutSmtputf8() {
        assertThatThrownBy(() -> MailArguments.parse("TO:<élève@ac-dijon.fr>", "TO:", true))
                .isInstanceOfSatisfying(MailArguments.Invalid.class,
                        e -> assertThat(e.problem()).isEqualTo(MailArguments.Problem.NON_ASCII));
    }

    @Test
    void postmasterWithoutDomainOnlyForRecipients() throws Exception {
        assertThat(MailArguments.parse("TO:<Postmaster>", "TO:", true).address()).isEqualTo("Postmaster");
        assertThatThrownBy(() -> MailArguments.parse("FROM:<Postmaster>", "FROM:", false))
                .isInstanceOf(MailArguments.Invalid.class);
    }

    @Test
    void parameters() throws Exception {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("SIZE", "1000");
        expected.put("BODY", "8BITMIME");
        expected.put("SMTPUTF8", null);
        assertThat(MailArguments.parse("FROM:<a@b.fr> size=1000  BODY=8BITMIME SMTPUTF8 ", "FROM:", false).parameters())
                .isEqualTo(expected);
        for (String bad : new String[] {"FROM:<a@b.fr> SIZE=1 SIZE=2", "FROM:<a@b.fr> =x", "FROM:<a@b.fr> SIZE=",
                "FROM:<a@b.fr> K=a=b", "FROM:<a@b.fr> -K=1"}) {
            assertThatThrownBy(() -> MailArguments.parse(bad, "FROM:", false))
                    .as(bad)
                    .isInstanceOfSatisfying(MailArguments.Invalid.class,
                            e -> assertThat(e.problem()).isEqualTo(MailArguments.Problem.PARAMETER));
        }
    }
}
