package fr.preau.directory.web;

import fr.preau.directory.DirectoryQuery;
import fr.preau.identity.Role;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The search form as submitted (every field a GET parameter, so that a search is a link):
 * unreadable values are ignored rather than refused.
 */
public record SearchForm(String name, Long establishment, Long department, Role role, int page) {

    public static SearchForm read(String name, String establishment, String department, String role, String page) {
        String text = name == null ? "" : name.strip();
        if (text.length() > 100) {
            text = text.substring(0, 100);
        }
        Integer number = number(page) == null ? null : number(page).intValue();
        return new SearchForm(text, number(establishment), number(department), role(role),
                number == null || number < 1 ? 1 : Math.min(number, 100_000));
    }

    public DirectoryQuery query() {
        return new DirectoryQuery(name, establishment, department, role);
    }

    public boolean selected(Long value, long id) {
        return value != null && value == id;
    }

    /** The search page at another page number, with the same criteria. */
    public String pageUrl(DirectoryInterface ui, int number) {
        List<String> params = new ArrayList<>();
        add(params, "name", name.isEmpty() ? null : name);
        add(params, "department", department == null ? null : department.toString());
        add(params, "establishment", establishment == null ? null : establishment.toString());
        add(params, "role", role == null ? null : role.name());
        add(params, "page", number > 1 ? Integer.toString(number) : null);
        return ui.searchUrl() + (params.isEmpty() ? "" : "?" + String.join("&", params));
    }

    private static void add(List<String> params, String name, String value) {
        if (value != null) {
            params.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }

    private static Long number(String value) {
        if (value == null || value.isBlank() || value.length() > 18) {
            return null;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Role role(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Role.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
