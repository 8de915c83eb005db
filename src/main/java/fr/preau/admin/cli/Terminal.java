package fr.preau.admin.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads a secret from the administrator: from the console without echo when there is one,
 * else one line of standard input (for scripts: {@code echo $NUMEN | preau admin ... --numen}).
 */
public class Terminal {

    /** The secret typed, or null at end of input. */
    public String readSecret(String prompt) {
        Console console = System.console();
        if (console != null) {
            char[] typed = console.readPassword("%s", prompt);
            return typed == null ? null : new String(typed);
        }
        PrintStream err = System.err;
        err.print(prompt);
        err.flush();
        try {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            err.println();
            return line;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
