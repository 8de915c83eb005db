package fr.preau.mail;

import fr.preau.PreauApplication;
import fr.preau.identity.Account;
import fr.preau.identity.Accounts;
import fr.preau.identity.NewAccount;
import fr.preau.platform.BlobStore;
import fr.preau.tenancy.AcademyDraft;
import fr.preau.tenancy.HelpDesk;
import fr.preau.tenancy.Tenancy;
import fr.preau.testsupport.TestProperties;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** Helpers for search tests that run the whole server: start it, make an agent, deliver a message. */
final class SearchServers {

    private SearchServers() {}

    /** Préau as {@code preau serve} runs it, on the embedded H2 file database of {@code data}, without SMTP listeners. */
    static ConfigurableApplicationContext start(Path data, String... extra) {
        List<String> args = new ArrayList<>();
        TestProperties.springProperties().forEach((k, v) -> args.add("--" + k + "=" + v));
        args.addAll(List.of("--preau.data-dir=" + data, "--server.port=0", "--preau.smtp.enabled=false",
                "--preau.captcha.enabled=false", "--logging.level.root=WARN", "--spring.main.banner-mode=off"));
        args.addAll(List.of(extra));
        System.setProperty("spring.backgroundpreinitializer.ignore", "true");
        return new SpringApplicationBuilder(PreauApplication.class).run(args.toArray(String[]::new));
    }

    /** A new agent of the Lycée Carnot (académie of Dijon, created when missing). */
    static Account agent(ApplicationContext app, String firstName, String lastName) {
        Tenancy tenancy = app.getBean(Tenancy.class);
        if (tenancy.academy("dijon").isEmpty()) {
            tenancy.createAcademy("test", new AcademyDraft("dijon", "Académie de Dijon", "ac-dijon.fr", "07",
                    new HelpDesk("03 80 44 84 00", "Mo-Fr 08:00-17:00", null)));
        }
        if (tenancy.department("21").isEmpty()) {
            tenancy.createDepartment("test", "dijon", "21", "Côte-d'Or", new HelpDesk("03 80 00 00 00", "Mo-Fr 08:00-17:00", null));
        }
        if (tenancy.establishment("0210015C").isEmpty()) {
            tenancy.createEstablishment("test", "21", "0210015C", "Lycée Carnot", "Dijon");
        }
        String numen = "07E38%05dSRC".formatted(ThreadLocalRandom.current().nextInt(100_000));
        return app.getBean(Accounts.class).create("test", new NewAccount(lastName, firstName, numen, "enseignant",
                "0210015C", null, null)).account();
    }

    /** Delivers a small message to the agent's INBOX, as the SMTP server does; returns its id. */
    static long deliver(ApplicationContext app, Account agent, String subject, String body) {
        MailDelivery delivery = app.getBean(MailDelivery.class);
        String raw = "From: Proviseur <proviseur@ac-dijon.fr>\r\nTo: " + agent.email() + "\r\nSubject: " + subject
                + "\r\nDate: Tue, 1 Sep 2026 10:00:00 +0200\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n" + body + "\r\n";
        BlobStore.Blob blob = delivery.store(new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)));
        DeliveryOutcome outcome = delivery.deliver(blob, List.of(new LocalRecipient(agent.id(), FolderRole.INBOX)),
                Instant.now()).get(0);
        return ((DeliveryOutcome.Delivered) outcome).stored().messageId();
    }

    static List<Long> found(ApplicationContext app, long accountId, String text) {
        return app.getBean(MailSearch.class).search(accountId, SearchQuery.text(text), ListOrder.newestFirst(), 0, 50)
                .messages().stream().map(MessageSummary::id).toList();
    }
}
