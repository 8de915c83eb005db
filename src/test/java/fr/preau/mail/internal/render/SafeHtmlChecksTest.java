package fr.preau.mail.internal.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The corpus checks can fail: each of these unsafe fragments is caught. */
class SafeHtmlChecksTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<a href=\" java\tscript:alert(1)\">x</a>",
        "<iframe src=\"/x\"></iframe>",
        "<form><input></form>",
        "<base href=\"/\">",
        "<meta http-equiv=refresh content=0>",
        "<link rel=stylesheet href=/x>",
        "<style>p{}</style>",
        "<img src=\"https://tracker.example/p.gif\">",
        "<div style=\"background:url(http://tracker.example/p.gif)\">x</div>",
        "<a href=\"vbscript:msgbox(1)\">x</a>",
        "<object data=\"data:text/html,x\"></object>",
    })
    void unsafeFragmentsAreCaught(String html) {
        assertThat(SafeHtmlChecks.violations(html, false)).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<p>bonjour &lt;script&gt;</p>",
        "<a href=\"https://example.org/\" target=\"_blank\" rel=\"noopener noreferrer nofollow\">x</a>",
        "<img src=\"/mail/parts/1.2\" alt=\"logo\">",
        "<img src=\"data:image/png;base64,AAAA\">",
    })
    void safeFragmentsPass(String html) {
        assertThat(SafeHtmlChecks.violations(html, false)).isEmpty();
    }
}
