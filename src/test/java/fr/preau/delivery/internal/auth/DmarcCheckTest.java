package fr.preau.delivery.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;

import fr.preau.delivery.internal.dns.StaticDns;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** DMARC record discovery, alignment and policy, table-driven on a local zone. */
class DmarcCheckTest {

    static final StaticDns DNS = StaticDns.parse("""
            _dmarc.reject.example.      TXT "v=DMARC1; p=reject; rua=mailto:dmarc@reject.example"
            _dmarc.quarantine.example.  TXT "v=DMARC1; p=quarantine; sp=reject"
            _dmarc.none.example.        TXT "v=DMARC1; p=none"
            _dmarc.strict.example.      TXT "v=DMARC1; p=reject; adkim=s; aspf=s"
            _dmarc.sub.example.         TXT "v=DMARC1; p=reject; sp=none"
            _dmarc.own.sub.example.     TXT "v=DMARC1; p=quarantine"
            _dmarc.half.example.        TXT "v=DMARC1; p=reject; pct=50"
            _dmarc.nopolicy.example.    TXT "v=DMARC1; rua=mailto:r@nopolicy.example"
            _dmarc.invalid.example.     TXT "v=DMARC1; p=maybe"
            _dmarc.twice.example.       TXT "v=DMARC1; p=reject"
            _dmarc.twice.example.       TXT "v=DMARC1; p=none"
            _dmarc.other.example.       TXT "v=spf1 -all"
            _dmarc.other.example.       TXT "v=DMARC1;p=QUARANTINE"
            _dmarc.co.uk.               TXT "v=DMARC1; p=reject"
            _dmarc.broken.example.      SERVFAIL
            """);

    private final DmarcCheck dmarc = new DmarcCheck(DNS);

    private static SpfResult spf(String result, String domain) {
        return new SpfResult(SpfResult.Result.valueOf(result), SpfResult.Identity.MAILFROM, domain, "");
    }

    private static List<DkimResult> dkim(String spec) {
        List<DkimResult> results = new ArrayList<>();
        if (!spec.isBlank()) {
            for (String one : spec.split(" ")) {
                String[] parts = one.split("@");
                results.add(new DkimResult(DkimResult.Result.valueOf(parts[0]), parts[1], "s", ""));
            }
        }
        return results;
    }

    @ParameterizedTest(name = "From {0}, SPF {1} {2}, DKIM [{3}] → {4} {5}")
    @CsvSource(textBlock = """
            reject.example,         PASS, reject.example,        '',                         PASS,      NONE,       REJECT
            reject.example,         PASS, bounces.reject.example, '',                        PASS,      NONE,       REJECT
            reject.example,         PASS, other.example,         '',                         FAIL,      REJECT,     REJECT
            reject.example,         FAIL, reject.example,        '',                         FAIL,      REJECT,     REJECT
            reject.example,         NONE, '',                    PASS@reject.example,        PASS,      NONE,       REJECT
            reject.example,         NONE, '',                    PASS@mail.reject.example,   PASS,      NONE,       REJECT
            reject.example,         NONE, '',                    PASS@other.example,         FAIL,      REJECT,     REJECT
            reject.example,         NONE, '',                    FAIL@reject.example,        FAIL,      REJECT,     REJECT
            reject.example,         SOFTFAIL, reject.example,    'FAIL@reject.example PASS@reject.example', PASS, NONE, REJECT
            quarantine.example,     NONE, '',                    '',                         FAIL,      QUARANTINE, QUARANTINE
            news.quarantine.example, NONE, '',                   '',                         FAIL,      REJECT,     REJECT
            none.example,           FAIL, none.example,          '',                         FAIL,      NONE,       NONE
            strict.example,         PASS, strict.example,        '',                         PASS,      NONE,       REJECT
            strict.example,         PASS, mail.strict.example,   '',                         FAIL,      REJECT,     REJECT
            strict.example,         NONE, '',                    PASS@mail.strict.example,   FAIL,      REJECT,     REJECT
            strict.example,         NONE, '',                    PASS@strict.example,        PASS,      NONE,       REJECT
            a.sub.example,          NONE, '',                    '',                         FAIL,      NONE,       NONE
            own.sub.example,        NONE, '',                    '',                         FAIL,      QUARANTINE, QUARANTINE
            nopolicy.example,       NONE, '',                    '',                         FAIL,      NONE,       NONE
            invalid.example,        NONE, '',                    '',                         NONE,      NONE,       NONE
            twice.example,          NONE, '',                    '',                         NONE,      NONE,       NONE
            other.example,          NONE, '',                    '',                         FAIL,      QUARANTINE, QUARANTINE
            nowhere.example,        FAIL, nowhere.example,       '',                         NONE,      NONE,       NONE
            example.co.uk,          NONE, '',                    '',                         NONE,      NONE,       NONE
            broken.example,         PASS, broken.example,        '',                         TEMPERROR, NONE,       NONE
            '',                     PASS, reject.example,        '',                         PERMERROR, NONE,       NONE
            """)
    void alignmentAndPolicy(String from, String spfResult, String spfDomain, String dkimSpec,
                            DmarcResult.Result expected, DmarcResult.Policy disposition, DmarcResult.Policy policy) {
        DmarcResult result = dmarc.check(from, spf(spfResult, spfDomain), dkim(dkimSpec));
        assertThat(result.result()).isEqualTo(expected);
        assertThat(result.disposition()).isEqualTo(disposition);
        if (expected == DmarcResult.Result.PASS || expected == DmarcResult.Result.FAIL) {
            assertThat(result.policy()).isEqualTo(policy);
        }
    }

