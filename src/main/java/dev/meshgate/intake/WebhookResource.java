package dev.meshgate.intake;

import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
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
 * {@code POST /webhooks/{forge}}: one endpoint per forge. Pings, refusals and ignored events are answered on the I/O
 * thread the request arrived on; only deliveries with revisions to submit go to a worker thread, since the run queue
 * writes its store. The run itself happens later, on the queue's own workers. The body is read as raw bytes because
 * the signature covers them exactly.
 */
@Path("/webhooks/{forge}")
public class WebhookResource {

    @Inject
    WebhookIntake intake;

    @Inject
    DeliveryListener deliveries;

    @POST
    @NonBlocking
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> receive(@PathParam("forge") String forge, @Context HttpHeaders headers, byte[] body) {
        Map<String, String> firstValues = new HashMap<>();
        headers.getRequestHeaders().forEach((name, values) -> {
            if (!values.isEmpty()) {
                firstValues.put(name, values.get(0));
            }
        });
        WebhookIntake.Triage triage =
                intake.triage(forge, new WebhookRequest(firstValues, body == null ? new byte[0] : body));
        String label = intake.forgeLabel(forge);
        if (triage instanceof WebhookIntake.ToSubmit submission) {
            return Uni.createFrom()
                    .item(() -> response(label, intake.submit(submission)))
                    .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
        }
        return Uni.createFrom().item(response(label, ((WebhookIntake.Answered) triage).answer()));
    }

    private Response response(String forge, WebhookAnswer answer) {
        deliveries.answered(forge, DeliveryOutcome.of(answer));
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
