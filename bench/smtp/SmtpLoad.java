import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A plain SMTP load generator, for machines without Postfix's smtp-source: SESSIONS concurrent
 * sessions sending COUNT messages of SIZE bytes in all, one transaction after another.
 *
 * <pre>java SmtpLoad.java HOST PORT SESSIONS COUNT SIZE</pre>
 */
public class SmtpLoad {

    public static void main(String[] args) throws Exception {
        String host = args[0];
        int port = Integer.parseInt(args[1]);
        int sessions = Integer.parseInt(args[2]);
        int count = Integer.parseInt(args[3]);
        int size = Integer.parseInt(args[4]);
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(sessions);
        List<Future<Integer>> done = new ArrayList<>();
        for (int s = 0; s < sessions; s++) {
            done.add(pool.submit(() -> {
                int sent = 0;
                try (Socket socket = new Socket(host, port)) {
                    socket.setTcpNoDelay(true);
                    BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
                    OutputStream out = socket.getOutputStream();
                    expect(in, 220);
                    command(out, in, "EHLO load.example.org", 250);
                    for (int i; (i = next.getAndIncrement()) < count; ) {
                        command(out, in, "MAIL FROM:<bench@example.org>", 250);
                        command(out, in, "RCPT TO:<camille.martin@ac-dijon.fr>", 250);
                        command(out, in, "DATA", 354);
                        out.write(message(i, size));
                        out.write(".\r\n".getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                        expect(in, 250);
                        sent++;
                    }
                    command(out, in, "QUIT", 221);
                }
                return sent;
            }));
        }
        int total = 0;
        for (Future<Integer> f : done) {
            total += f.get();
        }
        pool.shutdown();
        System.out.println("sent " + total);
    }

    static byte[] message(int i, int size) {
        StringBuilder m = new StringBuilder("From: bench@example.org\r\nTo: camille.martin@ac-dijon.fr\r\nSubject: load " + i
                + "\r\nMessage-ID: <load-" + i + "-" + System.nanoTime() + "@example.org>\r\n\r\n");
        while (m.length() < size) {
            m.append("Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor.\r\n");
        }
        return m.toString().getBytes(StandardCharsets.US_ASCII);
    }

    static void command(OutputStream out, BufferedReader in, String line, int code) throws Exception {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        expect(in, code);
    }

    static void expect(BufferedReader in, int code) throws Exception {
        String line;
        do {
            line = in.readLine();
            if (line == null) {
                throw new IllegalStateException("connection closed");
            }
        } while (line.length() > 3 && line.charAt(3) == '-');
        if (!line.startsWith(String.valueOf(code))) {
            throw new IllegalStateException("expected " + code + ", got " + line);
        }
    }
}
