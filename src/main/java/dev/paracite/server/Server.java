package dev.paracite.server;

import dev.paracite.assistant.Assistant;
import dev.paracite.library.Library;
import dev.paracite.library.Progress;
import io.javalin.Javalin;
import io.javalin.http.HandlerType;
import io.javalin.http.staticfiles.Location;
import io.javalin.util.JavalinBindException;
import java.util.List;
import java.util.function.Supplier;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server: the ask API, the paragraph API, the library's document API, the OpenAI-compatible API,
 * the chat page and the metrics, on one host and port. It answers from one document, or from a library
 * whose documents are added and removed while it answers. Closing it stops taking requests, lets those in flight finish
 * (bounded), then stops Jetty.
 */
public final class Server implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Server.class);
    /** How long Jetty may take to stop once answers have drained and open streams were ended. */
    private static final long STOP_MILLIS = 2_000;
    /** Idle keep-alive connections are closed this soon once shutdown starts, so they do not hold it up. */
    private static final long IDLE_ON_SHUTDOWN_MILLIS = 200;

    private final Javalin app;
    private final Drain drain = new Drain();
    private final ServerSettings settings;
    private final Guard guard;
    private final Answering answering;
    private SlowClients slowClients;

    /** Served with every response: no inline script or style, no framing, nothing sent elsewhere. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private Server(Supplier<Assistant> assistants, Library library, ServerSettings settings, Monitoring monitoring,
                   Progress ingesting) {
        this.settings = settings;
        this.guard = new Guard(settings);
        this.answering = new Answering(assistants, guard);
        Assistant first = assistants.get();
        LibraryRoutes libraryRoutes = new LibraryRoutes(library);
        AskRoutes ask = new AskRoutes(answering, libraryRoutes::checkScope);
        ChatCompletions chat = new ChatCompletions(answering, System.currentTimeMillis() / 1000);
        DocumentRoutes docs = new DocumentRoutes(library == null ? first::document : () -> library.corpus().document(),
                library, first.modelName(), guard::answering, first);
        ApiDescription description = new ApiDescription();
        this.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            // Jetty finishes writing responses in flight before it stops (Drain has already let them finish).
            config.jetty.modifyServer(server -> {
                server.setStopTimeout(STOP_MILLIS);
                GracefulHandler graceful = new GracefulHandler();
                graceful.setShutdownIdleTimeout(IDLE_ON_SHUTDOWN_MILLIS);
                server.insertHandler(graceful);
                server.setErrorHandler(new JsonErrorHandler());
            });
            config.http.prefer405over404 = true;
            config.http.maxRequestSize = AskRequests.MAX_BODY;
            config.staticFiles.add(files -> {
                files.hostedPath = "/";
                files.directory = "/web";
                files.location = Location.CLASSPATH;
            });
            // every response carries the id its access-log line (and any error's) shows
            config.routes.before(Errors::requestId);
            config.routes.before(Server::securityHeaders);
            monitoring.install(config, guard, settings.logQuestions());
            // requests the guard refuses or answers itself (401, 429, OPTIONS) are never counted in flight
            for (String api : List.of("/api/*", "/v1/*")) {
                config.routes.before(api, guard::check);
                config.routes.before(api, drain::enter);
                config.routes.after(api, drain::leave);
            }
            // browsers ask for it whatever the page says; the page's icon is an SVG
            config.routes.get("/favicon.ico", ctx -> ctx.redirect("/favicon.svg", io.javalin.http.HttpStatus.MOVED_PERMANENTLY));
            config.routes.post("/api/ask", ask::ask);
            config.routes.post("/api/ask/stream", ask::stream);
            config.routes.post("/v1/chat/completions", chat::complete);
            // HEAD runs the GET handler; Jetty sends its headers without the body
            for (HandlerType type : List.of(HandlerType.GET, HandlerType.HEAD)) {
                config.routes.addHttpHandler(type, "/api/paragraphs", docs::paragraphs);
                config.routes.addHttpHandler(type, "/api/paragraphs/{label}", docs::paragraph);
                config.routes.addHttpHandler(type, "/api/document", docs::document);
                config.routes.addHttpHandler(type, "/api/health", docs::health);
                config.routes.addHttpHandler(type, ApiDescription.PATH, description::serve);
                config.routes.addHttpHandler(type, "/v1/models", chat::models);
                config.routes.addHttpHandler(type, "/v1/models/{model}", chat::model);
            }
            libraryRoutes.install(config, ingesting);
            Errors.install(config);
        });
    }

    /**
     * Starts on {@code host}:{@code port} (0 picks a free port).
     *
     * @throws ServerStartException with one sentence when the port is taken or the host unknown
     */
    public static Server start(Assistant assistant, String host, int port) {
        return start(assistant, host, port, ServerSettings.defaults());
    }

    public static Server start(Assistant assistant, String host, int port, ServerSettings settings) {
        return start(assistant, host, port, settings, Monitoring.NONE);
    }

    /** The same, telling {@code monitoring} of every request. */
    public static Server start(Assistant assistant, String host, int port, ServerSettings settings,
                               Monitoring monitoring) {
        return start(() -> assistant, null, host, port, settings, monitoring);
    }

    /**
     * Serves {@code library} (null: the one document of the assistants), asking {@code assistants} for the
     * assistant once per question, so that each question is answered over the library as it is then.
     */
    public static Server start(Supplier<Assistant> assistants, Library library, String host, int port,
                               ServerSettings settings, Monitoring monitoring) {
        return start(assistants, library, host, port, settings, monitoring, Progress.NONE);
    }

    /** The same, telling {@code ingesting} how far each upload's indexing has got (tests hold an upload with it). */
    static Server start(Supplier<Assistant> assistants, Library library, String host, int port, ServerSettings settings,
                        Monitoring monitoring, Progress ingesting) {
        Server server = new Server(assistants, library, settings, monitoring, ingesting);
        try {
            server.app.start(host, port);
        } catch (JavalinBindException e) {
            server.app.stop();
            throw new ServerStartException("Port " + port + " on " + host + " is already in use; choose another with --port.");
        } catch (RuntimeException e) {
            server.app.stop();
            throw new ServerStartException("Cannot listen on " + host + ":" + port + ": " + rootMessage(e) + ".");
        }
        server.slowClients = SlowClients.watch(server.app.jettyServer().server().getConnectors()[0],
                settings.requestRead());
        String from = library == null ? "\"" + assistants.get().document().name() + "\""
                : "the library in " + library.directory() + " (" + library.documents().size() + " documents)";
        LOG.info("Paracite is answering from {} with the {} model at http://{}:{}/", from, assistants.get().modelName(),
                host.contains(":") ? "[" + host + "]" : host, server.port());
        if (monitoring.metrics() != RequestMetrics.NONE) {
            LOG.info("Metrics at /metrics {}", settings.metricsKey() != null ? "need the metrics key"
                    : settings.accessKeys().isEmpty() ? "are open to anyone who can reach this address" : "need an access key");
        }
        if (settings.accessKeys().isEmpty()) {
            LOG.info("Access keys are off: anyone who can reach this address may use the API");
        } else {
            LOG.info("Access keys are on: {} key(s); /api/* and /v1/* need Authorization: Bearer <key>, {} excepted",
                    settings.accessKeys().size(), String.join(" and ", Guard.OPEN));
        }
        return server;
    }

    private static void securityHeaders(io.javalin.http.Context ctx) {
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "no-referrer");
    }

    /**
     * Every route the router holds, as {@code "GET /api/health"} (before and after filters left out):
     * what the API description must cover. Read from the router itself, so no route can be missed.
     */
    List<String> routes() {
        return app.unsafe.internalRouter.allHttpHandlers().stream().map(parsed -> parsed.endpoint)
                .filter(endpoint -> endpoint.method.isHttpMethod())
                .map(endpoint -> endpoint.method.name() + " " + endpoint.path).toList();
    }

    /** For tests: the Jetty handler chain starts with the graceful handler. */
    boolean graceful() {
        return app.jettyServer().server().getHandler() instanceof GracefulHandler;
    }

    public int port() {
        return app.port();
    }

    /** Requests counted in flight and answering places held: both 0 when the server is idle. */
    int inFlight() {
        return drain.inFlight() + guard.answering();
    }

    @Override
    public void close() {
        stop();
    }

    /**
     * Stops taking requests (new ones get 503 {@code shutting_down}), lets those in flight finish for
     * the drain time, then ends each stream still open with an {@code error} event
     * {@code shutting_down}, and stops Jetty.
     *
     * @return true when every request finished within the drain time
     */
    public boolean stop() {
        boolean drained = false;
        try {
            drained = drain.await(settings.drain().toMillis());
            if (!drained) {
                int ended = answering.endStreams(new ApiError(503, "shutting_down",
                        "The server is shutting down; the answer was stopped. Ask again shortly."));
                LOG.warn("{} request(s) still in flight after {} ms; ended {} open stream(s)", drain.inFlight(),
                        settings.drain().toMillis(), ended);
                drain.await(STOP_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (slowClients != null) {
                slowClients.close();
            }
            try {
                app.stop();
                LOG.info("Paracite stopped");
            } catch (RuntimeException e) {
                LOG.warn("Paracite stopped with requests still open after {} ms", STOP_MILLIS);
                drained = false;
            }
        }
        return drained;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
