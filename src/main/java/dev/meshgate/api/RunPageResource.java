package dev.meshgate.api;

import dev.meshgate.report.HtmlReportPage;
import dev.meshgate.runs.Run;
import dev.meshgate.runs.RunStore;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** {@code GET /runs/{id}}: the report page a commit status links to. */
@Path("/runs")
public class RunPageResource {

    @Inject
    RunStore store;

    @GET
    @Path("/{id}")
    @Produces(MediaType.TEXT_HTML)
    public Response page(@PathParam("id") String id) {
        return store.get(id)
                .map(run -> Response.ok(new HtmlReportPage().render(header(run), run.report())))
                .orElseGet(() -> Response.status(Response.Status.NOT_FOUND)
                        .entity("<!DOCTYPE html><title>No such run</title><p>meshgate has no run " + escapeId(id)
                                + ".</p>"))
                .type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8"))
                .build();
    }

    public static HtmlReportPage.Header header(Run run) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("Repository", run.revision().repository());
        if (run.revision().isChangeRequest()) {
            facts.put(
                    "Change request",
                    "#" + run.revision().changeRequest() + " into "
                            + run.revision().targetBranch());
        }
        if (run.revision().ref() != null) {
            facts.put("Ref", run.revision().ref());
        }
        facts.put("Commit", run.sha());
        facts.put(
                "Source", run.revision().forge().name().toLowerCase(Locale.ROOT).replace('_', ' '));
        facts.put("Accepted", String.valueOf(run.acceptedAt()));
        if (run.finishedAt() != null) {
            facts.put("Finished", String.valueOf(run.finishedAt()));
        }
        facts.put("Run", run.id());
        return new HtmlReportPage.Header(
                "meshgate run " + Run.abbreviate(run.sha()),
                run.state().name().toLowerCase(Locale.ROOT),
                run.description(),
                run.state().isFinal(),
                facts,
                run.notes());
    }

    private static String escapeId(String id) {
        return id.replaceAll("[^A-Za-z0-9-]", "?");
    }
}
