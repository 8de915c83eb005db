package fr.preau.delivery.internal.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SmtpReplyTest {

    @Test
    void formatsSingleAndMultiLineReplies() {
        assertThat(SmtpReply.of(250, "2.1.0", "Sender ok").wire()).isEqualTo("250 2.1.0 Sender ok\r\n");
        assertThat(SmtpReply.of(550, "5.7.1", List.of("Refused", "See the policy")).wire())
                .isEqualTo("550-5.7.1 Refused\r\n550 5.7.1 See the policy\r\n");
        assertThat(SmtpReply.of(250, null, List.of("mx.example", "PIPELINING")).wire())
                .isEqualTo("250-mx.example\r\n250 PIPELINING\r\n");
        assertThat(SmtpReply.of(334, null, "").wire()).isEqualTo("334 \r\n");
    }

    @Test
    void addsAnEnhancedCodeOfTheRightClassWhenMissing() {
        assertThat(SmtpReply.of(250, null, "Ok").withEnhancedCode().enhancedCode()).isEqualTo("2.0.0");
        assertThat(SmtpReply.of(451, null, "Later").withEnhancedCode().enhancedCode()).isEqualTo("4.0.0");
        assertThat(SmtpReply.of(554, null, "No").withEnhancedCode().enhancedCode()).isEqualTo("5.0.0");
        assertThat(SmtpReply.of(354, null, "Go on").withEnhancedCode().enhancedCode()).isNull();
        assertThat(SmtpReply.of(550, "5.1.1", "Unknown").withEnhancedCode().enhancedCode()).isEqualTo("5.1.1");
    }

    @Test
    void refusesCodesThatDoNotFit() {
        assertThatThrownBy(() -> SmtpReply.of(250, "5.0.0", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SmtpReply.of(354, "2.0.0", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SmtpReply.of(199, null, "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SmtpReply.of(600, null, "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SmtpReply.of(550, "5.1", "x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void handlerTextCannotBreakTheProtocol() {
        assertThat(SmtpReply.of(550, "5.1.1", "No\r\n250 2.0.0 Ok").wire()).isEqualTo("550 5.1.1 No  250 2.0.0 Ok\r\n");
        assertThat(SmtpReply.of(550, "5.1.1", "Adresse refusée").wire()).isEqualTo("550 5.1.1 Adresse refus?e\r\n");
    }

    @Test
    void classes() {
        assertThat(SmtpReply.OK.positive()).isTrue();
        assertThat(SmtpReply.of(452, "4.5.3", "x").transientFailure()).isTrue();
        assertThat(SmtpReply.of(552, "5.3.4", "x").permanentFailure()).isTrue();
    }
}
