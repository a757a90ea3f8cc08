package dev.meshgate.api;

import dev.meshgate.config.MeshgateConfig;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Lets a request to a {@link TokenRequired} endpoint through only with the API token as a bearer token; with no
 * token configured, only from loopback, so that the no-configuration start works on a laptop and refuses the network.
 */
@Singleton
public class ApiAccess {

    private static final String BEARER = "bearer ";

    // Filters are made while the application starts, before its configuration can be read: look it up at first use.
    private final Instance<MeshgateConfig> config;
    private volatile ApiToken token;

    ApiAccess(Instance<MeshgateConfig> config) {
        this.config = config;
    }

    private ApiToken token() {
        if (token == null) {
            MeshgateConfig settings = config.get();
            token = new ApiToken(settings.api().token(), settings.api().tokenFile());
        }
        return token;
    }

    @ServerRequestFilter
    @TokenRequired
    public Optional<Response> check(ContainerRequestContext context, HttpServerRequest request) {
        String header = context.getHeaderString(HttpHeaders.AUTHORIZATION);
        String presented = header != null && header.toLowerCase(Locale.ROOT).startsWith(BEARER)
                ? header.substring(BEARER.length())
                : null;
        return switch (token().check(presented)) {
            case VALID -> Optional.empty();
            case INVALID -> refuse(
                    401,
                    presented == null
                            ? "this endpoint needs the API token: send Authorization: Bearer <meshgate.api.token>"
                            : "the API token does not match");
            case UNREADABLE -> refuse(503, "the API token file cannot be read; nothing is let in until it can");
            case NOT_CONFIGURED -> Caller.isLoopback(request)
                    ? Optional.empty()
                    : refuse(
                            401,
                            "no API token is configured (meshgate.api.token or meshgate.api.token-file): only"
                                    + " requests from this machine are served");
        };
    }

    private static Optional<Response> refuse(int status, String reason) {
        Response.ResponseBuilder answer =
                Response.status(status).type(MediaType.APPLICATION_JSON).entity(Map.of("error", reason));
        if (status == 401) {
            answer.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"meshgate\"");
        }
        return Optional.of(answer.build());
    }
}
