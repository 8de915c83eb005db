package fr.preau.delivery.internal.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The commands outside a mail transaction, over a real socket: greeting, EHLO, errors, limits. */
class SmtpSessionTest extends SmtpServerTestBase {

    @Test
    void greetsWithItsNameWithoutEnhancedCode() throws Exception {
        SmtpServer server = start(mx());
        try (ScriptedClient client = ScriptedClient.connect(server.port())) {
            ScriptedClient.Reply greeting = client.expect(220);
            assertThat(greeting.raw()).containsExactly("220 " + HOSTNAME + " ESMTP Preau");
            assertThat(client.expect("QUIT", 221).raw()).containsExactly("221 2.0.0 " + HOSTNAME + " closing connection");
            assertThat(client.closedByServer()).isTrue();
        }
        assertThat(handler.closes).hasValue(1);
    }

    @Test
    void ehloListsTheExtensionsAsAMultiLineReply() throws Exception {
        SmtpServer server = start(mx().maxMessageSize(10_000_000));
        try (ScriptedClient client = greeted(server)) {
            ScriptedClient.Reply reply = client.expect("EHLO client.example.org", 250);
            assertThat(reply.raw()).containsExactly(
                    "250-" + HOSTNAME,
                    "250-PIPELINING",
                    "250-SIZE 10000000",
                    "250-8BITMIME",
                    "250-ENHANCEDSTATUSCODES",
                    "250 STARTTLS");
            // offered only once implemented: no CHUNKING, no SMTPUTF8, no DSN, no AUTH on the MX
            assertThat(reply.lines()).noneMatch(line -> line.matches("CHUNKING|SMTPUTF8|DSN|AUTH.*"));
        }
    }

    @Test
    void heloGivesTheNameAlone() throws Exception {
        SmtpServer server = start(mx());
        try (ScriptedClient client = greeted(server)) {
            assertThat(client.expect("HELO client.example.org", 250).raw()).containsExactly("250 " + HOSTNAME);
            client.expect("MAIL FROM:<a@example.org>", 250);
        }
    }

    @Test
    void verbsAreCaseInsensitive() throws Exception {
        SmtpServer server = start(mx());
        try (ScriptedClient client = greeted(server)) {
            client.expect("ehlo client.example.org", 250);
            client.expect("mail from:<a@example.org>", 250);
            client.expect("Rcpt To:<b@ac-test.fr>", 250);
            client.expect("rset", 250);
        }
    }

    @Test
    void everyReplyAfterTheGreetingHasAnEnhancedCode() throws Exception {
        SmtpServer server = start(mx());
        try (ScriptedClient client = greeted(server)) {
            client.ehlo("client.example.org");
            for (String command : new String[] {"NOOP", "NOOP anything", "VRFY agent", "HELP", "RSET", "FOO",
                    "RCPT TO:<a@b.fr>", "MAIL FROM:bad address", "MAIL FROM:<a@example.org>", "RCPT TO:<b@ac-test.fr>",
                    "EXPN staff", "RSET now"}) {
                ScriptedClient.Reply reply = client.command(command);
                assertThat(reply.raw()).as(command).allMatch(line -> line.substring(4).matches("[245]\\.\\d+\\.\\d+( .*)?"));
            }
        }
    }

    @Test
    void noopRsetVrfyAndHelp() throws Exception {
        SmtpServer server = start(mx());
        try (ScriptedClient client = greeted(server)) {
            client.ehlo("client.example.org");
            assertThat(client.expect("NOOP", 250).raw()).containsExactly("250 2.0.0 Ok");
            assertThat(client.expect("RSET", 250).enhanced()).isEqualTo("2.0.0");
            client.expect("RSET now", 501);
            // VRFY never tells whether an account exists
            ScriptedClient.Reply vrfy = client.expect("VRFY agent@ac-test.fr", 252);
            assertThat(vrfy.enhanced()).isEqualTo("2.5.2");
            assertThat(client.expect("VRFY nobody@ac-test.fr", 252).raw()).isEqualTo(vrfy.raw());
            client.expect("VRFY", 501);
            ScriptedClient.Reply help = client.expect("HELP", 214);
            assertThat(help.raw()).hasSizeGreaterThan(1);
            assertThat(help.raw().getFirst()).startsWith("214-2.0.0 ");
            assertThat(help.raw().getLast()).startsWith("214 2.0.0 ");
            assertThat(help.text()).contains("STARTTLS");
        }
    }

    @Test
    void unknownAndUnofferedCommands() throws Exception {
        SmtpServer server = start(mx());
        try (ScriptedClient client = greeted(server)) {
            assertThat(client.expect("FROBNICATE", 500).enhanced()).isEqualTo("5.5.2");
            assertThat(client.expect("", 500).enhanced()).isEqualTo("5.5.2");
            assertThat(client.expect("EXPN staff", 502).enhanced()).isEqualTo("5.5.1");
            assertThat(client.expect("BDAT 10 LAST", 502).enhanced()).isEqualTo("5.5.1");
            client.expect("NOOP", 250); // still talking
        }
    }

    @Test
    void badSequence() throws Exception {
        SmtpServer server = start(mx());
        try (ScriptedClient client = greeted(server)) {
            assertThat(client.expect("MAIL FROM:<a@example.org>", 503).enhanced()).isEqualTo("5.5.1");
            client.ehlo("client.example.org");
            assertThat(client.expect("RCPT TO:<b@ac-test.fr>", 503).enhanced()).isEqualTo("5.5.1");
            assertThat(client.expect("DATA", 503).enhanced()).isEqualTo("5.5.1");
            client.expect("MAIL FROM:<a@example.org>", 250);
            assertThat(client.expect("MAIL FROM:<a@example.org>", 503).text()).contains("Nested");
            assertThat(client.expect("DATA", 503).text()).contains("RCPT");
            assertThat(client.expect("STARTTLS", 503).text()).contains("transaction");
        }
        assertThat(handler.senders).hasSize(1);
    }

