package dev.paracite.server;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code GET /api/openapi.json}: the API's OpenAPI 3.1 description, a resource in the jar read once.
 * Hand-written rather than generated, so that it can say what the records cannot (error codes per
 * status, the stream's events); OpenApiContractTest holds it to the server's real responses.
 */
final class ApiDescription {

    static final String PATH = "/api/openapi.json";
    private static final String RESOURCE = "/openapi.json";

    private final byte[] json;

    ApiDescription() {
        try (InputStream in = ApiDescription.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            this.json = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void serve(Context ctx) {
        ctx.contentType("application/json").result(json);
    }
}
