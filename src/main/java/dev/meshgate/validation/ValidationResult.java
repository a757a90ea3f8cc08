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
 * @param elsewhere applications the repository declares whose source is not in it, not analysed
 * @param unincluded manifest files that no declared application includes, not analysed
 * @param renderCache what the render cache served and rendered, when one was used
 */
public record ValidationResult(
        Report report,
        List<Source> applications,
        List<String> notes,
        Optional<String> clusterUnavailable,
        List<String> elsewhere,
        List<String> unincluded,
        Optional<dev.meshgate.render.RenderCache.Stats> renderCache) {

    private static final int NAMED = 5;

    public ValidationResult {
        applications = List.copyOf(applications);
        notes = List.copyOf(notes);
        elsewhere = List.copyOf(elsewhere);
        unincluded = List.copyOf(unincluded);
        renderCache = renderCache == null ? Optional.empty() : renderCache;
    }

    /** What the render cache did, one line: how many applications it served and how many were rendered. */
    public Optional<String> renderCacheLine() {
        return renderCache.map(ValidationResult::cacheLine);
    }

    static String cacheLine(dev.meshgate.render.RenderCache.Stats stats) {
        return "render cache: " + stats.hits() + " application(s) from the cache, " + stats.misses() + " rendered"
                + (stats.ignored() > 0 ? " (" + stats.ignored() + " unreadable entries ignored)" : "");
    }

    /** What was not analysed, in numbers and with the first few named: empty when everything was. */
    public List<String> coverage() {
        return coverage(elsewhere, unincluded);
    }

    /** The coverage lines for what was declared elsewhere and what no application includes. */
    static List<String> coverage(List<String> elsewhere, List<String> unincluded) {
        List<String> lines = new java.util.ArrayList<>();
        if (!elsewhere.isEmpty()) {
            boolean one = elsewhere.size() == 1;
            lines.add(count(elsewhere.size(), "application") + (one ? " deploys" : " deploy")
                    + " from elsewhere (another repository, a Helm repository) and " + (one ? "was" : "were")
                    + " not analysed: " + named(elsewhere));
        }
        if (!unincluded.isEmpty()) {
            boolean one = unincluded.size() == 1;
            lines.add(count(unincluded.size(), "manifest file") + (one ? " belongs" : " belong")
                    + " to no application and " + (one ? "was" : "were") + " not analysed (name "
                    + (one ? "its folder" : "their folders") + " under applications: in .meshgate.yaml to add them): "
                    + named(unincluded));
        }
        return lines;
    }

    private static String count(int count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }

    private static String named(List<String> items) {
        String first = String.join(", ", items.subList(0, Math.min(NAMED, items.size())));
        return items.size() > NAMED ? first + " and " + (items.size() - NAMED) + " more" : first;
    }

    /** False when the input was plain files only: nothing declared applications and nothing needed rendering. */
    public boolean renderedApplications() {
        return rendersApplications(applications);
    }

    /** Whether these applications are more than the plain files of the input. */
    static boolean rendersApplications(List<Source> applications) {
        return applications.size() > 1
                || (applications.size() == 1
                        && (applications.get(0).declaredBy() != null
                                || applications.get(0).type() != SourceType.DIRECTORY));
    }
}
