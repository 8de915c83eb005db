package fr.preau.delivery.internal.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SmtpReplyTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "550 | 550 5.1.1 User unknown                    | 5.1.1 | User unknown",
            "451 | 451 4.7.1 Greylisted                      | 4.7.1 | Greylisted",
            "550 | 550 Mailbox unavailable                   |       | Mailbox unavailable",
            "550 | 550 4.1.1 wrong class                     |       | 4.1.1 wrong class",
            "250 | 250 2.0.0 Ok: queued as 4Xyz            | 2.0.0 | Ok: queued as 4Xyz",
            "556 | 556 5.1.10 null MX                       | 5.1.10 | null MX",
    })
    void readsTheCodeTheEnhancedCodeAndTheText(int code, String response, String enhanced, String text) {
        SmtpReply reply = SmtpReply.parse(code, response);
        assertThat(reply.code()).isEqualTo(code);
        assertThat(reply.enhancedCode()).isEqualTo(enhanced);
        assertThat(reply.text()).isEqualTo(text);
    }

    @Test
    void joinsTheLinesOfAMultilineReply() {
        SmtpReply reply = SmtpReply.parse(550, "550-5.7.1 [192.0.2.1] Our system has detected\n550-5.7.1 that this message is\n550 5.7.1 likely unsolicited mail.\n");
        assertThat(reply).hasToString("550 5.7.1 [192.0.2.1] Our system has detected that this message is likely unsolicited mail.");
    }

    @Test
    void keepsWhatARemoteServerSaysOnOnePrintableAsciiLine() {
        SmtpReply reply = SmtpReply.local(550, "5.0.0", "bad\r\nInjected: header\u0000 é " + "x".repeat(2000));
        assertThat(reply.text()).doesNotContain("\r", "\n", "\u0000", "é").startsWith("bad Injected: header ? x");
        assertThat(reply.text()).hasSizeLessThanOrEqualTo(900);
    }

    @Test
    void statusFallsBackToTheClassOfTheCode() {
        assertThat(SmtpReply.parse(550, "550 no").status()).isEqualTo("5.0.0");
        assertThat(SmtpReply.parse(421, "421 closing").status()).isEqualTo("4.0.0");
        assertThat(SmtpReply.parse(250, "250 ok").status()).isEqualTo("2.0.0");
    }
}
