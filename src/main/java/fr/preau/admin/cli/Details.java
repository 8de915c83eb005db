package fr.preau.admin.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** "Label : value" lines with the values aligned, for the show commands. */
public final class Details {

    private final CliSupport cli;
    private final List<String[]> lines = new ArrayList<>();

    public Details(CliSupport cli) {
        this.cli = cli;
    }

    /** Adds a line whose label is the translation of {@code labelKey}; skipped when the value is null. */
    public Details add(String labelKey, Object value) {
        if (value != null) {
            lines.add(new String[] {cli.t(labelKey), value.toString()});
        }
        return this;
    }

    public void print(PrintWriter out) {
        int width = lines.stream().mapToInt(l -> l[0].length()).max().orElse(0);
        String separator = cli.t("cli.label-separator");
        for (String[] line : lines) {
            out.println(line[0] + " ".repeat(width - line[0].length()) + separator + line[1]);
        }
    }
}
