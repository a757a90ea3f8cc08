package dev.meshgate.analysis;

import dev.meshgate.manifest.LoadProblem;
import dev.meshgate.manifest.Origin;
import dev.meshgate.manifest.Resource;
import dev.meshgate.manifest.ResourceKind;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** The narrow view a rule gets: the index, the settings, and a way to report findings. */
public final class Context {

    private final Index index;
    private final List<LoadProblem> loadProblems;
    private final List<Finding> findings = new ArrayList<>();

    public Context(Index index, List<LoadProblem> loadProblems) {
        this.index = index;
        this.loadProblems = List.copyOf(loadProblems);
    }

    /** What kept parts of the input from being read (malformed YAML, limits, documents that are not objects). */
    public List<LoadProblem> loadProblems() {
        return loadProblems;
    }

    public Index index() {
        return index;
    }

    public AnalysisSettings settings() {
        return index.settings();
    }

    /** Runs the action on every resource of the kind. */
    public void forEach(ResourceKind kind, Consumer<Resource> action) {
        index.ofKind(kind).forEach(action);
    }

    /** Reports a finding about a resource at the field the JSON pointer names (or its closest written ancestor). */
    public void report(Message message, Resource resource, String pointer, Object... args) {
        findings.add(new Finding(
                message, message.severity(), message.format(args), ResourceRef.of(resource), resource.origin(pointer)));
    }

    /** Reports a finding that belongs to a file rather than a resource (e.g. a YAML syntax error). */
    public void reportAt(Message message, Origin origin, Object... args) {
        findings.add(new Finding(message, message.severity(), message.format(args), null, origin));
    }

    /** The findings reported so far, in report order. */
    public List<Finding> findings() {
        return findings;
    }
}
