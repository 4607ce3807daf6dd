package dev.paracite.server;

/** Where the server reports each request it served, and the metrics it serves at {@code GET /metrics}. */
public interface RequestMetrics {

    /** Records nothing; a server given it has no {@code /metrics}. */
    RequestMetrics NONE = new RequestMetrics() {
        @Override
        public void served(String method, String route, int status, long nanos) {
        }

        @Override
        public String scrape() {
            return "";
        }
    };

    /**
     * One request ended, {@code nanos} after it arrived: {@code route} is the template it matched
     * ({@code /api/paragraphs/{label}}), {@link RequestLog#STATIC} or {@link RequestLog#UNMATCHED}, never
     * the raw path, so that the routes stay few.
     */
    void served(String method, String route, int status, long nanos);

    /** Every metric, in the Prometheus text format (version 0.0.4). */
    String scrape();
}
