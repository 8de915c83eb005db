package fr.preau.mail.internal.mime;

import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * HTML mail bodies as plain text for the list preview, the search index and clients that ask
 * for text: parsed with jsoup, scripts, styles and the head left out, block elements and
 * {@code <br>} turned into line breaks, list items into dashes, whitespace collapsed except in
 * {@code <pre>}; only the first {@value #MAX_HTML} characters of a huge body are converted.
 */
final class HtmlToText {

    private static final Set<String> SKIP = Set.of("script", "style", "head", "title", "template", "noscript",
            "object", "embed", "svg", "math", "iframe", "select", "option", "button", "meta", "link", "xml");
    private static final Set<String> PARAGRAPH = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol",
            "dl", "blockquote", "pre", "form", "fieldset", "address", "figure", "hr");
    private static final Set<String> BLOCK = Set.of("div", "li", "tr", "dt", "dd", "section", "article", "header",
            "footer", "nav", "aside", "main", "center", "caption", "tbody", "thead", "tfoot", "legend", "details",
            "summary", "figcaption", "body", "html");

    /** HTML beyond this is not converted: the text is for previews and the search index. */
    static final int MAX_HTML = 1 << 20;

    private HtmlToText() {}

    static String convert(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        Document document = Jsoup.parse(html.length() > MAX_HTML ? html.substring(0, MAX_HTML) : html);
        StringBuilder out = new StringBuilder(Math.min(html.length(), 1 << 20));
        Node root = document.body() != null ? document.body() : document;
        NodeTraversor.filter(new Visitor(out), root);
        return PlainText.tidy(out);
    }

    private static final class Visitor implements NodeFilter {
        private final StringBuilder out;
        private int pre;

        Visitor(StringBuilder out) {
            this.out = out;
        }

        @Override
        public FilterResult head(Node node, int depth) {
            if (node instanceof TextNode text) {
                if (pre > 0) {
                    out.append(text.getWholeText());
                } else {
                    appendCollapsed(text.getWholeText());
                }
            } else if (node instanceof Element element) {
                String name = element.normalName();
                if (SKIP.contains(name)) {
                    return FilterResult.SKIP_ENTIRELY;
                }
                if (name.equals("br")) {
                    out.append('\n');
                } else if (PARAGRAPH.contains(name)) {
                    breakLines(2);
                } else if (BLOCK.contains(name)) {
                    breakLines(1);
                }
                if (name.equals("li")) {
                    out.append("- ");
                } else if ((name.equals("td") || name.equals("th")) && element.elementSiblingIndex() > 0) {
                    out.append(' ');
                } else if (name.equals("pre")) {
                    pre++;
                }
            }
            return FilterResult.CONTINUE;
        }

        @Override
        public FilterResult tail(Node node, int depth) {
            if (node instanceof Element element) {
                String name = element.normalName();
                if (name.equals("pre")) {
                    pre--;
                }
                if (PARAGRAPH.contains(name)) {
                    breakLines(2);
                } else if (BLOCK.contains(name)) {
                    breakLines(1);
                }
            }
            return FilterResult.CONTINUE;
        }

        private void appendCollapsed(String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
                    int len = out.length();
                    if (len > 0 && out.charAt(len - 1) != ' ' && out.charAt(len - 1) != '\n') {
                        out.append(' ');
                    }
                } else {
                    out.append(c);
                }
            }
        }

        private void breakLines(int count) {
            int len = out.length();
            while (len > 0 && out.charAt(len - 1) == ' ') {
                len--;
            }
            out.setLength(len);
            if (len == 0) {
                return;
            }
            int have = 0;
            for (int i = len - 1; i >= 0 && out.charAt(i) == '\n' && have < count; i--) {
                have++;
            }
            for (int i = have; i < count; i++) {
                out.append('\n');
            }
        }
    }
}
