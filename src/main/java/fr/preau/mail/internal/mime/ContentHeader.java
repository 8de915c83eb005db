package fr.preau.mail.internal.mime;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A parsed {@code Content-Type} or {@code Content-Disposition} value: the lower-cased main
 * value ({@code text/plain}, {@code attachment}) and its parameters, names lower-cased, in
 * order, values decoded: RFC 2231 continuations ({@code name*0*=}, {@code name*1=}) joined as
 * bytes and decoded with their {@code charset'lang'} prefix, RFC 2047 words inside values
 * decoded, unquoted values with spaces and unclosed quotes taken as far as they go. The first
 * occurrence of a parameter wins; an RFC 2231 form wins over the plain one.
 */
record ContentHeader(String value, Map<String, String> params) {

    static final int MAX_PARAMS = 64;
    static final int MAX_VALUE_LENGTH = 8192;

    static final ContentHeader EMPTY = new ContentHeader("", Map.of());

    String param(String name) {
        return params.get(name);
    }

    /** {@code type/subtype} when the value has that shape, else null. */
    String mimeTypeOrNull() {
        int slash = value.indexOf('/');
        if (slash <= 0 || slash == value.length() - 1) {
            return null;
        }
        String type = value.substring(0, slash).trim();
        String subtype = value.substring(slash + 1).trim();
        if (type.isEmpty() || subtype.isEmpty() || !isToken(type) || !isToken(subtype)) {
            return null;
        }
        return type + "/" + subtype;
    }

