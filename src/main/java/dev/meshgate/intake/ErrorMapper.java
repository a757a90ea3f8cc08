package dev.meshgate.intake;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;

/** Gives every refused request a JSON body with the reason, not just a status line. */
@Provider
public class ErrorMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException exception) {
        int status = exception.getResponse().getStatus();
        String reason = exception.getMessage() == null
                ? Response.Status.fromStatusCode(status).getReasonPhrase()
                : exception.getMessage();
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON)
                .entity(Map.of("error", reason))
                .build();
    }
}
