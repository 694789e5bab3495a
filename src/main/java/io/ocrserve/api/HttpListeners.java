package io.ocrserve.api;

import io.ocrserve.config.ServerConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * The management listener: a second Vert.x HTTP server on Quarkus' own router (the inference listener is
 * Quarkus' main server, metrics are on Quarkus' management interface). {@link RequestGuard} keeps each path
 * on its port.
 */
@ApplicationScoped
public class HttpListeners {
    private static final Logger LOG = Logger.getLogger(HttpListeners.class);

    @Inject
    Vertx vertx;

    @Inject
    ServerConfig config;

    @Inject
    RequestGuard guard;

    private HttpServer managementServer;
    private volatile int managementPort = -1;

    void init(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(guard);
        ServerConfig.Management m = config.management();
        HttpServerOptions options = new HttpServerOptions().setHost(m.host()).setPort(m.port())
                .setCompressionSupported(true);
        try {
            managementServer = vertx.createHttpServer(options).requestHandler(router).listen()
                    .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the management listener on " + m.host() + ":" + m.port()
                    + ": " + rootMessage(e), e);
        }
        managementPort = managementServer.actualPort();
        LOG.infof("Management API listening on http://%s:%d", m.host(), managementPort);
        if (config.auth().managementToken().isEmpty() && !isLoopback(m.host())) {
            LOG.warn("\n*****************************************************************************\n"
                    + "* The management API is bound to " + m.host() + " WITHOUT a token: anyone who can\n"
                    + "* reach it can register models and run jobs. Set ocrserve.auth.management-token\n"
                    + "* (or management_key / TS_MANAGEMENT_KEY) or bind it to 127.0.0.1.\n"
                    + "*****************************************************************************");
        }
    }

    void stop(@Observes ShutdownEvent event) {
        if (managementServer != null) {
            managementServer.close();
        }
    }

    /** True when the request arrived on the management listener. */
    public boolean isManagement(HttpServerRequest request) {
        return request.localAddress() != null && request.localAddress().port() == managementPort;
    }

    public int managementPort() {
        return managementPort;
    }

    static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (Exception e) {
            return false;
        }
    }

    private static String rootMessage(Throwable e) {
        while (e.getCause() != null) {
            e = e.getCause();
        }
        return e.toString();
    }
}
