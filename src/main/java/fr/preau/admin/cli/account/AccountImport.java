package fr.preau.admin.cli.account;

import fr.preau.admin.cli.BeforeStart;
import fr.preau.admin.cli.CliCommand;
import fr.preau.admin.cli.CliSupport;
import fr.preau.admin.cli.SecretFiles;
import fr.preau.admin.cli.Terminal;
import fr.preau.admin.letters.ActivationLetters;
import fr.preau.identity.Account;
import fr.preau.identity.Accounts;
import fr.preau.identity.ImportReport;
import fr.preau.identity.ProvisionedAccount;
import fr.preau.tenancy.Tenancy;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code preau admin account import FILE.csv}: creates the accounts of an HR file. The file is
 * checked as a whole first; every problem is reported with its line, and nothing is imported
 * unless {@code --skip-invalid}. Activation codes go only where the administrator asks:
 * {@code --codes} (a CSV list) and/or {@code --letters} (one printable file per établissement);
 * they are never printed on the terminal.
 */
@Command(name = "import")
public class AccountImport extends CliCommand implements BeforeStart {

    /** Header of the {@code --codes} file (then one line per account, same order as the import). */
    static final String CODES_HEADER = "identifiant;adresse;code;expiration;nom;prénom;uai";

    private Tenancy tenancy;
    private ActivationLetters letters;

    @Parameters(paramLabel = "FILE.csv", descriptionKey = "file")
    Path file;

    @Option(names = "--skip-invalid")
    boolean skipInvalid;

    @Option(names = "--codes", paramLabel = "FILE.csv")
    Path codes;

    @Option(names = "--letters", paramLabel = "DIR")
    Path lettersDirectory;

    /** Everything that could go wrong with the files is checked before start-up, so before any account exists. */
    @Override
    public void beforeStart(CliSupport cli, Terminal terminal) {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw refuse("cli.error.file-unreadable", file);
        }
        if (codes != null) {
            SecretFiles.checkCreatable(codes);
        }
        if (lettersDirectory != null) {
            SecretFiles.checkDirectory(lettersDirectory);
        }
    }

    @Override
    public Integer call() {
        Accounts accounts = bean(Accounts.class);
        tenancy = bean(Tenancy.class);
        letters = bean(ActivationLetters.class);
        beforeStart(cli, null);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw refuse("cli.error.file-unreadable", file);
        }

        ImportReport report = accounts.importFile(cli.actor(), bytes, skipInvalid);
        PrintWriter err = err();
        for (ImportReport.Problem problem : report.problems()) {
            err.println(describe(problem));
        }
        if (!report.imported()) {
            boolean unreadable = report.problems().stream().anyMatch(p -> p.line() == 0);
            if (unreadable) {
                warn("cli.import.nothing-imported-unreadable");
            } else {
                long badLines = report.problems().stream().mapToInt(ImportReport.Problem::line).distinct().count();
                warn("cli.import.nothing-imported", report.lines(), badLines, report.lines() - badLines);
            }
            return 1;
        }

        List<ProvisionedAccount> created = report.created();
        say("cli.import.done", report.lines(), created.size());
        if (!report.problems().isEmpty()) {
            long skipped = report.problems().stream().mapToInt(ImportReport.Problem::line).distinct().count();
            warn("cli.import.skipped", skipped);
        }
        if (created.isEmpty()) {
            return 0;
        }
        return keepCodes(created);
    }

    private String describe(ImportReport.Problem problem) {
        String reason = cli.masked(problem.key(), problem.args().toArray());
        if (problem.line() == 0) {
            return cli.t("cli.import.problem-file", reason);
        }
        if (problem.column() == null) {
            return cli.t("cli.import.problem-line", problem.line(), reason);
        }
        return cli.t("cli.import.problem", problem.line(), cli.t("cli.import.column." + problem.column()), reason);
    }

    private int keepCodes(List<ProvisionedAccount> created) {
        try {
            if (codes != null) {
                SecretFiles.write(codes, codesCsv(created));
                say("cli.import.codes-written", created.size(), codes);
            }
            if (lettersDirectory != null) {
                writeLetters(created);
            }
        } catch (IOException e) {
            warn("cli.import.codes-lost", e.getClass().getSimpleName() + ": " + e.getMessage());
            return 1;
        }
        if (codes == null && lettersDirectory == null) {
            warn("cli.import.codes-not-kept");
        }
        return 0;
    }

    private String codesCsv(List<ProvisionedAccount> created) {
        DateTimeFormatter iso = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
        Map<Long, String> uais = new LinkedHashMap<>();
        // UTF-8 with a byte-order mark, so that spreadsheets open the accents right
        StringBuilder csv = new StringBuilder("\uFEFF").append(CODES_HEADER).append("\r\n");
        for (ProvisionedAccount p : created) {
            Account a = p.account();
            String uai = uais.computeIfAbsent(a.establishmentId(), id -> tenancy.establishment(id).uai());
            csv.append(String.join(";", a.login(), a.email(), p.activationCode(),
                    iso.format(p.codeExpiresAt().atZone(cli.zone()).withNano(0)), csvField(a.lastName()),
                    csvField(a.firstName()), uai)).append("\r\n");
        }
        return csv.toString();
    }

    private static String csvField(String value) {
        return value.contains(";") || value.contains("\"") ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }

    private void writeLetters(List<ProvisionedAccount> created) throws IOException {
        SecretFiles.createDirectory(lettersDirectory);
        Map<Long, List<ProvisionedAccount>> byEstablishment = new LinkedHashMap<>();
        for (ProvisionedAccount p : created) {
            byEstablishment.computeIfAbsent(p.account().establishmentId(), id -> new java.util.ArrayList<>()).add(p);
        }
        Comparator<ProvisionedAccount> byName = Comparator
                .comparing((ProvisionedAccount p) -> p.account().lastName(), String.CASE_INSENSITIVE_ORDER)
                .thenComparing(p -> p.account().firstName(), String.CASE_INSENSITIVE_ORDER);
        for (Map.Entry<Long, List<ProvisionedAccount>> entry : byEstablishment.entrySet()) {
            List<ProvisionedAccount> group = entry.getValue().stream().sorted(byName).toList();
            String uai = tenancy.establishment(entry.getKey()).uai();
            Path written = SecretFiles.writeUnique(lettersDirectory, uai, ".html", letters.render(group, cli.zone()));
            say("cli.import.letters-file", written, group.size());
        }
        say("cli.import.letters-written", created.size(), byEstablishment.size(), lettersDirectory);
    }
}
