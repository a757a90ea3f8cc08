package dev.meshgate.api;

import dev.meshgate.analysis.policy.FailOn;
import dev.meshgate.report.JsonFormatter;
import dev.meshgate.report.Report;
import dev.meshgate.validation.RepositoryValidation;
import dev.meshgate.validation.ValidationOptions;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.StringWriter;
import java.util.Locale;

/** {@code POST /api/v1/validate}: validates the YAML or JSON manifests in the request body, for trying meshgate out. */
@Path("/api/v1/validate")
public class ValidateResource {

    /** Request bodies above this size are refused before parsing. */
    static final int MAX_BODY_CHARS = 4 * 1024 * 1024;

    @POST
    @Blocking
    @Consumes({"application/yaml", "application/x-yaml", "text/yaml", MediaType.TEXT_PLAIN, MediaType.APPLICATION_JSON})
    @Produces(MediaType.APPLICATION_JSON)
    public String validate(
            String body,
            @QueryParam("failOn") @DefaultValue("error") String failOn,
            @QueryParam("namespace") String namespace)
            throws IOException {
        if (body == null || body.isBlank()) {
            throw new BadRequestException("the request body must hold YAML or JSON manifests");
        }
        if (body.length() > MAX_BODY_CHARS) {
            throw new BadRequestException("the request body is over " + MAX_BODY_CHARS + " characters");
        }
        ValidationOptions options = ValidationOptions.defaults().failingOn(level(failOn));
        if (namespace != null && !namespace.isBlank()) {
            options = options.withNamespace(namespace);
        }
        Report report = RepositoryValidation.validateText("request.yaml", body, options);
        StringWriter out = new StringWriter();
        new JsonFormatter().write(report, out);
        return out.toString();
    }

    private static FailOn level(String text) {
        try {
            return FailOn.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("failOn must be error, warning or never, not '" + text + "'");
        }
    }
}
