package fr.preau.mail.internal.mime;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A lenient {@code Date:} parser: RFC 5322 and its obsolete forms (two-digit years, named
 * zones, no day name, no seconds, comments), what broken mailers write (milliseconds, zones
 * without a sign or with three digits, asctime order, French month names) and ISO 8601.
 * Returns null when no day, month and year can be found; a missing or unknown zone is UTC.
 */
final class DateParser {

    private static final Pattern ISO = Pattern.compile(
            "(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[T ](\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,]\\d+)?)?\\s*(Z|[+-]\\d{2}:?\\d{2})?)?.*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern TIME = Pattern.compile("(\\d{1,2})[:.](\\d{1,2})(?:[:.](\\d{1,2}))?(?:[.,]\\d+)?.*");
    private static final Pattern NUMERIC_ZONE = Pattern.compile("([+-])(\\d{3})|([+-])(\\d{1,2}):?(\\d{2})?");

    private static final Map<String, Integer> ZONES = Map.ofEntries(
            Map.entry("UT", 0), Map.entry("UTC", 0), Map.entry("GMT", 0), Map.entry("Z", 0), Map.entry("WET", 0),
            Map.entry("BST", 60), Map.entry("IST", 60), Map.entry("WEST", 60),
            Map.entry("CET", 60), Map.entry("MET", 60), Map.entry("MEZ", 60), Map.entry("CEST", 120),
            Map.entry("MEST", 120), Map.entry("MESZ", 120), Map.entry("EET", 120), Map.entry("EEST", 180),
            Map.entry("MSK", 180), Map.entry("EST", -300), Map.entry("EDT", -240), Map.entry("CST", -360),
            Map.entry("CDT", -300), Map.entry("MST", -420), Map.entry("MDT", -360), Map.entry("PST", -480),
            Map.entry("PDT", -420), Map.entry("AKST", -540), Map.entry("AKDT", -480), Map.entry("HST", -600),
            Map.entry("JST", 540), Map.entry("KST", 540), Map.entry("HKT", 480), Map.entry("SGT", 480),
            Map.entry("AEST", 600), Map.entry("AEDT", 660), Map.entry("NZST", 720), Map.entry("NZDT", 780));

    private static final java.util.Set<String> DAYS = java.util.Set.of("MON", "TUE", "WED", "THU", "FRI", "SAT",
            "SUN", "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY", "LUN", "MER",
            "JEU", "VEN", "SAM", "DIM", "LUNDI", "MARDI", "MERCREDI", "JEUDI", "VENDREDI", "SAMEDI", "DIMANCHE");

    private DateParser() {}

    static OffsetDateTime parse(String text) {
        if (text == null) {
            return null;
        }
        String s = ContentHeader.stripComments(text).trim();
        if (s.isEmpty() || s.length() > 200) {
            return null;
        }
        try {
            Matcher iso = ISO.matcher(s);
            if (iso.matches()) {
                return iso(iso);
            }
            return rfc(s);
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    private static OffsetDateTime iso(Matcher m) {
        LocalDate date = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        LocalTime time = LocalTime.MIDNIGHT;
        if (m.group(4) != null) {
            int sec = m.group(6) == null ? 0 : Math.min(59, Integer.parseInt(m.group(6)));
            time = LocalTime.of(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)), sec);
        }
        ZoneOffset zone = ZoneOffset.UTC;
        String z = m.group(7);
        if (z != null && !z.equalsIgnoreCase("Z")) {
            Integer minutes = numericZone(z);
            if (minutes != null) {
                zone = ZoneOffset.ofTotalSeconds(minutes * 60);
            }
        }
        return OffsetDateTime.of(date, time, zone);
    }

    private static OffsetDateTime rfc(String s) {
        String[] tokens = s.split("[\\s,]+");
        Integer day = null;
        Integer month = null;
        Integer year = null;
        LocalTime time = null;
        Integer zone = null;
        boolean marchOrMardi = false;
        for (String raw : tokens) {
            if (raw.isEmpty()) {
                continue;
            }
            String token = raw;
            if (time == null && token.indexOf(':') > 0) {
                Matcher t = TIME.matcher(token);
                if (t.matches()) {
                    int h = Integer.parseInt(t.group(1));
                    int m = Integer.parseInt(t.group(2));
                    int sec = t.group(3) == null ? 0 : Math.min(59, Integer.parseInt(t.group(3)));
                    if (h == 24 && m == 0) {
                        h = 0;
                    }
                    if (h > 23 || m > 59) {
                        return null;
                    }
                    time = LocalTime.of(h, m, sec);
                    continue;
                }
            }
            char first = token.charAt(0);
            if ((first == '+' || first == '-') && token.length() > 1 && Character.isDigit(token.charAt(1))) {
                if (zone == null) {
                    zone = numericZone(token);
                }
                continue;
            }
            if (Character.isDigit(first)) {
                String digits = leadingDigits(token);
                if (digits.length() > 4) {
                    continue;
                }
                int value = Integer.parseInt(digits);
                if (time != null && year != null && zone == null && digits.length() == 4) {
                    zone = numericZone("+" + digits); // "13:56:53.123 0000": a zone without its sign
                } else if (digits.length() >= 3) {
                    if (year == null) {
                        year = digits.length() == 3 ? 1900 + value : value;
                    }
                } else if (day == null && month == null && value >= 1 && value <= 31) {
                    day = value;
                } else if (day == null && month != null && value >= 1 && value <= 31) {
                    day = value;
                } else if (year == null && day != null) {
                    year = value < 50 ? 2000 + value : 1900 + value;
                } else if (day == null && value >= 1 && value <= 31) {
                    day = value;
                }
                continue;
            }
            if (Character.isLetter(first)) {
                String upper = token.replace(".", "").toUpperCase(Locale.ROOT);
                if (DAYS.contains(upper)) {
                    continue;
                }
                Integer mon = month(upper);
                if (mon != null && (month == null || marchOrMardi)) {
                    marchOrMardi = month == null && upper.equals("MAR"); // "mar. 3 sept.": mardi, not March
                    month = mon;
                    continue;
                }
                Integer named = ZONES.get(upper);
                if (named != null && zone == null) {
                    zone = named;
                    continue;
                }
                if (upper.length() == 1 && zone == null && time != null) {
                    zone = 0; // military zones: RFC 5322 says to treat them as unknown
                }
            }
        }
        if (day == null || month == null || year == null) {
            return null;
        }
        LocalDate date = LocalDate.of(year, month, Math.min(day, LocalDate.of(year, month, 1).lengthOfMonth()));
        ZoneOffset offset = zone == null ? ZoneOffset.UTC : ZoneOffset.ofTotalSeconds(zone * 60);
        return OffsetDateTime.of(date, time == null ? LocalTime.MIDNIGHT : time, offset);
    }

    private static String leadingDigits(String token) {
        int i = 0;
        while (i < token.length() && Character.isDigit(token.charAt(i))) {
            i++;
        }
        return token.substring(0, i);
    }

    /** Minutes east of UTC for "+0200", "-06:00", "+2", "-600"; null when malformed or out of range. */
    private static Integer numericZone(String token) {
        String t = token.trim();
        int end = 1;
        while (end < t.length() && (Character.isDigit(t.charAt(end)) || t.charAt(end) == ':')) {
            end++;
        }
        t = t.substring(0, end);
        Matcher m = NUMERIC_ZONE.matcher(t);
        if (!m.matches()) {
            return null;
        }
        int sign;
        int hours;
        int minutes;
        if (m.group(1) != null) {
            sign = m.group(1).equals("-") ? -1 : 1;
            String d = m.group(2);
            int mm = Integer.parseInt(d.substring(1));
            if (mm < 60) {
                hours = d.charAt(0) - '0';
                minutes = mm;
            } else {
                hours = Integer.parseInt(d.substring(0, 2));
                minutes = 0;
            }
        } else {
            sign = m.group(3).equals("-") ? -1 : 1;
            hours = Integer.parseInt(m.group(4));
            minutes = m.group(5) == null ? 0 : Integer.parseInt(m.group(5));
        }
        if (hours > 18 || minutes > 59 || hours * 60 + minutes > 18 * 60) {
            return null;
        }
        return sign * (hours * 60 + minutes);
    }

    private static Integer month(String upper) {
        if (upper.length() < 3) {
            return null;
        }
        String p = upper.substring(0, Math.min(4, upper.length()));
        String p3 = upper.substring(0, 3);
        return switch (p3) {
            case "JAN" -> 1;
            case "FEB", "FÉV", "FEV" -> 2;
            case "MAR" -> 3;
            case "APR", "AVR" -> 4;
            case "MAY", "MAI" -> 5;
            case "JUN" -> 6;
            case "JUI" -> p.startsWith("JUIL") ? 7 : 6; // juin / juillet
            case "JUL" -> 7;
            case "AUG", "AOÛ", "AOU" -> 8;
            case "SEP" -> 9;
            case "OCT" -> 10;
            case "NOV" -> 11;
            case "DEC", "DÉC" -> 12;
            default -> null;
        };
    }
}
