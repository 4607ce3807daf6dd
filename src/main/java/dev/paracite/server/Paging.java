package dev.paracite.server;

import io.javalin.http.Context;
import java.util.List;

/**
 * The {@code limit} and {@code cursor} every paragraph listing takes, and the page it answers:
 * {@code {"paragraphs": [...], "next": cursor or null}}. A cursor is opaque to clients; here, over one
 * document held in memory, it is the position of the next paragraph.
 */
final class Paging {

    /** A page of a few screens' worth; the whole built-in document is about 60 paragraphs. */
    static final int DEFAULT_LIMIT = 100;
    /** Bounds one response to about a megabyte of paragraph text. */
    static final int MAX_LIMIT = 1_000;

    /** One page: the paragraphs and the cursor of the next page, null at the end. */
    record Page<T>(List<T> paragraphs, String next) {}

    private Paging() {}

    /** {@code ?limit=}, or the default; 400 {@code invalid_limit} unless a whole number from 1 to the maximum. */
    static int limit(Context ctx) {
        String limit = ctx.queryParam("limit");
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        if (!limit.matches("[0-9]{1,4}") || Integer.parseInt(limit) < 1 || Integer.parseInt(limit) > MAX_LIMIT) {
            throw ApiError.badRequest("invalid_limit", "limit must be a whole number from 1 to " + MAX_LIMIT + ".");
        }
        return Integer.parseInt(limit);
    }

    /** {@code ?cursor=}, null when absent; 400 {@code invalid_cursor} when empty. */
    static String cursor(Context ctx) {
        String cursor = ctx.queryParam("cursor");
        if (cursor != null && cursor.isEmpty()) {
            throw invalidCursor();
        }
        return cursor;
    }

    /** The page of {@code all} that {@code ctx}'s limit and cursor (a position given by an earlier page) ask for. */
    static <T> Page<T> of(Context ctx, List<T> all) {
        int limit = limit(ctx);
        String cursor = cursor(ctx);
        int from = 0;
        if (cursor != null) {
            if (!cursor.matches("[0-9]{1,9}") || Integer.parseInt(cursor) < 1 || Integer.parseInt(cursor) >= all.size()) {
                throw invalidCursor();
            }
            from = Integer.parseInt(cursor);
        }
        int to = Math.min(all.size(), from + limit);
        return new Page<>(all.subList(from, to), to < all.size() ? Integer.toString(to) : null);
    }

    static ApiError invalidCursor() {
        return ApiError.badRequest("invalid_cursor", "The cursor is not one a page of this listing gave; "
                + "start again without a cursor.");
    }
}
