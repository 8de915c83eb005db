package fr.preau.delivery.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;

import fr.preau.delivery.internal.dns.Dns;
import fr.preau.delivery.internal.dns.StaticDns;
import fr.preau.platform.PlatformFactory;
import fr.preau.platform.SecretKeys;
import fr.preau.tenancy.SampleTenancy;
import fr.preau.tenancy.Tenancy;
import fr.preau.tenancy.TenancyFactory;
import fr.preau.testsupport.MutableClock;
import fr.preau.testsupport.TestDatabase;
import fr.preau.testsupport.TestProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The beans of mail authentication as Spring makes them from the configuration keys. */
class MailAuthConfigurationTest {

    @Configuration(proxyBeanMethods = false)
    @Import({MailAuthConfiguration.class})
    static class Wiring {}

    private TestDatabase db;
    private ApplicationContextRunner runner;

    @BeforeEach
    void setUp(@TempDir Path dir) throws Exception {
        db = TestDatabase.h2();
        MutableClock clock = MutableClock.start();
        Tenancy tenancy = TenancyFactory.tenancy(db.jdbc(), clock, PlatformFactory.auditLog(db.jdbc(), clock));
        SampleTenancy.create(tenancy);
        Path zone = dir.resolve("zone.txt");
        Files.writeString(zone, "example.org. TXT \"v=spf1 ip4:192.0.2.1 -all\"\n");
        runner = new ApplicationContextRunner()
                .withBean(JdbcClient.class, db::jdbc)
                .withBean(SecretKeys.class, TestProperties::secretKeys)
                .withBean(Clock.class, () -> clock)
                .withBean(Tenancy.class, () -> tenancy)
                .withUserConfiguration(Wiring.class)
                .withUserConfiguration(dnsConfiguration())
                .withPropertyValues("preau.dns.mode=static", "preau.dns.zone-file=" + zone,
                        "preau.mail-auth.authserv-id=mx.ac-dijon.fr");
    }

    /** The DNS configuration is package-private in its own package. */
    private static Class<?> dnsConfiguration() throws ClassNotFoundException {
        return Class.forName("fr.preau.delivery.internal.dns.DnsConfiguration");
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void buildsEveryBeanOnTheConfiguredDns() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(Dns.class)).isInstanceOf(StaticDns.class);
            assertThat(context.getBean(Dns.class).txt("example.org")).containsExactly("v=spf1 ip4:192.0.2.1 -all");
            assertThat(context.getBean(SpfCheck.class).check(java.net.InetAddress.getByName("192.0.2.1"),
                    "a@example.org", "h.example.org").result()).isEqualTo(SpfResult.Result.PASS);
            assertThat(context.getBean(MailAuthProperties.class).authservId()).isEqualTo("mx.ac-dijon.fr");
            assertThat(context.getBean(DkimVerifier.class)).isNotNull();
            assertThat(context.getBean(DmarcCheck.class)).isNotNull();
            assertThat(context.getBean(DkimSigner.class)).isNotNull();
            assertThat(context.getBean(HostedDomains.class).all()).containsExactlyInAnyOrder("ac-dijon.fr", "ac-lyon.fr");
            assertThat(context.getBean(SpamFilter.class)).isInstanceOf(RuleBasedSpamFilter.class);
            assertThat(context.getBean(SpamProperties.class).threshold()).isEqualTo(5.0);
        });
    }

    @Test
    void rspamdWhenItsUrlIsSet() {
        runner.withPropertyValues("preau.spam.rspamd-url=http://127.0.0.1:11333", "preau.spam.threshold=6",
                        "preau.spam.reject-threshold=15", "preau.dkim.selector=rentree")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(SpamFilter.class)).isInstanceOf(RspamdSpamFilter.class);
                    assertThat(context.getBean(SpamProperties.class).rejectThreshold()).isEqualTo(15.0);
                    assertThat(context.getBean(DkimProperties.class).selector()).isEqualTo("rentree");
                });
    }
}
