package fr.preau.mail.internal.mime;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;

/**
 * A rough timing of {@link MimeParser#parse} on a 50 KB and a 5 MB message, with the bytes
 * allocated per parse; run by hand ({@code java -cp ... MimeParsingTiming}), never by the test
 * suite. Proper benchmarks belong in {@code bench/}.
 */
public final class MimeParsingTiming {

    private MimeParsingTiming() {}

    public static void main(String[] args) throws Exception {
        report("50 KB (text + HTML + 20 KB PDF)", message(9_000, 20_000), 2000);
        report("5 MB (text + HTML + 3.7 MB PDF)", message(9_000, 3_700_000), 40);
        report("5 MB (text + 5 MB HTML)", htmlMessage(5_000_000), 20);
    }

    private static void report(String name, byte[] message, int runs) throws Exception {
        MimeParser parser = new MimeParser();
        for (int i = 0; i < runs; i++) {
            parser.parse(new ByteArrayInputStream(message)); // warm-up
        }
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
        long start = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            parser.parse(new ByteArrayInputStream(message));
        }
        long elapsed = System.nanoTime() - start;
        long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
        System.out.printf("%s: %d octets, %.3f ms per parse, %.1f KB allocated per parse%n", name, message.length,
                elapsed / 1e6 / runs, allocated / 1024.0 / runs);
    }

    private static byte[] message(int textLength, int attachmentLength) {
        Random random = new Random(1);
        StringBuilder text = new StringBuilder();
        while (text.length() < textLength) {
            text.append("Bonjour à tous, voici le compte rendu de la réunion de rentrée des équipes. ");
            if (random.nextInt(8) == 0) {
                text.append("\r\n");
            }
        }
        byte[] pdf = new byte[attachmentLength];
        random.nextBytes(pdf);
        ByteArrayOutputStream out = new ByteArrayOutputStream(attachmentLength * 4 / 3 + 64 * 1024);
        out.writeBytes(("From: Renée <renee@ac-dijon.fr>\r\nTo: Jean <jean@ac-dijon.fr>\r\n"
                + "Subject: =?UTF-8?Q?Compte_rendu_de_r=C3=A9union?=\r\nDate: Tue, 3 Sep 2024 08:30:00 +0200\r\n"
                + "Message-ID: <timing@ac-dijon.fr>\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=outer\r\n\r\n--outer\r\n"
                + "Content-Type: multipart/alternative; boundary=alt\r\n\r\n--alt\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n" + text
                + "\r\n--alt\r\nContent-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
                + "<html><body><p>" + text.toString().replace("\r\n", "</p><p>") + "</p></body></html>\r\n--alt--\r\n"
                + "--outer\r\nContent-Type: application/pdf; name=compte-rendu.pdf\r\n"
                + "Content-Disposition: attachment; filename=compte-rendu.pdf\r\nContent-Transfer-Encoding: base64\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        out.writeBytes(Base64.getMimeEncoder().encode(pdf));
        out.writeBytes("\r\n--outer--\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private static byte[] htmlMessage(int length) {
        StringBuilder html = new StringBuilder("<html><body>");
        while (html.length() < length) {
            html.append("<div><p>Bonjour à <b>tous</b>, voici le <a href=\"https://example.org\">lien</a>.</p></div>\r\n");
        }
        html.append("</body></html>");
        return ("Subject: html\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + html).getBytes(StandardCharsets.UTF_8);
    }
}
