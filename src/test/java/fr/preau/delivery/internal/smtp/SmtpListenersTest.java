package fr.preau.delivery.internal.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import fr.preau.platform.PreauProperties;
import fr.preau.platform.TlsMaterial;
import fr.preau.platform.TlsProperties;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/** The listener factory: settings from application.yml, the three listeners, switching them off. */
class SmtpListenersTest extends SmtpServerTestBase {

    @Test
    void bindsTheSettingsOfApplicationYml() throws Exception {
        StandardEnvironment environment = environment(Map.of());
        SmtpProperties smtp = Binder.get(environment).bind("preau.smtp", SmtpProperties.class).get();
        assertThat(smtp.enabled()).isTrue();
        assertThat(smtp.hostname()).isEmpty();
        assertThat(List.of(smtp.mxPort(), smtp.submissionPort(), smtp.submissionsPort())).containsExactly(2525, 5587, 5465);
        assertThat(smtp.maxMessageSize().toMegabytes()).isEqualTo(50);
        assertThat(smtp.commandTimeout()).isEqualTo(Duration.ofMinutes(5));
        assertThat(smtp.dataTimeout()).isEqualTo(Duration.ofMinutes(10));
        assertThat(smtp).isEqualTo(SmtpProperties.defaults());
        TlsProperties tls = Binder.get(environment).bind("preau.tls", TlsProperties.class).get();
        assertThat(tls.certificateFile()).isEmpty();
        assertThat(tls.hostname()).isEmpty();
    }

    @Test
    void environmentVariablesOverrideThem() throws Exception {
        StandardEnvironment environment = environment(Map.of("PREAU_SMTP_PORT", "25", "PREAU_SUBMISSION_PORT", "587",
                "PREAU_SUBMISSIONS_PORT", "-1", "PREAU_SMTP_HOSTNAME", "mx.ac-dijon.fr",
                "PREAU_SMTP_MAX_MESSAGE_SIZE", "20MB", "PREAU_TLS_CERT_FILE", "/etc/preau/chain.pem"));
        SmtpProperties smtp = Binder.get(environment).bind("preau.smtp", SmtpProperties.class).get();
        assertThat(List.of(smtp.mxPort(), smtp.submissionPort(), smtp.submissionsPort())).containsExactly(25, 587, -1);
        assertThat(smtp.hostname()).isEqualTo("mx.ac-dijon.fr");
        assertThat(smtp.maxMessageSize().toMegabytes()).isEqualTo(20);
        TlsProperties tls = Binder.get(environment).bind("preau.tls", TlsProperties.class).get();
        assertThat(tls.certificateFile()).isEqualTo("/etc/preau/chain.pem");
        assertThat(tls.hostname()).as("the SMTP host name by default").isEqualTo("mx.ac-dijon.fr");
    }

    @Test
    void buildsTheThreeListeners() {
        SmtpListeners listeners = listeners(properties(true, 2525, 5587, 5465));
        SmtpListenerConfig mx = listeners.mxConfig(ReverseDns.none());
        assertThat(mx.kind()).isEqualTo(ListenerKind.MX);
        assertThat(mx.tlsMode()).isEqualTo(TlsMode.STARTTLS);
        assertThat(mx.authEnabled()).isFalse();
        assertThat(mx.port()).isEqualTo(2525);
        assertThat(mx.hostname()).isEqualTo(HOSTNAME);
        assertThat(mx.spoolDirectory()).isEqualTo(spool);
        SmtpListenerConfig submission = listeners.submissionConfig(ReverseDns.none());
        assertThat(submission.tlsMode()).isEqualTo(TlsMode.STARTTLS_REQUIRED);
        assertThat(submission.authRequired()).isTrue();
        SmtpListenerConfig submissions = listeners.submissionsConfig(ReverseDns.none());
        assertThat(submissions.tlsMode()).isEqualTo(TlsMode.IMPLICIT);
        assertThat(submissions.authRequired()).isTrue();
        assertThat(submissions.port()).isEqualTo(5465);
    }

