package fr.preau.identity.internal.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import fr.preau.identity.SmsGateway;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The generic operator gateway against a real local HTTP server standing for the operator. */
class HttpSmsGatewayTest {

    record Request(String method, String uri, String contentType, String apiKey, String body) {}

    private HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger status = new AtomicInteger(200);

    @BeforeEach
    void operator() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                    exchange.getRequestHeaders().getFirst("Content-Type"), exchange.getRequestHeaders().getFirst("X-Api-Key"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(status.get(), -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Test
    void getPutsTheNumberAndTextUrlEncodedInTheUrl() {
        new HttpSmsGateway(new SmsProperties("http", base() + "/send?to={to}&msg={text}", "GET", null, "form",
                Map.of("X-Api-Key", "k-123"), Duration.ofSeconds(5))).send(1L, "+33612345678", "Préau : 123456 & plus");
        assertThat(requests).singleElement().satisfies(r -> {
            assertThat(r.method()).isEqualTo("GET");
            assertThat(r.uri()).isEqualTo("/send?to=%2B33612345678&msg=Pr%C3%A9au+%3A+123456+%26+plus");
            assertThat(r.apiKey()).isEqualTo("k-123");
        });
    }

    @Test
    void postSendsAJsonBodyWithTheTextEscaped() {
        new HttpSmsGateway(new SmsProperties("http", base() + "/v1/sms", "POST", "{\"to\":\"{to}\",\"text\":\"{text}\"}", "json",
                null, Duration.ofSeconds(5))).send(1L, "+33612345678", "code \"42\"");
        assertThat(requests).singleElement().satisfies(r -> {
            assertThat(r.method()).isEqualTo("POST");
            assertThat(r.contentType()).isEqualTo("application/json");
            assertThat(r.body()).isEqualTo("{\"to\":\"+33612345678\",\"text\":\"code \\\"42\\\"\"}");
        });
    }

    @Test
    void aRefusalOrNoOperatorIsAFailure() {
        status.set(503);
        HttpSmsGateway gateway = new HttpSmsGateway(new SmsProperties("http", base() + "/send", "POST", "to={to}&text={text}",
                "form", null, Duration.ofSeconds(5)));
        assertThatThrownBy(() -> gateway.send(1L, "+33612345678", "x")).isInstanceOf(SmsGateway.SmsFailedException.class);
        server.stop(0);
        assertThatThrownBy(() -> gateway.send(1L, "+33612345678", "x")).isInstanceOf(SmsGateway.SmsFailedException.class);
        assertThatThrownBy(() -> new HttpSmsGateway(new SmsProperties("http", " ", "POST", null, "form", null,
                Duration.ofSeconds(5)))).isInstanceOf(IllegalStateException.class);
    }
}
