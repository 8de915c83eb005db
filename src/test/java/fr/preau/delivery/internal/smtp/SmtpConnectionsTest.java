package fr.preau.delivery.internal.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The listener's limits on connections and its graceful stop. */
class SmtpConnectionsTest extends SmtpServerTestBase {

    @Test
    void refusesConnectionsBeyondTheLimit() throws Exception {
        SmtpServer server = start(mx().maxConnections(2));
        try (ScriptedClient first = greeted(server); ScriptedClient second = greeted(server)) {
            assertThat(server.activeSessions()).isEqualTo(2);
            try (ScriptedClient third = ScriptedClient.connect(server.port())) {
                ScriptedClient.Reply refused = third.expect(421);
                assertThat(refused.raw().getFirst()).startsWith("421 4.7.0 " + HOSTNAME + " Too many connections");
                assertThat(third.closedByServer()).isTrue();
            }
            first.expect("NOOP", 250);
            second.expect("NOOP", 250);
        }
    }

    @Test
    void refusesConnectionsBeyondThePerAddressLimit() throws Exception {
        SmtpServer server = start(mx().maxConnectionsPerIp(1));
        try (ScriptedClient first = greeted(server)) {
            try (ScriptedClient second = ScriptedClient.connect(server.port())) {
                assertThat(second.expect(421).text()).contains("from your address");
            }
            first.expect("QUIT", 221);
            assertThat(first.closedByServer()).isTrue();
        }
    }

    @Test
    void stopEndsIdleSessionsAndThenTheOthers() throws Exception {
        SmtpServer server = start(mx().shutdownGrace(Duration.ofMillis(500)));
        try (ScriptedClient idle = greeted(server); ScriptedClient busy = greeted(server)) {
            idle.ehlo("client.example.org");
            busy.ehlo("client.example.org");
            busy.expect("MAIL FROM:<a@example.org>", 250);
            server.stop();
            assertThat(idle.expect(421).raw().getFirst()).startsWith("421 4.3.2 " + HOSTNAME);
            assertThat(busy.expect(421).enhanced()).isEqualTo("4.3.2");
            assertThat(idle.closedByServer()).isTrue();
            assertThat(busy.closedByServer()).isTrue();
        }
        assertThat(server.running()).isFalse();
        assertThat(server.activeSessions()).isZero();
        assertThat(handler.resets).hasValue(1); // the busy session's transaction
        assertThat(handler.closes).hasValue(2);
    }

    @Test
    void aTransactionFinishingDuringTheGraceIsAcceptedThenTheSessionEnds() throws Exception {
        SmtpServer server = start(mx().shutdownGrace(Duration.ofSeconds(30)));
        try (ScriptedClient client = greeted(server)) {
            client.ehlo("client.example.org");
            client.expect("MAIL FROM:<a@example.org>", 250);
            client.expect("RCPT TO:<b@ac-test.fr>", 250);
            Thread stopper = Thread.ofVirtual().start(server::stop);
            while (server.running()) {
                Thread.onSpinWait();
            }
            client.expect("DATA", 354);
            client.sendRaw("Subject: last one\r\n\r\nx\r\n.\r\n");
            client.expect(250);
            assertThat(client.expect(421).enhanced()).isEqualTo("4.3.2");
            stopper.join();
        }
        assertThat(handler.onlyDelivery().text()).contains("last one");
    }

    @Test
    void startsOnAnyFreePortAndRestartsNot() throws Exception {
        SmtpServer server = start(mx());
        assertThat(server.port()).isPositive();
        assertThat(server.running()).isTrue();
        server.stop();
        server.stop(); // idempotent
        assertThat(server.running()).isFalse();
    }
}
