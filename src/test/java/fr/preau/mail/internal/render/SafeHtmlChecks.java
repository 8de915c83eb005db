package fr.preau.mail.internal.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;

/** What must never be in a sanitised body, checked on the output parsed as a browser would. */
final class SafeHtmlChecks {

    static final Set<String> FORBIDDEN = Set.of("script", "iframe", "frame", "frameset", "object", "embed", "applet",
            "form", "input", "button", "textarea", "select", "base", "meta", "link", "style", "svg", "math",
            "template", "noscript", "video", "audio", "source", "portal");
    private static final Set<String> URL_ATTRIBUTES = Set.of("href", "src", "background", "action", "formaction",
            "poster", "srcset", "xlink:href", "data", "codebase", "cite", "longdesc", "lowsrc", "dynsrc");

    private SafeHtmlChecks() {}

    /** The problems found (empty when the fragment is safe). */
    static List<String> violations(String html, boolean remoteAllowed) {
        List<String> out = new ArrayList<>();
        if (html.toLowerCase(Locale.ROOT).contains("<script")) {
            out.add("<script in the text");
        }
        for (Element e : Jsoup.parseBodyFragment(html).body().getAllElements()) {
            if (FORBIDDEN.contains(e.normalName())) {
                out.add("element " + e.normalName());
            }
            for (Attribute a : e.attributes()) {
                String name = a.getKey().toLowerCase(Locale.ROOT);
                String value = UrlRules.clean(a.getValue()).toLowerCase(Locale.ROOT);
                if (name.startsWith("on")) {
                    out.add("event handler " + name + " on " + e.normalName());
                }
                if (URL_ATTRIBUTES.contains(name) || name.equals("style")) {
                    if (value.contains("javascript:") || value.contains("vbscript:") || value.contains("data:text")
                            || value.contains("livescript:")) {
                        out.add("script URL in " + name + ": " + value);
                    }
                    if (name.equals("style") && (value.contains("expression(") || value.contains("behavior")
                            || value.contains("-moz-binding"))) {
                        out.add("script in style: " + value);
                    }
                    boolean resource = !name.equals("href");
                    if (resource && !remoteAllowed && (value.contains("http:") || value.contains("https:")
                            || value.contains("//") && !value.startsWith("data:"))) {
                        out.add("remote URL in " + name + ": " + value);
                    }
                    if (name.equals("href") && !(value.startsWith("http:") || value.startsWith("https:")
                            || value.startsWith("mailto:"))) {
                        out.add("link scheme: " + value);
                    }
                }
                if (Set.of("action", "formaction", "srcset", "xlink:href", "data", "codebase", "poster").contains(name)) {
                    out.add("attribute " + name);
                }
            }
        }
        return out;
    }
}
