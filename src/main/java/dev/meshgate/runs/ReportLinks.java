package dev.meshgate.runs;

/** Where report pages are, for statuses and answers that link to them. */
public record ReportLinks(String publicUrl) {

    public ReportLinks {
        publicUrl = publicUrl.replaceAll("/+$", "");
    }

    public String reportUrl(String runId) {
        return publicUrl + "/runs/" + runId;
    }
}