    @Test
    void syntaxErrors() throws Exception {
        SmtpServer server = start(mx().maxErrors(50));
        try (ScriptedClient client = greeted(server)) {
            assertThat(client.expect("EHLO", 501).enhanced()).isEqualTo("5.5.4");
            assertThat(client.expect("HELO", 501).enhanced()).isEqualTo("5.5.4");
            client.ehlo("client.example.org");
            assertThat(client.expect("MAIL <a@example.org>", 501).enhanced()).isEqualTo("5.5.4");
            assertThat(client.expect("MAIL FROM:<a@@example.org>", 501).enhanced()).isEqualTo("5.1.7");
            assertThat(client.expect("MAIL FROM:<a@example.org> SIZE=big", 501).enhanced()).isEqualTo("5.5.4");
            assertThat(client.expect("MAIL FROM:<a@example.org> BODY=BINARYMIME", 501).enhanced()).isEqualTo("5.5.4");
            assertThat(client.expect("MAIL FROM:<a@example.org> SMTPUTF8", 555).enhanced()).isEqualTo("5.5.4");
            assertThat(client.expect("MAIL FROM:<andré@example.org>", 553).enhanced()).isEqualTo("5.6.7");
            client.expect("MAIL FROM:<a@example.org>", 250);
            assertThat(client.expect("RCPT <b@ac-test.fr>", 501).enhanced()).isEqualTo("5.5.4");
            assertThat(client.expect("RCPT TO:<b@ac-test..fr>", 501).enhanced()).isEqualTo("5.1.3");
            assertThat(client.expect("RCPT TO:<>", 501).enhanced()).isEqualTo("5.1.3");
            assertThat(client.expect("RCPT TO:<b@ac-test.fr> NOTIFY=NEVER", 555).enhanced()).isEqualTo("5.5.4");
            client.expect("RCPT TO:<b@ac-test.fr>", 250);
            assertThat(client.expect("DATA now", 501).enhanced()).isEqualTo("5.5.4");
        }
        assertThat(handler.senders).containsExactly("a@example.org");
        assertThat(handler.recipients).containsExactly("b@ac-test.fr");
    }

    @Test
    void aLineTooLongIsRefusedAndSkipped() throws Exception {
        SmtpServer server = start(mx());
        try (ScriptedClient client = greeted(server)) {
            client.ehlo("client.example.org");
            ScriptedClient.Reply reply = client.command("NOOP " + "x".repeat(3000));
            assertThat(reply.code()).isEqualTo(500);
            assertThat(reply.text()).contains("too long");
            // the rest of the long line was not taken as a command
            client.expect("NOOP", 250);
            client.expect("NOOP " + "x".repeat(1900), 250); // lenient beyond RFC 5321's 512
        }
    }

    @Test
    void tooManyErrorsCloseTheConnection() throws Exception {
        SmtpServer server = start(mx().maxErrors(3));
        try (ScriptedClient client = greeted(server)) {
            client.expect("FOO", 500);
            client.expect("BAR", 500);
            client.expect("BAZ", 500);
            ScriptedClient.Reply last = client.expect(421);
            assertThat(last.raw().getFirst()).startsWith("421 4.7.0 " + HOSTNAME);
            assertThat(client.closedByServer()).isTrue();
        }
    }

    @Test
    void anIdleClientIsDisconnected() throws Exception {
        SmtpServer server = start(mx().commandTimeout(Duration.ofMillis(300)));
        try (ScriptedClient client = greeted(server)) {
            client.ehlo("client.example.org");
            ScriptedClient.Reply reply = client.expect(421); // sent without any command
            assertThat(reply.raw().getFirst()).startsWith("421 4.4.2 ");
            assertThat(client.closedByServer()).isTrue();
        }
    }

    @Test
    void anHttpRequestIsCutShort() throws Exception {
        SmtpServer server = start(mx());
        try (ScriptedClient client = greeted(server)) {
            client.sendRaw("POST / HTTP/1.1\r\nHost: mx\r\nContent-Length: 20\r\n\r\nMAIL FROM:<a@b.fr>\r\n");
            assertThat(client.expect(421).enhanced()).isEqualTo("4.7.0");
            assertThat(client.closedByServer()).isTrue();
        }
        assertThat(handler.senders).isEmpty();
    }

    @Test
    void aRefusedSessionOnlyAnswersQuit() throws Exception {
        handler.connectReply = SmtpReply.of(554, "5.7.1", "Your address is blocked");
        SmtpServer server = start(mx());
        try (ScriptedClient client = ScriptedClient.connect(server.port())) {
            assertThat(client.expect(554).raw()).containsExactly("554 5.7.1 " + HOSTNAME + " Your address is blocked");
            client.expect("EHLO client.example.org", 503);
            client.expect("MAIL FROM:<a@example.org>", 503);
            client.expect("QUIT", 221);
        }
        assertThat(handler.senders).isEmpty();
    }

    @Test
    void aTemporarilyRefusedSessionIsClosed() throws Exception {
        handler.connectReply = SmtpReply.of(421, "4.7.0", "Try again later");
        SmtpServer server = start(mx());
        try (ScriptedClient client = ScriptedClient.connect(server.port())) {
            assertThat(client.expect(421).raw()).containsExactly("421 4.7.0 " + HOSTNAME + " Try again later");
            assertThat(client.closedByServer()).isTrue();
        }
    }
}