    @Test
    void listenersCanBeSwitchedOff() {
        assertThat(listeners(properties(false, 0, 0, 0)).enabled(handler, handler, ReverseDns.none())).isEmpty();
        assertThat(listeners(properties(true, 0, -1, 0)).enabled(handler, handler, ReverseDns.none()))
                .extracting(server -> server.config().name()).containsExactly("mx", "submissions");
    }

    @Test
    void theThreeListenersAnswer() throws Exception {
        RecordingHandler submission = new RecordingHandler();
        List<SmtpServer> servers = listeners(properties(true, 0, 0, 0))
                .enabled(handler, submission, address -> java.util.Optional.of("client.test"));
        try {
            for (SmtpServer server : servers) {
                server.start();
            }
            try (ScriptedClient mx = greeted(servers.get(0))) {
                assertThat(mx.ehlo("client.example.org")).contains("STARTTLS");
                mx.expect("MAIL FROM:<a@example.org>", 250);
                mx.expect("RCPT TO:<b@ac-test.fr>", 250);
                mx.expect("DATA", 354);
                mx.sendRaw("Subject: x\r\n\r\nx\r\n.\r\n");
                mx.expect(250);
            }
            try (ScriptedClient client = greeted(servers.get(1))) {
                client.ehlo("laptop");
                client.expect("MAIL FROM:<a@ac-test.fr>", 530);
            }
            try (ScriptedClient client = ScriptedClient.connectTls(servers.get(2).port(), clientContext())) {
                client.expect(220);
                assertThat(client.ehlo("laptop")).contains("AUTH PLAIN LOGIN");
            }
        } finally {
            servers.forEach(SmtpServer::stop);
        }
        assertThat(handler.onlyDelivery().text()).startsWith("Received: from client.example.org (client.test [127.0.0.1])");
        assertThat(submission.deliveries).isEmpty();
    }

    @Test
    void isASpringComponentConfiguredByPreauSmtp() {
        new ApplicationContextRunner()
                .withUserConfiguration(SmtpConfiguration.class, SmtpListeners.class)
                .withBean(TlsMaterial.class, SmtpServerTestBase::tls)
                .withBean(PreauProperties.class, () -> new PreauProperties(spool, null, null, null, null, null, null))
                .withBean(Clock.class, Clock::systemUTC)
                .withPropertyValues("preau.smtp.mx-port=2626", "preau.smtp.hostname=MX.ac-test.fr",
                        "preau.smtp.max-recipients=7")
                .run(context -> {
                    SmtpListenerConfig mx = context.getBean(SmtpListeners.class).mxConfig(ReverseDns.none());
                    assertThat(mx.port()).isEqualTo(2626);
                    assertThat(mx.hostname()).isEqualTo("mx.ac-test.fr");
                    assertThat(mx.maxRecipients()).isEqualTo(7);
                    assertThat(mx.maxMessageSize()).isEqualTo(50L * 1024 * 1024);
                    assertThat(mx.spoolDirectory()).isEqualTo(spool.resolve("spool"));
                });
    }

    private SmtpListeners listeners(SmtpProperties properties) {
        return new SmtpListeners(properties, tls(), spool, Clock.systemUTC());
    }

    private static SmtpProperties properties(boolean enabled, int mx, int submission, int submissions) {
        SmtpProperties defaults = SmtpProperties.defaults();
        return new SmtpProperties(enabled, HOSTNAME, "127.0.0.1", mx, submission, submissions,
                defaults.maxMessageSize(), defaults.maxRecipients(), defaults.commandTimeout(), defaults.dataTimeout(),
                defaults.maxConnections(), defaults.maxConnectionsPerIp(), defaults.maxErrors(),
                defaults.maxReceivedHeaders(), false, Duration.ofSeconds(1));
    }

    /** application.yml as Spring Boot reads it, with {@code variables} as the process environment. */
    private static StandardEnvironment environment(Map<String, Object> variables) throws Exception {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().addFirst(new MapPropertySource("variables", variables));
        new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"))
                .forEach(environment.getPropertySources()::addLast);
        return environment;
    }
}
