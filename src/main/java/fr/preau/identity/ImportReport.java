package fr.preau.identity;

import java.util.List;

/**
 * The outcome of importing an HR file: the accounts created (with their activation codes,
 * shown once) and every problem found, by line. When {@link #imported()} is false nothing
 * was written.
 */
public record ImportReport(int lines, List<ProvisionedAccount> created, List<Problem> problems, boolean imported) {

    /** A refused line: its number in the file (header = 1), the column concerned and the reason. */
    public record Problem(int line, String column, String key, List<Object> args) {}
}
