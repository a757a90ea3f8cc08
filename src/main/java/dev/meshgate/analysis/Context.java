package dev.meshgate.analysis;

import dev.meshgate.analysis.crd.CrdCatalog;
import dev.meshgate.manifest.LoadProblem;
import dev.meshgate.manifest.Origin;
import dev.meshgate.manifest.Resource;
import dev.meshgate.manifest.ResourceKind;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

/**
 * The narrow view one rule gets: the index, the settings, and a way to report findings. It reads only the kinds the
 * rule declares in {@link RuleInfo#inputs}; any other read throws an IllegalStateException naming the rule and kind.
 */
public final class Context {

    private final Rule rule;
    private final DeclaredInputs inputs;
    private final boolean reportsReferences;
    private final Index index;
    private final List<LoadProblem> loadProblems;
    private final List<Finding> findings;
    private final List<MissingReference> missing;
    private final RuleReport report;
    private final CrdCatalog crds;

    /** The context of the report's rule; the index, the load problems and the CRDs are shared by every rule. */
    Context(RuleReport report, Index index, List<LoadProblem> loadProblems, CrdCatalog crds) {
        Rule rule = report.rule();
        this.rule = rule;
        RuleInfo info = rule.info();
        this.inputs = DeclaredInputs.of(info);
        this.reportsReferences = info.reportsReferences();
        this.index = index.readBy(inputs);
        this.loadProblems = loadProblems;
        this.findings = report.findings();
        this.missing = report.missing();
        this.report = report;
        this.crds = crds;
    }

    /** The CRDs structure is judged by, where a source gives them; else the built-in model judges. */
    public CrdCatalog crds() {
        return crds;
    }

    /** What kept parts of the input from being read (malformed YAML, limits, documents that are not objects). */
    public List<LoadProblem> loadProblems() {
        return loadProblems;
    }

    /** The index as this rule may read it. */
    public Index index() {
        return index;
    }

    public AnalysisSettings settings() {
        return index.settings();
    }

    /** Runs the action on every resource of the kind, now (for rules that aggregate before they report). */
    public void forEach(ResourceKind kind, Consumer<Resource> action) {
        index.ofKind(kind).forEach(action);
    }

    /**
     * Registers a per-resource check of every resource of the kind. It runs after all rules' {@code check}, in one
     * pass that judges each resource by every rule in turn; so nothing in the rule may depend on it having run.
     */
    public void onEach(ResourceKind kind, Consumer<Resource> action) {
        inputs.require(kind);
        report.onEach(kind, action);
    }

    /** Registers a per-resource check of every resource, whatever its kind (see {@link #onEach}). */
    public void onEachResource(Consumer<Resource> action) {
        inputs.requireEvery();
        report.onEachResource(action);
    }

    /** Reports a finding about a resource at the field the JSON pointer names (or its closest written ancestor). */
    public void report(Message message, Resource resource, String pointer, Object... args) {
        findings.add(finding(message, resource, pointer, args));
    }

    /**
     * Reports a problem between the resource and others (a conflict), at the resource's field: the others are named
     * in the finding so that it can be judged by where they all come from.
     */
    public void reportConflict(
            Message message, Resource resource, String pointer, Collection<Resource> others, Object... args) {
        findings.add(finding(message, resource, pointer, args)
                .involving(others.stream().map(ResourceRef::of).toList()));
    }

    /**
     * Reports a finding at another severity than the message's own: for what the input makes likely, not certain
     * (the namespace a gateway workload that is not in the input probably runs in).
     */
    public void report(Severity severity, Message message, Resource resource, String pointer, Object... args) {
        findings.add(finding(message, resource, pointer, args).withSeverity(severity));
    }

    private static Finding finding(Message message, Resource resource, String pointer, Object... args) {
        return new Finding(
                message, message.severity(), message.format(args), ResourceRef.of(resource), resource.origin(pointer));
    }

    /**
     * Reports a reference the input does not resolve, by the one policy every reference rule follows: as the rule's
     * own finding ({@code missingMessage} with its arguments) when the index can vouch for where it points (the repository
     * manages that namespace, or the cluster view was consulted there), else as {@link Message#MG2003} (info),
     * naming the reference, why it cannot be checked and what resolves it. Never an error for what the input does
     * not manage.
     */
    public void unresolved(
            Resource resource, String pointer, Reference reference, Message missingMessage, Object... missingArgs) {
        requireReferenceRule();
        Finding asMissing = finding(missingMessage, resource, pointer, missingArgs);
        MissingReference candidate = new MissingReference(asMissing, reference);
        if (index.verifiable(reference)) {
            findings.add(asMissing);
            missing.add(candidate);
        } else {
            findings.add(candidate.unverified(
                    index.unverifiedBecause(reference), reference.target().resolvedBy()));
        }
    }

    /**
     * Reports an unresolved reference like {@link #unresolved}, but a missing one at the given severity rather than
     * the message's own: for references whose absence the input makes likely, not certain (a selector judged on
     * pod templates the input happens to hold).
     */
    public void unresolvedAt(
            Severity severity,
            Resource resource,
            String pointer,
            Reference reference,
            Message missing,
            Object... missingArgs) {
        requireReferenceRule();
        if (index.verifiable(reference)) {
            Finding asMissing = finding(missing, resource, pointer, missingArgs).withSeverity(severity);
            findings.add(asMissing);
            this.missing.add(new MissingReference(asMissing, reference));
        } else {
            unresolved(resource, pointer, reference, missing, missingArgs);
        }
    }

    // The analysis that only asks which references are missing runs the rules that declare they report them.
    private void requireReferenceRule() {
        if (!reportsReferences) {
            throw new IllegalStateException("rule " + rule.info().name()
                    + " reports unresolved references but does not declare " + Message.MG2003.name());
        }
    }

    /** Reports a finding that belongs to a file rather than a resource (e.g. a YAML syntax error). */
    public void reportAt(Message message, Origin origin, Object... args) {
        findings.add(fileFinding(message, origin, args));
    }

    static Finding fileFinding(Message message, Origin origin, Object... args) {
        return new Finding(message, message.severity(), message.format(args), null, origin);
    }
}
