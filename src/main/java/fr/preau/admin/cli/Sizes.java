package fr.preau.admin.cli;

import java.text.NumberFormat;
import java.util.Locale;

/** Byte counts as people read them: 512 o, 12,5 Ko, 3,2 Mo (French) or 512 B, 12.5 KB, 3.2 MB. */
public final class Sizes {

    private Sizes() {}

    public static String human(long bytes, Locale locale) {
        boolean french = !locale.getLanguage().equals("en");
        String[] units = french ? new String[] {"o", "Ko", "Mo", "Go", "To"} : new String[] {"B", "KB", "MB", "GB", "TB"};
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMaximumFractionDigits(unit == 0 || value >= 100 ? 0 : 1);
        return format.format(value) + (french ? "\u00a0" : " ") + units[unit];
    }
}
