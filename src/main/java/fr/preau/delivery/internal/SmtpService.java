package fr.preau.delivery.internal;

import fr.preau.delivery.SmtpEndpoints;
import fr.preau.delivery.internal.inbound.MxHandler;
import fr.preau.delivery.internal.smtp.ReverseDns;
import fr.preau.delivery.internal.smtp.SmtpListeners;
import fr.preau.delivery.internal.smtp.SmtpServer;
import fr.preau.delivery.internal.submission.SubmissionHandler;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Starts the SMTP listeners with the server (never in {@code preau admin}) and stops them
 * before the database goes: MX with its handler, submission and submissions with theirs.
 */
@Component
@ConditionalOnWebApplication
class SmtpService implements SmartLifecycle, SmtpEndpoints {

    private static final Logger log = LoggerFactory.getLogger(SmtpService.class);

    private final SmtpListeners listeners;
    private final MxHandler mx;
    private final SubmissionHandler submission;
    private final ReverseDns reverseDns;
    private final List<SmtpServer> running = new CopyOnWriteArrayList<>();

    SmtpService(SmtpListeners listeners, MxHandler mx, SubmissionHandler submission, ReverseDns reverseDns) {
        this.listeners = listeners;
        this.mx = mx;
        this.submission = submission;
        this.reverseDns = reverseDns;
    }

    @Override
    public synchronized void start() {
        for (SmtpServer server : listeners.enabled(mx, submission, reverseDns)) {
            try {
                server.start();
            } catch (java.io.IOException | RuntimeException e) {
                stop();
                throw new IllegalStateException("SMTP listener " + server.config().name() + " cannot start on port "
                        + server.config().port() + ": " + e.getMessage(), e);
            }
            running.add(server);
        }
        if (!running.isEmpty()) {
            log.info("SMTP listening: {}", String.join(", ", running.stream()
                    .map(s -> s.config().name() + " " + s.port()).toList()));
        }
    }

    @Override
    public synchronized void stop() {
        for (SmtpServer server : running) {
            server.stop();
        }
        running.clear();
    }

    @Override
    public boolean isRunning() {
        return !running.isEmpty();
    }

    @Override
    public int getPhase() {
        // after the web server's phase: mail stops before the database and the rest of the context
        return SmartLifecycle.DEFAULT_PHASE - 2048;
    }

    @Override
    public List<Endpoint> endpoints() {
        return running.stream().map(s -> new Endpoint(s.config().name(), s.port(),
                s.config().tlsMode().name().toLowerCase(Locale.ROOT).replace('_', '-'))).toList();
    }

    @Override
    public String hostname() {
        return listeners.hostname();
    }
}
