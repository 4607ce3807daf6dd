package dev.paracite.assistant;

import java.util.List;

/** English list phrasing: "8", "8 and 9", "8, 9 and 12". */
public final class Lists {

    private Lists() {}

    public static String join(List<String> items) {
        if (items.size() <= 1) {
            return items.isEmpty() ? "" : items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }
}
