package dev.meshgate.validation;

import dev.meshgate.render.Source;
import dev.meshgate.render.SourceType;
import dev.meshgate.report.Report;
import java.util.List;
import java.util.Optional;

/**
 * What one validation found and how it got there.
 *
 * @param report the findings users see, the resources analysed and the verdict
 * @param applications the applications rendered, in the order they were found
 * @param notes what a reader should know besides the findings (which applications were rendered, what references
 *     could not be checked against a cluster)
 * @param clusterUnavailable why the cluster or inventory could not be read, when it could not; references were then
 *     checked against the repository only
 */
public record ValidationResult(
        Report report, List<Source> applications, List<String> notes, Optional<String> clusterUnavailable) {

    public ValidationResult {
        applications = List.copyOf(applications);
        notes = List.copyOf(notes);
    }

    /** False when the input was plain files only: nothing declared applications and nothing needed rendering. */
    public boolean renderedApplications() {
        return applications.size() > 1
                || (applications.size() == 1
                        && (applications.get(0).declaredBy() != null
                                || applications.get(0).type() != SourceType.DIRECTORY));
    }
}
