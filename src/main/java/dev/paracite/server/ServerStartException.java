package dev.paracite.server;

/** The server could not start; the message is one sentence for the person starting it. */
public final class ServerStartException extends RuntimeException {

    public ServerStartException(String message) {
        super(message);
    }
}