    @Test
    void saysWhichMechanismAligned() {
        DmarcResult both = dmarc.check("Reject.Example.", spf("PASS", "reject.example"), dkim("PASS@reject.example"));
        assertThat(both.spfAligned()).isTrue();
        assertThat(both.dkimAligned()).isTrue();
        assertThat(both.fromDomain()).isEqualTo("reject.example");
        DmarcResult dkimOnly = dmarc.check("reject.example", null, dkim("PASS@reject.example"));
        assertThat(dkimOnly.spfAligned()).isFalse();
        assertThat(dkimOnly.dkimAligned()).isTrue();
    }

    @Test
    void heloSpfCountsForTheNullSender() {
        SpfResult helo = new SpfResult(SpfResult.Result.PASS, SpfResult.Identity.HELO, "mx.reject.example", "");
        assertThat(dmarc.check("reject.example", helo, List.of()).result()).isEqualTo(DmarcResult.Result.PASS);
    }

    @Test
    void pctSamplesWhichFailuresGetThePolicy() {
        DmarcCheck low = new DmarcCheck(DNS, fixed(10));
        DmarcCheck high = new DmarcCheck(DNS, fixed(80));
        assertThat(low.check("half.example", null, List.of()).disposition()).isEqualTo(DmarcResult.Policy.REJECT);
        DmarcResult spared = high.check("half.example", null, List.of());
        assertThat(spared.policy()).isEqualTo(DmarcResult.Policy.REJECT);
        assertThat(spared.disposition()).as("one step milder").isEqualTo(DmarcResult.Policy.QUARANTINE);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(textBlock = """
            ac-dijon.fr,               ac-dijon.fr
            mail.ac-dijon.fr,          ac-dijon.fr
            A.B.Example.CO.UK.,        example.co.uk
            education.gouv.fr,         education.gouv.fr
            www.education.gouv.fr,     education.gouv.fr
            alice.github.io,           alice.github.io
            co.uk,                     co.uk
            localhost,                 localhost
            mail.reject.example,       reject.example
            a.b.unknown-tld,           b.unknown-tld
            """)
    void organizationalDomains(String domain, String organization) {
        assertThat(OrganizationalDomain.of(domain)).isEqualTo(organization);
    }

    @Test
    void relaxedAlignmentIsTheOrganization() {
        assertThat(OrganizationalDomain.sameOrganization("alice.github.io", "bob.github.io")).isFalse();
        assertThat(OrganizationalDomain.sameOrganization("mail.ac-dijon.fr", "AC-DIJON.FR")).isTrue();
        assertThat(OrganizationalDomain.sameOrganization("", "ac-dijon.fr")).isFalse();
    }

    private static RandomGenerator fixed(int value) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                return value;
            }

            @Override
            public int nextInt(int bound) {
                return value;
            }
        };
    }
}