    private static boolean isToken(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= ' ' || c >= 127 || "()<>@,;:\\\"/[]?=".indexOf(c) >= 0) {
                return false;
            }
        }
        return true;
    }

    static ContentHeader parse(String text) {
        if (text == null || text.isBlank()) {
            return EMPTY;
        }
        List<String[]> raw = new ArrayList<>();
        int semi = indexOfUnquoted(text, 0);
        String main = stripComments(text.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
        int i = semi;
        int n = text.length();
        while (i < n && raw.size() < MAX_PARAMS * 2) {
            // skip separators
            while (i < n && (text.charAt(i) == ';' || isSpace(text.charAt(i)))) {
                i++;
            }
            if (i >= n) {
                break;
            }
            int nameStart = i;
            while (i < n && text.charAt(i) != '=' && text.charAt(i) != ';') {
                i++;
            }
            String name = text.substring(nameStart, i).trim().toLowerCase(Locale.ROOT);
            if (i >= n || text.charAt(i) == ';') {
                continue; // a bare word, not a parameter
            }
            i++; // '='
            while (i < n && isSpace(text.charAt(i))) {
                i++;
            }
            String val;
            if (i < n && text.charAt(i) == '"') {
                StringBuilder sb = new StringBuilder();
                i++;
                while (i < n) {
                    char c = text.charAt(i);
                    if (c == '\\' && i + 1 < n && (text.charAt(i + 1) == '"' || text.charAt(i + 1) == '\\')) {
                        sb.append(text.charAt(i + 1));
                        i += 2;
                    } else if (c == '"') {
                        i++;
                        break;
                    } else {
                        sb.append(c);
                        i++;
                    }
                }
                val = sb.toString();
                // anything after the closing quote up to ';' is junk
                int next = indexOfUnquoted(text, i);
                i = next;
            } else {
                int end = indexOfUnquoted(text, i);
                val = text.substring(i, end).trim();
                i = end;
            }
            if (!name.isEmpty() && name.indexOf(' ') < 0) {
                raw.add(new String[] {name, val});
            }
        }
        return new ContentHeader(main, assemble(raw));
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    /** Index of the next ';' outside quotes from {@code from}, or the length. */
    private static int indexOfUnquoted(String text, int from) {
        boolean quoted = false;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '\\' && quoted) {
                i++;
            } else if (c == ';' && !quoted) {
                return i;
            }
        }
        return text.length();
    }

    static String stripComments(String s) {
        if (s.indexOf('(') < 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length());
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && depth > 0) {
                depth--;
            } else if (depth == 0) {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private record Section(boolean extended, String text) {}

    private static Map<String, String> assemble(List<String[]> raw) {
        if (raw.isEmpty()) {
            return Map.of();
        }
        Map<String, String> plain = new LinkedHashMap<>();
        Map<String, TreeMap<Integer, Section>> extended = new LinkedHashMap<>();
        List<String> order = new ArrayList<>();
        for (String[] pair : raw) {
            String name = pair[0];
            String val = pair[1];
            int star = name.indexOf('*');
            if (star < 0) {
                if (!plain.containsKey(name)) {
                    plain.put(name, val);
                    if (!order.contains(name)) {
                        order.add(name);
                    }
                }
                continue;
            }
            String base = name.substring(0, star);
            String rest = name.substring(star + 1);
            boolean isExtended = rest.endsWith("*") || rest.isEmpty();
            String number = rest.endsWith("*") ? rest.substring(0, rest.length() - 1) : rest;
            int index;
            if (number.isEmpty()) {
                index = 0;
            } else {
                try {
                    index = Integer.parseInt(number);
                } catch (NumberFormatException e) {
                    continue;
                }
                if (index < 0 || index > 999) {
                    continue;
                }
            }
            if (base.isEmpty()) {
                continue;
            }
            TreeMap<Integer, Section> sections = extended.computeIfAbsent(base, k -> new TreeMap<>());
            sections.putIfAbsent(index, new Section(isExtended, val));
            if (!order.contains(base)) {
                order.add(base);
            }
        }
        Map<String, String> result = new LinkedHashMap<>();
        for (String name : order) {
            if (result.size() >= MAX_PARAMS) {
                break;
            }
            String value;
            TreeMap<Integer, Section> sections = extended.get(name);
            if (sections != null) {
                value = joinSections(sections);
            } else {
                value = plain.get(name);
                if (value.contains("=?")) {
                    value = EncodedWords.decode(value);
                }
            }
            if (value.length() > MAX_VALUE_LENGTH) {
                value = value.substring(0, MAX_VALUE_LENGTH);
            }
            result.put(name, value);
        }
        return Collections.unmodifiableMap(result);
    }

    private static String joinSections(TreeMap<Integer, Section> sections) {
        String charset = null;
        StringBuilder out = new StringBuilder();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        boolean first = true;
        for (Section section : sections.values()) {
            String text = section.text();
            if (section.extended()) {
                if (first) {
                    int q1 = text.indexOf('\'');
                    int q2 = q1 < 0 ? -1 : text.indexOf('\'', q1 + 1);
                    if (q2 > 0) {
                        charset = text.substring(0, q1).trim();
                        text = text.substring(q2 + 1);
                    }
                }
                percentDecode(text, bytes);
            } else {
                flush(bytes, charset, out);
                out.append(text.contains("=?") ? EncodedWords.decode(text) : text);
            }
            first = false;
        }
        flush(bytes, charset, out);
        return out.toString();
    }

    private static void flush(ByteArrayOutputStream bytes, String charset, StringBuilder out) {
        if (bytes.size() == 0) {
            return;
        }
        byte[] b = bytes.toByteArray();
        bytes.reset();
        out.append(charset == null || charset.isEmpty()
                ? Charsets.decodeUndeclared(b)
                : Charsets.decode(b, 0, b.length, charset));
    }

    private static void percentDecode(String text, ByteArrayOutputStream out) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' && i + 2 < text.length()) {
                int hi = Character.digit(text.charAt(i + 1), 16);
                int lo = Character.digit(text.charAt(i + 2), 16);
                if (hi >= 0 && lo >= 0) {
                    out.write((hi << 4) | lo);
                    i += 2;
                    continue;
                }
            }
            if (c < 0x80) {
                out.write(c);
            } else {
                byte[] utf8 = String.valueOf(c).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                out.write(utf8, 0, utf8.length);
            }
        }
    }
}
