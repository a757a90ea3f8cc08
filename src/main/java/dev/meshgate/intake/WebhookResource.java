package dev.meshgate.intake;

import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code POST /webhooks/{forge}}: one endpoint per forge. It answers at once; the run happens on worker threads. The
 * body is read as raw bytes because the signature covers them exactly.
 */
@Path("/webhooks/{forge}")
public class WebhookResource {

    @Inject
    WebhookIntake intake;

    @Inject
    DeliveryListener deliveries;

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Response receive(@PathParam("forge") String forge, @Context HttpHeaders headers, byte[] body) {
        Map<String, String> firstValues = new HashMap<>();
        headers.getRequestHeaders().forEach((name, values) -> {
            if (!values.isEmpty()) {
                firstValues.put(name, values.get(0));
            }
        });
        WebhookAnswer answer =
                intake.receive(forge, new WebhookRequest(firstValues, body == null ? new byte[0] : body));
        deliveries.answered(intake.forgeLabel(forge), DeliveryOutcome.of(answer));
        Response.ResponseBuilder response = Response.status(answer.status()).entity(answer.body());
        if (answer.location() != null) {
            response.location(URI.create(answer.location()));
        }
        if (answer.retryAfter() != null) {
            response.header("Retry-After", Math.max(1, answer.retryAfter().toSeconds()));
        }
        return response.build();
    }
}
