package dev.paracite.server;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own errors (a request line it cannot parse, a URI or headers too large) in the same JSON
 * shape as every other error on that path, instead of Jetty's HTML page; a request Jetty could not
 * parse has no path and gets the /api shape.
 */
final class JsonErrorHandler extends ErrorHandler {

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) throws IOException {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        if (code == 503 || code == 429) {
            response.getHeaders().put(HttpHeader.RETRY_AFTER, "1");
        }
        response.write(true, ByteBuffer.wrap(body(code, request.getHttpURI().getPath())), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(new HttpField(HttpHeader.CONTENT_TYPE, "application/json"));
        return ByteBuffer.wrap(body(status, ""));
    }

    private static byte[] body(int status, String path) {
        String code = switch (status) {
            case 414 -> "uri_too_long";
            case 431 -> "headers_too_large";
            case 413 -> "payload_too_large";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 503 -> "shutting_down";
            default -> status >= 500 ? "internal_error" : "bad_request";
        };
        String reason = HttpStatus.getMessage(status);
        String message = status == 503 ? "The server is shutting down; try again shortly."
                : status >= 500 ? "Something went wrong on our side." : "The request was refused: " + reason + ".";
        return Json.bytes(Errors.body(path == null ? "" : path, new ApiError(status, code, message)));
    }
}
