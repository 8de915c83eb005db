package fr.preau.delivery.durability;

import fr.preau.delivery.internal.smtp.ScriptedClient;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Concurrent SMTP clients, each on its own connection, sending distinct messages one after
 * the other until stopped or until their connection breaks: MX clients (an outside server
 * writing to one or two local addresses) and submission clients (an agent writing to one
 * remote address, which goes to the outbound queue, and one local colleague). Every message
 * tried is recorded with its outcome — the reply that ended it, or none when the connection
 * broke before the reply (its fate unknown). Errors and refusals while the server is not being
 * killed are collected apart: the load itself must be clean.
 */
final class SmtpLoad {

    enum Channel { MX, SUBMISSION }

    /** An agent who submits mail: login, address, the local colleague written to. */
    record Agent(String login, String email, String colleague) {}

    /** One message tried: {@code outcome} null when no reply came (the connection broke). */
    record Attempt(Channel channel, Smtp.Mail mail, Smtp.Outcome outcome) {
        boolean accepted() {
            return outcome != null && outcome.accepted();
        }
    }

    private final Queue<Attempt> attempts = new ConcurrentLinkedQueue<>();
    private final Queue<String> unexpected = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final AtomicBoolean killing = new AtomicBoolean();
    private final List<Thread> threads = new ArrayList<>();

    /** Starts one MX client per entry of {@code mxClients} and one submission client per agent. */
    static SmtpLoad start(int mxPort, int mxClients, List<String> localAddresses, int submissionPort, List<Agent> agents,
                          List<String> remoteDomains) {
        SmtpLoad load = new SmtpLoad();
        for (int i = 0; i < mxClients; i++) {
            int client = i;
            load.threads.add(Thread.ofPlatform().name("mx-client-" + i).start(() -> load.mx(mxPort, client, localAddresses)));
        }
        for (int i = 0; i < agents.size(); i++) {
            Agent agent = agents.get(i);
            int client = i;
            load.threads.add(Thread.ofPlatform().name("submission-client-" + i)
                    .start(() -> load.submission(submissionPort, client, agent, remoteDomains)));
        }
        return load;
    }

    /** From now on, broken connections are expected (the server is being killed). */
    void killing() {
        killing.set(true);
    }

    /** Stops the clients and waits for them; returns every message tried. */
    List<Attempt> stop(Duration timeout) throws InterruptedException {
        stop.set(true);
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Thread thread : threads) {
            thread.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            if (thread.isAlive()) {
                thread.interrupt();
                unexpected.add(thread.getName() + " did not stop");
            }
        }
        return List.copyOf(attempts);
    }

    /** Messages accepted ({@code 250} at the end of DATA) so far on one channel. */
    long accepted(Channel channel) {
        return attempts.stream().filter(a -> a.channel() == channel && a.accepted()).count();
    }

    /** Errors and refusals that happened while the server was not being killed. */
    List<String> unexpected() {
        return List.copyOf(unexpected);
    }

    private void mx(int port, int client, List<String> locals) {
        String sender = "relais" + client + "@example.org";
        run(Channel.MX, () -> Smtp.mx(port), (session, n) -> {
            List<String> to = new ArrayList<>();
            to.add(locals.get((client + n) % locals.size()));
            if (n % 3 == 0) {
                to.add(locals.get((client + n + 1) % locals.size()));
            }
            Smtp.Mail mail = Smtp.mail("mx" + client + "-" + n, "Parent Eleve <" + sender + ">", to, size());
            return attempt(Channel.MX, session, sender, mail);
        });
    }

    private void submission(int port, int client, Agent agent, List<String> remoteDomains) {
        run(Channel.SUBMISSION, () -> Smtp.submission(port, agent.login()), (session, n) -> {
            String remote = "partenaire" + client + "." + n + "@" + remoteDomains.get(n % remoteDomains.size());
            Smtp.Mail mail = Smtp.mail("sub" + client + "-" + n, agent.email(), List.of(remote, agent.colleague()), size());
            return attempt(Channel.SUBMISSION, session, agent.email(), mail);
        });
    }

    /** Between 1 and 40 KB: some spooled in memory, some on disk, blob writes of some length. */
    private static int size() {
        return ThreadLocalRandom.current().nextInt(1_000, 40_000);
    }

    private interface Opener {
        ScriptedClient open() throws IOException;
    }

    private interface Step {
        /** Sends message number {@code n}; false when the connection broke. */
        boolean send(ScriptedClient session, int n) throws IOException;
    }

    private void run(Channel channel, Opener opener, Step step) {
        String name = Thread.currentThread().getName();
        try (ScriptedClient session = opener.open()) {
            for (int n = 0; !stop.get(); n++) {
                if (!step.send(session, n)) {
                    return;
                }
            }
            session.command("QUIT");
        } catch (IOException | AssertionError e) {
            if (!killing.get()) {
                unexpected.add(name + " (" + channel + "): " + e);
            }
        }
    }

    private boolean attempt(Channel channel, ScriptedClient session, String envelopeFrom, Smtp.Mail mail) {
        try {
            Smtp.Outcome outcome = Smtp.send(session, envelopeFrom, mail);
            attempts.add(new Attempt(channel, mail, outcome));
            if (!outcome.accepted() && !killing.get()) {
                unexpected.add(channel + " " + mail.messageId() + " refused: " + outcome);
            }
            return true;
        } catch (IOException | AssertionError e) {
            attempts.add(new Attempt(channel, mail, null));
            if (!killing.get()) {
                unexpected.add(channel + " " + mail.messageId() + ": connection broke: " + e);
            }
            return false;
        }
    }
}
