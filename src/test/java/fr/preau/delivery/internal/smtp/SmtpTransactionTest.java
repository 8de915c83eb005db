package fr.preau.delivery.internal.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Mail transactions over a real socket: envelope, message bytes, limits, the handler's say. */
class SmtpTransactionTest extends SmtpServerTestBase {

    private static final String MESSAGE = """
            From: a@example.org\r
            To: b@ac-test.fr\r
            Subject: test\r
            \r
            Hello.\r
            ..A line that starts with a dot.\r
            .\r
            """;

    @Test
    void deliversWhatTheClientSentWithAReceivedHeaderFirst() throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2026-11-24T09:02:11Z"), ZoneId.of("Europe/Paris"));
        SmtpServer server = start(mx().clock(clock));
        try (ScriptedClient client = greeted(server)) {
            client.ehlo("client.example.org");
            client.expect("MAIL FROM:<a@example.org> SIZE=120 BODY=8BITMIME", 250);
            assertThat(client.expect("RCPT TO:<b@ac-test.fr>", 250).raw()).containsExactly("250 2.1.5 Recipient ok");
            assertThat(client.expect("DATA", 354).raw()).containsExactly("354 End data with <CR><LF>.<CR><LF>");
            client.sendRaw(MESSAGE);
            assertThat(client.expect(250).raw()).containsExactly("250 2.0.0 Queued");
            client.expect("QUIT", 221);
        }
        RecordingHandler.Delivery delivery = handler.onlyDelivery();
        assertThat(delivery.envelope().reversePath()).isEqualTo("a@example.org");
        assertThat(delivery.envelope().recipients()).containsExactly("b@ac-test.fr");
        assertThat(delivery.envelope().mailParameters()).isEqualTo(Map.of("SIZE", "120", "BODY", "8BITMIME"));
        assertThat(delivery.envelope().eightBit()).isTrue();
        assertThat(delivery.envelope().declaredSize()).hasValue(120);
        String id = delivery.envelope().id();
        assertThat(id).matches("[0-9a-f]{16}\\.1");
        assertThat(delivery.text()).isEqualTo(
                "Received: from client.example.org (unknown [127.0.0.1])\r\n"
                        + "\tby " + HOSTNAME + " (Preau) with ESMTP id " + id + "\r\n"
                        + "\tfor <b@ac-test.fr>; Tue, 24 Nov 2026 10:02:11 +0100\r\n"
                        + "From: a@example.org\r\nTo: b@ac-test.fr\r\nSubject: test\r\n\r\n"
                        + "Hello.\r\n.A line that starts with a dot.\r\n");
        assertThat(delivery.size()).isEqualTo(delivery.bytes().length);
        assertThat(delivery.spooledToFile()).isFalse();
        assertThat(spoolFiles()).isEmpty();
    }

    @Test
    void normalisesLineEndingsToCrlf() throws Exception {
        SmtpServer server = start(mx());
        try (ScriptedClient client = greeted(server)) {
            client.ehlo("client.example.org");
            client.expect("MAIL FROM:<a@example.org>", 250);
            client.expect("RCPT TO:<b@ac-test.fr>", 250);
            client.expect("DATA", 354);
            client.sendRaw("Subject: bare\n\nline one\nline two\rline three\r\n\r\n.\r\n");
            client.expect(250);
        }
        assertThat(handler.onlyDelivery().withoutTrace())
                .isEqualTo("Subject: bare\r\n\r\nline one\r\nline two\r\nline three\r\n\r\n");
    }

    @Test
    void pipelinedCommandsAreAnsweredInOrder() throws Exception {
        handler.unknownRecipients.add("nobody@ac-test.fr");
        SmtpServer server = start(mx());
        try (ScriptedClient client = greeted(server)) {
            client.ehlo("client.example.org");
            client.sendRaw("MAIL FROM:<a@example.org>\r\nRCPT TO:<b@ac-test.fr>\r\nRCPT TO:<nobody@ac-test.fr>\r\n"
                    + "RCPT TO:<c@ac-test.fr>\r\nDATA\r\n");
            assertThat(client.read().code()).isEqualTo(250);
            assertThat(client.read().code()).isEqualTo(250);
            assertThat(client.read().raw()).containsExactly("550 5.1.1 No such user");
            assertThat(client.read().code()).isEqualTo(250);
            assertThat(client.read().code()).isEqualTo(354);
            // the message, then the next transaction, in one write
            client.sendRaw("Subject: one\r\n\r\nfirst\r\n.\r\nMAIL FROM:<>\r\nRCPT TO:<b@ac-test.fr>\r\nDATA\r\n");
            assertThat(client.read().code()).isEqualTo(250);
            assertThat(client.read().code()).isEqualTo(250);
            assertThat(client.read().code()).isEqualTo(250);
            assertThat(client.read().code()).isEqualTo(354);
            client.sendRaw("Subject: two\r\n\r\nsecond\r\n.\r\nQUIT\r\n");
            assertThat(client.read().code()).isEqualTo(250);
            assertThat(client.read().code()).isEqualTo(221);
        }
        assertThat(handler.deliveries).hasSize(2);
        assertThat(handler.deliveries.get(0).envelope().recipients()).containsExactly("b@ac-test.fr", "c@ac-test.fr");
        assertThat(handler.deliveries.get(0).text()).doesNotContain("\tfor <"); // several recipients
        assertThat(handler.deliveries.get(1).envelope().nullSender()).isTrue();
        assertThat(handler.deliveries.get(1).withoutTrace()).isEqualTo("Subject: two\r\n\r\nsecond\r\n");
    }

    @Test
    void pipelinedCommandsAfterARefusedSenderFailWithoutClosing() throws Exception {
        SmtpHandler refusing = new RecordingHandler() {
            @Override
            public SmtpReply mailFrom(SmtpSessionInfo session, String reversePath, Map<String, String> parameters) {
                return SmtpReply.of(550, "5.7.1", "Sender refused");
            }
        };
        SmtpServer server = start(mx().maxErrors(3), refusing);
        try (ScriptedClient client = greeted(server)) {
            client.ehlo("client.example.org");
            client.sendRaw("MAIL FROM:<spam@example.org>\r\n" + "RCPT TO:<b@ac-test.fr>\r\n".repeat(5) + "DATA\r\n");
            assertThat(client.read().code()).isEqualTo(550);
            for (int i = 0; i < 6; i++) {
                assertThat(client.read().code()).isEqualTo(503);
            }
            client.expect("NOOP", 250);
        }
    }

    @Test
    void rsetAbandonsTheTransaction() throws Exception {
        SmtpServer server = start(mx());
        try (ScriptedClient client = greeted(server)) {
            client.ehlo("client.example.org");
            client.expect("MAIL FROM:<a@example.org>", 250);
            client.expect("RCPT TO:<b@ac-test.fr>", 250);
            client.expect("RSET", 250);
            client.expect("RCPT TO:<b@ac-test.fr>", 503);
            client.expect("DATA", 503);
            client.expect("MAIL FROM:<a@example.org>", 250);
        }
        assertThat(handler.resets).hasValueGreaterThanOrEqualTo(1);
        assertThat(handler.deliveries).isEmpty();
    }

    @Test
    void tooManyRecipients() throws Exception {
        SmtpServer server = start(mx().maxRecipients(3));
        try (ScriptedClient client = greeted(server)) {
            client.ehlo("client.example.org");
            client.expect("MAIL FROM:<a@example.org>", 250);
            for (int i = 1; i <= 3; i++) {
                client.expect("RCPT TO:<agent" + i + "@ac-test.fr>", 250);
            }
            ScriptedClient.Reply refused = client.expect("RCPT TO:<agent4@ac-test.fr>", 452);
            assertThat(refused.raw()).containsExactly("452 4.5.3 Too many recipients");
            client.expect("DATA", 354);
            client.sendRaw("Subject: x\r\n\r\nx\r\n.\r\n");
            client.expect(250);
        }
        assertThat(handler.onlyDelivery().envelope().recipients()).hasSize(3);
    }

    @Test
    void sizeParameterAboveTheLimit() throws Exception {
        SmtpServer server = start(mx().maxMessageSize(1000));
        try (ScriptedClient client = greeted(server)) {
            assertThat(client.ehlo("client.example.org")).contains("SIZE 1000");
            assertThat(client.expect("MAIL FROM:<a@example.org> SIZE=1001", 552).enhanced()).isEqualTo("5.3.4");
            client.expect("MAIL FROM:<a@example.org> SIZE=1000", 250);
        }
        assertThat(handler.senders).containsExactly("a@example.org");
    }

    @Test
    void aMessageAboveTheLimitIsReadToItsEndAndRefused() throws Exception {
        SmtpServer server = start(mx().maxMessageSize(1000).spoolMemoryThreshold(100));
        try (ScriptedClient client = greeted(server)) {
            client.ehlo("client.example.org");
            client.expect("MAIL FROM:<a@example.org>", 250);
            client.expect("RCPT TO:<b@ac-test.fr>", 250);
            client.expect("DATA", 354);
            client.sendRaw("Subject: big\r\n\r\n" + "0123456789012345678901234567890123456789\r\n".repeat(30) + ".\r\n");
            assertThat(client.expect(552).enhanced()).isEqualTo("5.3.4");
            // the session goes on: the rest of the message was not taken as commands
            client.expect("NOOP", 250);
            client.expect("RCPT TO:<b@ac-test.fr>", 503);
        }
        assertThat(handler.deliveries).isEmpty();
        assertThat(spoolFiles()).isEmpty();
    }

    @Test
    void aMessageFarAboveTheLimitEndsTheSession() throws Exception {
        SmtpServer server = start(mx().maxMessageSize(1000));
        try (ScriptedClient client = greeted(server)) {
            client.ehlo("client.example.org");
            client.expect("MAIL FROM:<a@example.org>", 250);
            client.expect("RCPT TO:<b@ac-test.fr>", 250);
            client.expect("DATA", 354);
            client.sendRaw("x".repeat(3000) + "\r\n");
            assertThat(client.expect(552).enhanced()).isEqualTo("5.3.4");
            assertThat(client.closedByServer()).isTrue();
        }
        assertThat(handler.deliveries).isEmpty();
    }

    @Test
    void largeMessagesGoThroughASpoolFileDeletedAfterwards() throws Exception {
        SmtpServer server = start(mx().spoolMemoryThreshold(1024));
        String body = "A long line of text, over and over again, to fill the spool.\r\n".repeat(2000);
        try (ScriptedClient client = greeted(server)) {
            client.ehlo("client.example.org");
            client.expect("MAIL FROM:<a@example.org>", 250);
            client.expect("RCPT TO:<b@ac-test.fr>", 250);
            client.expect("DATA", 354);
            client.sendRaw("Subject: big\r\n\r\n" + body + ".\r\n");
            client.expect(250);
        }
        RecordingHandler.Delivery delivery = handler.onlyDelivery();
        assertThat(delivery.spooledToFile()).isTrue();
        assertThat(delivery.withoutTrace()).isEqualTo("Subject: big\r\n\r\n" + body);
        assertThat(spoolFiles()).isEmpty();
    }

    @Test
    void longLinesAreAcceptedInData() throws Exception {
        SmtpServer server = start(mx());
        String line = "y".repeat(20_000);
        try (ScriptedClient client = greeted(server)) {
            client.ehlo("client.example.org");
            client.expect("MAIL FROM:<a@example.org>", 250);
            client.expect("RCPT TO:<b@ac-test.fr>", 250);
            client.expect("DATA", 354);
            client.sendRaw("Subject: long\r\n\r\n" + line + "\r\n.\r\n");
            client.expect(250);
        }
        assertThat(handler.onlyDelivery().withoutTrace()).isEqualTo("Subject: long\r\n\r\n" + line + "\r\n");
    }

    @Test
    void aMessageThatWentThroughTooManyServersIsRefused() throws Exception {
        SmtpServer server = start(mx().maxReceivedHeaders(5));
        try (ScriptedClient client = greeted(server)) {
            client.ehlo("client.example.org");
            send(client, "Received: from a by b; Tue, 24 Nov 2026 10:00:00 +0100\r\n".repeat(5)
                    + "Subject: five hops\r\n\r\nReceived: in the body does not count\r\n");
            client.expect(250);
            send(client, "Received: from a by b; Tue, 24 Nov 2026 10:00:00 +0100\r\n".repeat(4)
                    + "RECEIVED : from a by b; x\r\n\treceived: a continuation line\r\n"
                    + "received:from a by b; x\r\n" + "X-Received: not a trace field\r\nSubject: six hops\r\n\r\nx\r\n");
            ScriptedClient.Reply refused = client.expect(554);
            assertThat(refused.raw()).containsExactly("554 5.4.6 Too many hops, mail loop suspected");
        }
        assertThat(handler.onlyDelivery().text()).contains("five hops");
    }

    @Test
    void aFailingHandlerGivesATemporaryError() throws Exception {
        handler.failure = new IllegalStateException("database down");
        SmtpServer server = start(mx());
        try (ScriptedClient client = greeted(server)) {
            client.ehlo("client.example.org");
            send(client, "Subject: x\r\n\r\nx\r\n");
            assertThat(client.expect(451).raw()).containsExactly("451 4.3.0 Temporary server error, try again later");
            handler.failure = null;
            send(client, "Subject: y\r\n\r\ny\r\n");
            client.expect(250);
        }
        assertThat(handler.deliveries).hasSize(1);
        assertThat(spoolFiles()).isEmpty();
    }

    @Test
    void aFailingHandlerOnMailOrRcptGivesATemporaryError() throws Exception {
        SmtpHandler failing = new RecordingHandler() {
            @Override
            public SmtpReply mailFrom(SmtpSessionInfo session, String reversePath, Map<String, String> parameters) {
                if (reversePath.startsWith("fail")) {
                    throw new IllegalStateException("database down");
                }
                return super.mailFrom(session, reversePath, parameters);
            }

            @Override
            public SmtpReply rcptTo(SmtpSessionInfo session, Envelope transaction, String forwardPath,
                                    Map<String, String> parameters) {
                return null; // a handler bug
            }
        };
        SmtpServer server = start(mx(), failing);
        try (ScriptedClient client = greeted(server)) {
            client.ehlo("client.example.org");
            assertThat(client.expect("MAIL FROM:<fail@example.org>", 451).enhanced()).isEqualTo("4.3.0");
            client.expect("MAIL FROM:<a@example.org>", 250);
            assertThat(client.expect("RCPT TO:<b@ac-test.fr>", 451).enhanced()).isEqualTo("4.3.0");
            client.expect("DATA", 554); // no recipient was accepted
        }
    }

    @Test
    void aClientThatStopsInTheMiddleOfAMessageIsDisconnected() throws Exception {
        SmtpServer server = start(mx().dataTimeout(java.time.Duration.ofMillis(300)).spoolMemoryThreshold(10));
        try (ScriptedClient client = greeted(server)) {
            client.ehlo("client.example.org");
            client.expect("MAIL FROM:<a@example.org>", 250);
            client.expect("RCPT TO:<b@ac-test.fr>", 250);
            client.expect("DATA", 354);
            client.sendRaw("Subject: never finished\r\n\r\nand then nothing");
            assertThat(client.expect(421).raw().getFirst()).startsWith("421 4.4.2 " + HOSTNAME);
            assertThat(client.closedByServer()).isTrue();
        }
        assertThat(handler.deliveries).isEmpty();
        assertThat(handler.resets).hasValue(1);
        assertThat(spoolFiles()).isEmpty();
    }

    @Test
    void theHandlersReplyIsSentAsGivenWithAnEnhancedCodeAdded() throws Exception {
        handler.dataReply = SmtpReply.of(554, null, "Message rejected as spam");
        SmtpServer server = start(mx());
        try (ScriptedClient client = greeted(server)) {
            client.ehlo("client.example.org");
            send(client, "Subject: x\r\n\r\nx\r\n");
            assertThat(client.expect(554).raw()).containsExactly("554 5.0.0 Message rejected as spam");
            handler.dataReply = SmtpReply.of(354, null, "nonsense");
            send(client, "Subject: x\r\n\r\nx\r\n");
            client.expect(451); // never a success the handler did not give
        }
    }

    @Test
    void dataWithoutAnyAcceptedRecipient() throws Exception {
        handler.unknownRecipients.add("nobody@ac-test.fr");
        SmtpServer server = start(mx());
        try (ScriptedClient client = greeted(server)) {
            client.ehlo("client.example.org");
            client.expect("MAIL FROM:<a@example.org>", 250);
            client.expect("RCPT TO:<nobody@ac-test.fr>", 550);
            assertThat(client.expect("DATA", 554).raw()).containsExactly("554 5.5.1 No valid recipients");
        }
    }

    @Test
    void addressesTheRfcAllows() throws Exception {
        SmtpServer server = start(mx());
        try (ScriptedClient client = greeted(server)) {
            client.ehlo("client.example.org");
            client.expect("MAIL FROM: <\"john smith\"@example.org>", 250);
            client.expect("RCPT TO:<Postmaster>", 250);
            client.expect("RCPT TO:<@relay.example.org:agent@ac-test.fr>", 250);
            client.expect("RCPT TO:<agent@[192.0.2.1]>", 250);
            client.expect("RCPT TO:<agent@[IPv6:2001:db8::1]>", 250);
            client.expect("RCPT TO:<agent@[IPv6:2001:db8::zz]>", 501);
            client.expect("RCPT TO:<agent@[300.0.2.1]>", 501);
        }
        assertThat(handler.senders).containsExactly("\"john smith\"@example.org");
        assertThat(handler.recipients).containsExactly("Postmaster", "agent@ac-test.fr", "agent@[192.0.2.1]",
                "agent@[IPv6:2001:db8::1]");
    }

    @Test
    void eightBitContentIsKeptAsIs() throws Exception {
        SmtpServer server = start(mx());
        String body = "Subject: =?UTF-8?Q?=C3=A9t=C3=A9?=\r\nContent-Type: text/plain; charset=UTF-8\r\n"
                + "Content-Transfer-Encoding: 8bit\r\n\r\nÉté à Dijon, café crème.\r\n";
        try (ScriptedClient client = greeted(server)) {
            client.ehlo("client.example.org");
            client.expect("MAIL FROM:<a@example.org> BODY=8BITMIME", 250);
            client.expect("RCPT TO:<b@ac-test.fr>", 250);
            client.expect("DATA", 354);
            client.sendRaw(body.getBytes(StandardCharsets.UTF_8)); // UTF-8 bytes on the wire
            client.sendRaw(".\r\n");
            client.expect(250);
        }
        assertThat(handler.onlyDelivery().withoutTrace()).isEqualTo(body);
    }

    /** A whole transaction up to the end of data, the reply left to read. */
    private static void send(ScriptedClient client, String message) throws Exception {
        client.expect("MAIL FROM:<a@example.org>", 250);
        client.expect("RCPT TO:<b@ac-test.fr>", 250);
        client.expect("DATA", 354);
        client.sendRaw(message + ".\r\n");
    }
}
