package fr.preau.delivery.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AuthenticationResultsTest {

    private static final SpfResult SPF_PASS =
            new SpfResult(SpfResult.Result.PASS, SpfResult.Identity.MAILFROM, "example.org", "");
    private static final DkimResult DKIM_PASS = new DkimResult(DkimResult.Result.PASS, "example.org", "sel", "");
    private static final DmarcResult DMARC_PASS = new DmarcResult(DmarcResult.Result.PASS, "example.org",
            DmarcResult.Policy.REJECT, DmarcResult.Policy.NONE, true, true, "");

    @Test
    void formatsEveryMethodOnItsOwnFoldedLine() {
        assertThat(AuthenticationResults.header("mx.ac-dijon.fr", SPF_PASS, List.of(DKIM_PASS), DMARC_PASS)).isEqualTo(
                "Authentication-Results: mx.ac-dijon.fr;\r\n"
                        + "\tspf=pass smtp.mailfrom=example.org;\r\n"
                        + "\tdkim=pass header.d=example.org header.s=sel;\r\n"
                        + "\tdmarc=pass (p=reject dis=none) header.from=example.org\r\n");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            helo identity           | HELO     | NONE      | mx.example.net    | spf=none smtp.helo=mx.example.net
            fail                    | MAILFROM | FAIL      | example.org       | spf=fail smtp.mailfrom=example.org
            softfail                | MAILFROM | SOFTFAIL  | example.org       | spf=softfail smtp.mailfrom=example.org
            temperror               | MAILFROM | TEMPERROR | example.org       | spf=temperror smtp.mailfrom=example.org
            odd helo is quoted      | HELO     | NONE      | a b;c             | spf=none smtp.helo="a b;c"
            """)
    void spfLines(String title, SpfResult.Identity identity, SpfResult.Result result, String domain, String line) {
        String value = AuthenticationResults.value("mx.ac-dijon.fr", new SpfResult(result, identity, domain, ""), null, null);
        assertThat(value).isEqualTo("mx.ac-dijon.fr;\r\n\t" + line);
    }

    @Test
    void dkimLinesGiveTheReasonOfAFailureAndNoneWhenUnsigned() {
        DkimResult fail = new DkimResult(DkimResult.Result.FAIL, "example.org", "s1",
                "Computed bodyhash is different from the \"expected\" one\r\n");
        DkimResult broken = new DkimResult(DkimResult.Result.PERMERROR, "", "", "Invalid signature record");
        assertThat(AuthenticationResults.value("mx", null, List.of(fail, broken, DKIM_PASS), null)).isEqualTo("mx;\r\n"
                + "\tdkim=fail reason=\"Computed bodyhash is different from the \\\"expected\\\" one\" header.d=example.org header.s=s1;\r\n"
                + "\tdkim=permerror reason=\"Invalid signature record\";\r\n"
                + "\tdkim=pass header.d=example.org header.s=sel");
        assertThat(AuthenticationResults.value("mx", null, List.of(), null)).isEqualTo("mx;\r\n\tdkim=none");
    }

    @Test
    void dmarcLines() {
        DmarcResult fail = new DmarcResult(DmarcResult.Result.FAIL, "example.org", DmarcResult.Policy.REJECT,
                DmarcResult.Policy.QUARANTINE, false, false, "");
        assertThat(AuthenticationResults.value("mx", null, null, fail))
                .isEqualTo("mx;\r\n\tdmarc=fail (p=reject dis=quarantine) header.from=example.org");
        assertThat(AuthenticationResults.value("mx", null, null, DmarcResult.without(DmarcResult.Result.NONE, "example.org", "")))
                .isEqualTo("mx;\r\n\tdmarc=none header.from=example.org");
        assertThat(AuthenticationResults.value("mx", null, null, null)).isEqualTo("mx; none");
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            mx.ac-dijon.fr; spf=pass smtp.mailfrom=x                     | true
            MX.AC-DIJON.FR; spf=pass                                     | true
            '  (comment (nested)) mx.ac-dijon.fr 1; dkim=pass'           | true
            mx.ac-dijon.fr;none                                          | true
            '"mx.ac-dijon.fr"; spf=pass'                                 | true
            mx.google.com; spf=pass smtp.mailfrom=x                      | false
            mx.ac-dijon.fr.evil.example; spf=pass                        | false
            mail.mx.ac-dijon.fr; spf=pass                                | false
            '; spf=pass'                                                 | false
            """)
    void recognisesFieldsClaimingOurId(String value, boolean claims) {
        assertThat(AuthenticationResults.claims(value, "mx.ac-dijon.fr")).isEqualTo(claims);
    }

    @Test
    void renamesForgedFieldsAndNothingElse() throws Exception {
        String message = "Received: from evil.example\r\n"
                + "Authentication-Results: mx.ac-dijon.fr;\r\n\tspf=pass smtp.mailfrom=ac-dijon.fr;\r\n\tdkim=pass header.d=ac-dijon.fr\r\n"
                + "authentication-results:\r\n mx.ac-dijon.fr; dmarc=pass\r\n"
                + "Authentication-Results: mx.google.com; spf=pass smtp.mailfrom=example.org\r\n"
                + "Subject: caf\u00e9\r\n"
                + "\r\n"
                + "Authentication-Results: mx.ac-dijon.fr; in the body stays\r\n";
        String out = new String(AuthenticationResults.renameForged(
                new ByteArrayInputStream(message.getBytes(StandardCharsets.ISO_8859_1)), "mx.ac-dijon.fr").readAllBytes(),
                StandardCharsets.ISO_8859_1);
        assertThat(out).isEqualTo("Received: from evil.example\r\n"
                + "X-Original-Authentication-Results: mx.ac-dijon.fr;\r\n\tspf=pass smtp.mailfrom=ac-dijon.fr;\r\n\tdkim=pass header.d=ac-dijon.fr\r\n"
                + "X-Original-Authentication-Results:\r\n mx.ac-dijon.fr; dmarc=pass\r\n"
                + "Authentication-Results: mx.google.com; spf=pass smtp.mailfrom=example.org\r\n"
                + "Subject: caf\u00e9\r\n"
                + "\r\n"
                + "Authentication-Results: mx.ac-dijon.fr; in the body stays\r\n");
    }

    @Test
    void renamingKeepsBareLineFeedsAndHeaderOnlyMessages() throws Exception {
        String lf = "Authentication-Results: mx; spf=pass\nSubject: x\n\nbody\n";
        assertThat(new String(AuthenticationResults.renameForged(new ByteArrayInputStream(lf.getBytes()), "mx").readAllBytes()))
                .isEqualTo("X-Original-Authentication-Results: mx; spf=pass\nSubject: x\n\nbody\n");
        String headerOnly = "Authentication-Results: mx; spf=pass";
        assertThat(new String(AuthenticationResults.renameForged(new ByteArrayInputStream(headerOnly.getBytes()), "mx").readAllBytes()))
                .isEqualTo("X-Original-Authentication-Results: mx; spf=pass");
        assertThat(AuthenticationResults.renameForged(new ByteArrayInputStream(new byte[0]), "mx").readAllBytes()).isEmpty();
    }
}
