package fr.preau.tenancy;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A help desk's opening hours, written compactly as in OpenStreetMap:
 * {@code "Mo-Fr 08:00-12:00,13:30-17:00; Sa 09:00-12:00"}. Parsed here; the pages render
 * them in the reader's language.
 */
public record OpeningHours(List<Slot> slots) {

    /** Days {@code from}–{@code to} (inclusive; equal for a single day) open during {@code ranges}. */
    public record Slot(DayOfWeek from, DayOfWeek to, List<Range> ranges) {}

    public record Range(LocalTime start, LocalTime end) {}

    private static final Map<String, DayOfWeek> DAYS = Map.of(
            "Mo", DayOfWeek.MONDAY, "Tu", DayOfWeek.TUESDAY, "We", DayOfWeek.WEDNESDAY,
            "Th", DayOfWeek.THURSDAY, "Fr", DayOfWeek.FRIDAY, "Sa", DayOfWeek.SATURDAY, "Su", DayOfWeek.SUNDAY);

    /** Parses the compact form; throws {@link IllegalArgumentException} with the faulty part. */
    public static OpeningHours parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty");
        }
        List<Slot> slots = new ArrayList<>();
        for (String part : text.split(";")) {
            String slot = part.trim();
            int space = slot.indexOf(' ');
            if (space < 0) {
                throw new IllegalArgumentException(slot);
            }
            String days = slot.substring(0, space);
            DayOfWeek from = day(days.contains("-") ? days.substring(0, days.indexOf('-')) : days, slot);
            DayOfWeek to = days.contains("-") ? day(days.substring(days.indexOf('-') + 1), slot) : from;
            if (to.compareTo(from) < 0) {
                throw new IllegalArgumentException(slot);
            }
            List<Range> ranges = new ArrayList<>();
            for (String range : slot.substring(space + 1).trim().split(",")) {
                String[] ends = range.trim().split("-");
                if (ends.length != 2) {
                    throw new IllegalArgumentException(slot);
                }
                try {
                    LocalTime start = LocalTime.parse(ends[0].trim());
                    LocalTime end = LocalTime.parse(ends[1].trim());
                    if (!end.isAfter(start)) {
                        throw new IllegalArgumentException(slot);
                    }
                    ranges.add(new Range(start, end));
                } catch (java.time.format.DateTimeParseException e) {
                    throw new IllegalArgumentException(slot, e);
                }
            }
            slots.add(new Slot(from, to, List.copyOf(ranges)));
        }
        return new OpeningHours(List.copyOf(slots));
    }

    /**
     * The hours in words, in the reader's language, e.g. "du lundi au vendredi 08:00 – 12:00 et
     * 13:30 – 17:00 ; samedi 09:00 – 12:00".
     */
    public String describe(java.util.Locale locale, org.springframework.context.MessageSource messages) {
        java.time.format.DateTimeFormatter time = java.time.format.DateTimeFormatter.ofPattern("HH:mm");
        java.util.List<String> parts = new java.util.ArrayList<>();
        for (Slot slot : slots) {
            String from = slot.from().getDisplayName(java.time.format.TextStyle.FULL, locale);
            String days = slot.from() == slot.to()
                    ? messages.getMessage("hours.single-day", new Object[] {from}, locale)
                    : messages.getMessage("hours.day-range",
                            new Object[] {from, slot.to().getDisplayName(java.time.format.TextStyle.FULL, locale)}, locale);
            java.util.List<String> ranges = slot.ranges().stream()
                    .map(r -> messages.getMessage("hours.range",
                            new Object[] {r.start().format(time), r.end().format(time)}, locale))
                    .toList();
            parts.add(days + " " + String.join(messages.getMessage("hours.and", null, locale), ranges));
        }
        return String.join(messages.getMessage("hours.separator", null, locale), parts);
    }

    public static boolean isValid(String text) {
        try {
            parse(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static DayOfWeek day(String code, String slot) {
        DayOfWeek day = DAYS.get(code);
        if (day == null) {
            throw new IllegalArgumentException(slot);
        }
        return day;
    }
}
