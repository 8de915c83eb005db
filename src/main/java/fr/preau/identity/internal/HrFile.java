package fr.preau.identity.internal;

import fr.preau.identity.NewAccount;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads an HR file of accounts to create: CSV with a header line, separated by semicolons
 * (as French spreadsheets write it) or commas, in UTF-8 (with or without BOM) or, failing
 * that, Windows-1252. Columns are found by their header, in any order and case, with or
 * without accents: nom, prénom, numen, rôle, uai (or établissement), email de secours
 * (or email), mobile (or téléphone).
 */
public final class HrFile {

    /** One data line with its number in the file. */
    public record Line(int number, NewAccount account) {}

    /** A file that cannot be read as a whole (no header, missing required column). */
    public static final class Unreadable extends Exception {
        private final String key;
        private final Object[] args;

        Unreadable(String key, Object... args) {
            super(key);
            this.key = key;
            this.args = args;
        }

        public String key() {
            return key;
        }

        public Object[] args() {
            return args;
        }
    }

    private static final Map<String, String> ALIASES = new HashMap<>();

    static {
        alias("nom", "nom", "last name", "lastname", "nom de famille", "nom d'usage");
        alias("prenom", "prenom", "first name", "firstname");
        alias("numen", "numen");
        alias("role", "role", "fonction", "profil");
        alias("uai", "uai", "rne", "etablissement", "code uai");
        alias("email", "email de secours", "e-mail de secours", "courriel de secours", "email", "e-mail", "courriel",
                "adresse de secours", "backup email");
        alias("mobile", "mobile", "telephone mobile", "portable", "telephone", "tel");
    }

    private static void alias(String column, String... names) {
        for (String name : names) {
            ALIASES.put(name, column);
        }
    }

    private HrFile() {}

    public static List<Line> read(byte[] bytes) throws Unreadable {
        String text = decode(bytes);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        int firstBreak = text.indexOf('\n');
        String header = firstBreak < 0 ? text : text.substring(0, firstBreak);
        char delimiter = count(header, ';') >= count(header, ',') ? ';' : ',';
        // blank lines are kept as (blank) records and skipped below, so that line numbers stay right
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreSurroundingSpaces(true)
                .setTrim(true).setIgnoreEmptyLines(false).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            List<CSVRecord> records = parser.getRecords();
            int headerIndex = 0;
            while (headerIndex < records.size() && blank(records.get(headerIndex))) {
                headerIndex++;
            }
            if (headerIndex == records.size()) {
                throw new Unreadable("import.error.empty");
            }
            Map<String, Integer> columns = columns(records.get(headerIndex));
            for (String required : List.of("nom", "prenom", "numen", "role", "uai")) {
                if (!columns.containsKey(required)) {
                    throw new Unreadable("import.error.missing-column", required);
                }
            }
            List<Line> lines = new ArrayList<>(records.size());
            LineCounter lineOf = new LineCounter(text);
            for (int i = headerIndex + 1; i < records.size(); i++) {
                CSVRecord record = records.get(i);
                if (blank(record)) {
                    continue;
                }
                // the number of the line where the record starts (a quoted field may span lines)
                lines.add(new Line(lineOf.at(record.getCharacterPosition()), new NewAccount(
                        value(record, columns, "nom"), value(record, columns, "prenom"),
                        value(record, columns, "numen"), value(record, columns, "role"),
                        value(record, columns, "uai"), value(record, columns, "email"),
                        value(record, columns, "mobile"))));
            }
            return lines;
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new Unreadable("import.error.malformed", e.getMessage() == null ? "" : e.getMessage());
        }
    }

    private static boolean blank(CSVRecord record) {
        return record.stream().allMatch(String::isBlank);
    }

    /** Line numbers (from 1) of increasing character positions in a text. */
    private static final class LineCounter {
        private final String text;
        private int position;
        private int line = 1;

        LineCounter(String text) {
            this.text = text;
        }

        int at(long characterPosition) {
            for (; position < characterPosition && position < text.length(); position++) {
                if (text.charAt(position) == '\n') {
                    line++;
                }
            }
            return line;
        }
    }

    private static Map<String, Integer> columns(CSVRecord header) throws Unreadable {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = Normalizer.normalize(header.get(i), Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                    .toLowerCase(Locale.ROOT).replace('_', ' ').replace('’', '\'').trim();
            String column = ALIASES.get(name);
            if (column != null && columns.putIfAbsent(column, i) != null) {
                throw new Unreadable("import.error.duplicate-column", header.get(i));
            }
        }
        return columns;
    }

    private static String value(CSVRecord record, Map<String, Integer> columns, String column) {
        Integer index = columns.get(column);
        return index == null || index >= record.size() ? "" : record.get(index);
    }

    private static int count(String text, char c) {
        return (int) text.chars().filter(ch -> ch == c).count();
    }

    private static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(bytes, Charset.forName("windows-1252"));
        }
    }
}
