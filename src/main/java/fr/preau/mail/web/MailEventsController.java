package fr.preau.mail.web;

import fr.preau.identity.AgentPrincipal;
import fr.preau.mail.MailEvents;
import fr.preau.platform.EventBus;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Live updates of the full interface (server-sent events): a {@code change} event with the
 * folder concerned whenever the account's mail changes — new mail, flags, moves, folders — on
 * any node (the mail module's events go through the shared event bus). The page then reloads
 * the folder tree and, if it shows that folder, the list. A comment every 25 s keeps proxies
 * from closing the stream; the browser reconnects by itself after the 30-minute limit.
 */
@Controller
class MailEventsController implements AutoCloseable {

    static final Duration LIFETIME = Duration.ofMinutes(30);
    static final Duration HEARTBEAT = Duration.ofSeconds(25);

    private final MailEvents events;
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("mail-sse-heartbeat").factory());

    MailEventsController(MailEvents events) {
        this.events = events;
    }

    @GetMapping(path = "/app/mail/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(@AuthenticationPrincipal AgentPrincipal agent, HttpServletResponse response) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Accel-Buffering", "no");
        SseEmitter emitter = new SseEmitter(LIFETIME.toMillis());
        AtomicReference<EventBus.Subscription> subscription = new AtomicReference<>();
        AtomicReference<ScheduledFuture<?>> beat = new AtomicReference<>();
        Runnable stop = () -> {
            EventBus.Subscription s = subscription.getAndSet(null);
            if (s != null) {
                s.close();
            }
            ScheduledFuture<?> b = beat.getAndSet(null);
            if (b != null) {
                b.cancel(false);
            }
        };
        emitter.onCompletion(stop);
        emitter.onTimeout(stop);
        emitter.onError(error -> stop.run());
        subscription.set(events.subscribe(agent.accountId(), change -> {
            try {
                emitter.send(SseEmitter.event().name("change").data(change.folderId() + " " + change.kind().name()));
            } catch (IOException | IllegalStateException gone) {
                stop.run();
            }
        }));
        beat.set(heartbeats.scheduleAtFixedRate(() -> {
            try {
                emitter.send(SseEmitter.event().comment("keep-alive"));
            } catch (IOException | IllegalStateException gone) {
                stop.run();
            }
        }, HEARTBEAT.toSeconds(), HEARTBEAT.toSeconds(), TimeUnit.SECONDS));
        emitter.send(SseEmitter.event().comment("ready"));
        return emitter;
    }

    @Override
    public void close() {
        heartbeats.shutdownNow();
    }
}
