package fr.preau.mail.internal.mime;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The charset policy of the mail store, as browsers apply it (WHATWG Encoding): a declared
 * charset is used, with the labels browsers widen ({@code ISO-8859-1} and {@code US-ASCII} read
 * as {@code windows-1252}, {@code GB2312} as {@code GB18030}, {@code Shift_JIS} as
 * {@code windows-31j}, ...); an unknown, broken or missing name gives UTF-8 when the bytes are
 * valid UTF-8, else windows-1252. Decoding never throws: malformed sequences become U+FFFD.
 */
public final class Charsets {

    /** Windows-1252, the fallback for bytes that are not UTF-8. */
    public static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("iso-8859-1", "windows-1252"), Map.entry("iso8859-1", "windows-1252"),
            Map.entry("iso_8859-1", "windows-1252"), Map.entry("latin1", "windows-1252"),
            Map.entry("latin-1", "windows-1252"), Map.entry("l1", "windows-1252"),
            Map.entry("iso-ir-100", "windows-1252"), Map.entry("cp819", "windows-1252"),
            Map.entry("ibm819", "windows-1252"), Map.entry("csisolatin1", "windows-1252"),
            Map.entry("iso88591", "windows-1252"), Map.entry("8859-1", "windows-1252"),
            Map.entry("us-ascii", "windows-1252"), Map.entry("ascii", "windows-1252"),
            Map.entry("ansi_x3.4-1968", "windows-1252"), Map.entry("us", "windows-1252"),
            Map.entry("iso646-us", "windows-1252"), Map.entry("cp1252", "windows-1252"),
            Map.entry("x-cp1252", "windows-1252"), Map.entry("ansi", "windows-1252"),
            Map.entry("iso-8859-9", "windows-1254"), Map.entry("latin5", "windows-1254"),
            Map.entry("iso-8859-11", "x-windows-874"), Map.entry("tis-620", "x-windows-874"),
            Map.entry("windows-874", "x-windows-874"),
            Map.entry("gb2312", "GB18030"), Map.entry("gbk", "GB18030"), Map.entry("x-gbk", "GB18030"),
            Map.entry("cp936", "GB18030"), Map.entry("gb_2312-80", "GB18030"), Map.entry("chinese", "GB18030"),
            Map.entry("csgb2312", "GB18030"), Map.entry("euc-cn", "GB18030"),
            Map.entry("shift_jis", "windows-31j"), Map.entry("shift-jis", "windows-31j"),
            Map.entry("sjis", "windows-31j"), Map.entry("x-sjis", "windows-31j"),
            Map.entry("ms_kanji", "windows-31j"), Map.entry("cp932", "windows-31j"),
            Map.entry("euc-kr", "x-windows-949"), Map.entry("ks_c_5601-1987", "x-windows-949"),
            Map.entry("ks_c_5601", "x-windows-949"), Map.entry("cp949", "x-windows-949"),
            Map.entry("big5", "Big5-HKSCS"), Map.entry("utf8", "UTF-8"), Map.entry("unicode-1-1-utf-8", "UTF-8"),
            Map.entry("x-unicode20utf8", "UTF-8"), Map.entry("unicode", "UTF-16LE"),
            Map.entry("ks_c_5601-1989", "x-windows-949"));

    /** Lower-cased label to charset; {@link #UNKNOWN} marks a label Java does not know. */
    private static final Map<String, Charset> CACHE = new ConcurrentHashMap<>();
    private static final Charset UNKNOWN = StandardCharsets.UTF_16BE; // sentinel, never returned

    private Charsets() {}

    /** The charset for a declared label, widened as browsers do; null when unknown or blank. */
    public static Charset forLabel(String label) {
        if (label == null) {
            return null;
        }
        String key = clean(label);
        if (key.isEmpty() || key.length() > 64) {
            return null;
        }
        Charset found = CACHE.get(key);
        if (found == null) {
            found = lookup(key);
            if (CACHE.size() < 1000) {
                CACHE.put(key, found);
            }
        }
        return found == UNKNOWN ? null : found;
    }

    private static String clean(String label) {
        String key = label.trim().toLowerCase(Locale.ROOT);
        // quotes, comments and stray parameters seen in real mail: "utf-8", utf-8 (x), utf-8;format=flowed
        int cut = key.length();
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c == ' ' || c == '(' || c == ';' || c == ',' || c == '\t') {
                cut = i;
                break;
            }
        }
        key = key.substring(0, cut);
        if (key.startsWith("\"") || key.startsWith("'")) {
            key = key.substring(1);
        }
        if (key.endsWith("\"") || key.endsWith("'")) {
            key = key.substring(0, key.length() - 1);
        }
        return key;
    }

    private static Charset lookup(String key) {
        String name = ALIASES.getOrDefault(key, key);
        try {
            Charset charset = Charset.forName(name);
            if (charset.equals(StandardCharsets.ISO_8859_1) || charset.equals(StandardCharsets.US_ASCII)) {
                return WINDOWS_1252;
            }
            if (charset.name().equals("GB2312") || charset.name().equals("GBK")) {
                return Charset.forName("GB18030");
            }
            if (charset.name().equals("Shift_JIS")) {
                return Charset.forName("windows-31j");
            }
            if (charset.name().equals("EUC-KR")) {
                return Charset.forName("x-windows-949");
            }
            if (charset.name().equals("ISO-8859-9")) {
                return Charset.forName("windows-1254");
            }
            return charset;
        } catch (RuntimeException e) {
            return UNKNOWN;
        }
    }

    /**
     * Decodes bytes with a declared charset label, falling back as the policy says when the
     * label is missing or unknown. Never throws.
     */
    public static String decode(byte[] bytes, int offset, int length, String label) {
        Charset charset = forLabel(label);
        return charset != null ? decode(bytes, offset, length, charset) : decodeUndeclared(bytes, offset, length);
    }

    public static String decode(byte[] bytes, String label) {
        return decode(bytes, 0, bytes.length, label);
    }

    /** Bytes of unknown charset: UTF-8 when valid, else windows-1252. */
    public static String decodeUndeclared(byte[] bytes, int offset, int length) {
        if (isAscii(bytes, offset, length)) {
            return new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
        }
        if (isValidUtf8(bytes, offset, length)) {
            return new String(bytes, offset, length, StandardCharsets.UTF_8);
        }
        return new String(bytes, offset, length, WINDOWS_1252);
    }

    public static String decodeUndeclared(byte[] bytes) {
        return decodeUndeclared(bytes, 0, bytes.length);
    }

    /** Decodes with a known charset, replacing malformed input. */
    static String decode(byte[] bytes, int offset, int length, Charset charset) {
        if (charset.equals(StandardCharsets.UTF_8) || charset.equals(WINDOWS_1252)) {
            return new String(bytes, offset, length, charset); // JDK fast paths, replace malformed input
        }
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        try {
            CharBuffer chars = decoder.decode(ByteBuffer.wrap(bytes, offset, length));
            return chars.toString();
        } catch (CharacterCodingException | RuntimeException e) {
            return decodeUndeclared(bytes, offset, length);
        }
    }

    static boolean isAscii(byte[] bytes, int offset, int length) {
        for (int i = offset, end = offset + length; i < end; i++) {
            if (bytes[i] < 0) {
                return false;
            }
        }
        return true;
    }

    /** Whether the bytes are well-formed UTF-8 (no overlongs, no surrogates, at most U+10FFFF). */
    static boolean isValidUtf8(byte[] bytes, int offset, int length) {
        int i = offset;
        int end = offset + length;
        while (i < end) {
            int b = bytes[i] & 0xff;
            if (b < 0x80) {
                i++;
                continue;
            }
            int need;
            int min;
            if (b >= 0xc2 && b <= 0xdf) {
                need = 1;
                min = 0x80;
            } else if (b >= 0xe0 && b <= 0xef) {
                need = 2;
                min = 0x800;
            } else if (b >= 0xf0 && b <= 0xf4) {
                need = 3;
                min = 0x10000;
            } else {
                return false;
            }
            if (i + need >= end) {
                return false;
            }
            int cp = b & (0x3f >> need);
            for (int k = 1; k <= need; k++) {
                int c = bytes[i + k] & 0xff;
                if ((c & 0xc0) != 0x80) {
                    return false;
                }
                cp = (cp << 6) | (c & 0x3f);
            }
            if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
                return false;
            }
            i += need + 1;
        }
        return true;
    }
}
