package dev.meshgate.report;

import dev.meshgate.analysis.Finding;
import dev.meshgate.analysis.ResourceRef;
import dev.meshgate.manifest.Origin;
import java.util.List;

/**
 * Everything a formatter prints: the findings users see (after suppressions and overrides), the analysed resources,
 * and the summary with the verdict.
 */
public record Report(List<Finding> findings, List<Analysed> resources, Summary summary) {

    /** One analysed resource and where it starts, for formats that list what passed (JUnit). */
    public record Analysed(ResourceRef resource, Origin origin) {}
}
