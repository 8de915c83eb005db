package fr.preau.mail.internal.render;

import java.util.List;
import java.util.function.Function;
import org.owasp.html.AttributePolicy;
import org.owasp.html.CssSchema;
import org.owasp.html.ElementPolicy;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * The HTML body of a mail made safe to show (ADR 0018): an allowlist of formatting, list,
 * table and heading elements, images and links, inline styles through OWASP's CSS allowlist;
 * everything else removed (scripts, event handlers, frames, objects, forms, {@code base},
 * {@code meta}, {@code link}, {@code style}...). URLs follow {@link UrlRules}; links open in
 * a new window without referrer or opener. The result is a fragment for a sandboxed iframe.
 * Thread-safe: the policy is built once (about 1 ms); the rules of the message being
 * sanitised (its {@code cid:} map, the remote switch) reach it through a thread-local.
 */
public final class HtmlBodySanitizer {

    /**
     * @param html the sanitised fragment
     * @param remoteBlocked whether remote images or CSS {@code url()}s were removed
     */
    public record Result(String html, boolean remoteBlocked) {}

    private static final String[] TEXT = {"a", "abbr", "acronym", "address", "article", "aside", "b", "bdi", "bdo",
        "big", "blockquote", "br", "caption", "center", "cite", "code", "col", "colgroup", "dd", "del", "details",
        "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "font", "footer", "h1", "h2", "h3", "h4", "h5", "h6",
        "header", "hr", "i", "img", "ins", "kbd", "li", "main", "mark", "ol", "p", "pre", "q", "s", "samp",
        "section", "small", "span", "strike", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot",
        "th", "thead", "tr", "tt", "u", "ul", "var", "wbr"};
    private static final String[] TABLE = {"table", "tbody", "thead", "tfoot", "tr", "td", "th", "col", "colgroup"};
    private static final List<String> LINK_EXTRAS = List.of("target", "_blank");

    private static final ThreadLocal<UrlRules> RULES = new ThreadLocal<>();
    private static final PolicyFactory POLICY = policy();

    private HtmlBodySanitizer() {}

    /**
     * @param cidToUrl the URL of the part with that Content-ID, or null when there is none
     * @param allowRemote whether remote (http, https) images and CSS URLs are kept
     */
    public static Result sanitize(String html, Function<String, String> cidToUrl, boolean allowRemote) {
        if (html == null || html.isEmpty()) {
            return new Result("", false);
        }
        UrlRules rules = new UrlRules(cidToUrl, allowRemote);
        RULES.set(rules);
        try {
            String out = POLICY.sanitize(html);
            return new Result(out, rules.remoteBlocked());
        } finally {
            RULES.remove();
        }
    }

    private static PolicyFactory policy() {
        AttributePolicy link = (element, attribute, value) -> RULES.get().link(value);
        AttributePolicy image = (element, attribute, value) -> RULES.get().image(value);
        ElementPolicy anchor = (element, attributes) -> {
            if (hasAttribute(attributes, "href")) {
                attributes.addAll(LINK_EXTRAS);
            }
            return element;
        };
        return new HtmlPolicyBuilder()
                .allowElements(TEXT)
                .allowElements(anchor, "a")
                .disallowTextIn("title")
                .allowUrlProtocols("http", "https", "mailto", "cid", "data")
                .allowAttributes("href").matching(link).onElements("a")
                .allowAttributes("src").matching(image).onElements("img")
                .allowAttributes("background").matching(image).onElements("table", "td", "th", "tr")
                .allowAttributes("alt", "width", "height", "border", "hspace", "vspace").onElements("img")
                .allowAttributes("title", "dir", "lang", "align", "valign").globally()
                .allowAttributes("width", "height", "bgcolor", "border", "cellpadding", "cellspacing", "colspan",
                        "rowspan", "span", "nowrap").onElements(TABLE)
                .allowAttributes("color", "face", "size").onElements("font")
                .allowAttributes("start", "type", "reversed").onElements("ol")
                .allowAttributes("type").onElements("ul", "li")
                .allowAttributes("open").onElements("details")
                .allowStyling(CssSchema.DEFAULT)
                .allowUrlsInStyles(image)
                .requireRelsOnLinks("noopener", "noreferrer", "nofollow")
                .toFactory();
    }

    private static boolean hasAttribute(List<String> attributes, String name) {
        for (int i = 0; i < attributes.size(); i += 2) {
            if (attributes.get(i).equals(name)) {
                return true;
            }
        }
        return false;
    }
}
