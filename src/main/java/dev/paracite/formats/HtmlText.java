package dev.paracite.formats;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * An HTML page's text with jsoup: each block element becomes its own line with a blank line after it,
 * {@code <ol>} items are written "N. " (honouring {@code start} and {@code value}), {@code <h1>}..{@code <h6>}
 * become Markdown "#" lines, and scripts, styles and the head are dropped. jsoup's traversal is iterative,
 * so nesting depth costs no stack.
 */
final class HtmlText implements NodeFilter {

    private static final Set<String> DROPPED = Set.of("head", "script", "style", "noscript", "template", "svg",
            "iframe", "object", "canvas");
    private static final Set<String> BLOCKS = Set.of("p", "div", "li", "ol", "ul", "dl", "dt", "dd", "table",
            "tr", "td", "th", "blockquote", "pre", "section", "article", "header", "footer", "main", "aside",
            "nav", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "address", "figure", "figcaption", "form",
            "fieldset", "details", "summary", "caption", "body");

    private final BoundedText text;
    private final StringBuilder line = new StringBuilder();
    /** The next item number of each numbered list met so far. */
    private final Map<Element, int[]> lists = new IdentityHashMap<>();
    private String prefix = "";

    private HtmlText(String where) {
        this.text = new BoundedText(where);
    }

    static String extract(byte[] content, String where) {
        try {
            Element body = Jsoup.parse(new ByteArrayInputStream(content), null, "").body();
            HtmlText extraction = new HtmlText(where);
            NodeTraversor.filter(extraction, body);
            extraction.endLine();
            return extraction.text.toString();
        } catch (UnreadableFileException e) {
            throw e;
        } catch (IOException | RuntimeException | StackOverflowError e) {
            throw new UnreadableFileException(where + " is HTML that cannot be read.");
        }
    }

    @Override
    public FilterResult head(Node node, int depth) {
        if (node instanceof TextNode textNode) {
            line.append(textNode.text());
        } else if (node instanceof Element element) {
            String tag = element.normalName();
            if (DROPPED.contains(tag)) {
                return FilterResult.SKIP_ENTIRELY;
            }
            if (tag.equals("br")) {
                endLine();
            } else if (BLOCKS.contains(tag)) {
                endLine();
                open(element, tag);
            }
        }
        return FilterResult.CONTINUE;
    }

    @Override
    public FilterResult tail(Node node, int depth) {
        if (node instanceof Element element && BLOCKS.contains(element.normalName())) {
            endLine();
        }
        return FilterResult.CONTINUE;
    }

    private void open(Element element, String tag) {
        switch (tag) {
            case "li" -> prefix = item(element);
            case "h1", "h2", "h3", "h4", "h5", "h6" -> prefix = "#".repeat(tag.charAt(1) - '0') + " ";
            default -> { }
        }
    }

    private String item(Element li) {
        Element list = li.parent();
        if (list == null || !list.normalName().equals("ol")) {
            return "- ";
        }
        int[] next = lists.computeIfAbsent(list, ol -> new int[] {number(ol.attr("start"), 1)});
        next[0] = number(li.attr("value"), next[0]);
        return next[0]++ + ". ";
    }

    /** Writes the line gathered so far, if it has any text, with its prefix and a blank line after it. */
    private void endLine() {
        String written = line.toString().strip();
        line.setLength(0);
        if (!written.isEmpty()) {
            text.append(prefix).append(written);
            text.blankLine();
            prefix = "";
        }
    }

    private static int number(String attribute, int otherwise) {
        try {
            return attribute.isBlank() ? otherwise : Integer.parseInt(attribute.strip());
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }
}
