package dev.meshgate.analysis;

import dev.meshgate.manifest.Origin;
import dev.meshgate.manifest.Resource;
import dev.meshgate.manifest.ResourceKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What one rule reports in one analysis, kept apart from every other rule's so that rules can run on several cores:
 * its findings and unresolved references in report order, and the per-resource checks it registers. Only the thread
 * running the rule writes it at any time; the analysis joins that thread before reading it.
 */
final class RuleReport {

    private final Rule rule;
    private final List<Finding> findings = new ArrayList<>();
    private final List<MissingReference> missing = new ArrayList<>();
    private final Map<ResourceKind, List<Consumer<Resource>>> checksByKind = new LinkedHashMap<>();
    private final List<Consumer<Resource>> checksOfEvery = new ArrayList<>();
    private int findingsOfCheck;
    private int missingOfCheck;

    RuleReport(Rule rule) {
        this.rule = rule;
    }

    Rule rule() {
        return rule;
    }

    List<Finding> findings() {
        return findings;
    }

    List<MissingReference> missing() {
        return missing;
    }

    /** A bug in one rule must not cost the user every other finding, nor crash the service. */
    void failed(RuntimeException e) {
        findings.add(Context.fileFinding(
                Message.IST0001, Origin.of("<meshgate>"), "rule " + rule.info().name() + " failed: " + e));
    }

    void onEach(ResourceKind kind, Consumer<Resource> action) {
        checksByKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(action);
    }

    void onEachResource(Consumer<Resource> action) {
        checksOfEvery.add(action);
    }

    Map<ResourceKind, List<Consumer<Resource>>> checksByKind() {
        return checksByKind;
    }

    List<Consumer<Resource>> checksOfEvery() {
        return checksOfEvery;
    }

    /** Marks the end of the rule's {@code check}: what it reported so far comes before anything its checks report. */
    void checked() {
        findingsOfCheck = findings.size();
        missingOfCheck = missing.size();
    }

    /** The findings the rule's {@code check} reported, in order. */
    List<Finding> findingsOfCheck() {
        return findings.subList(0, findingsOfCheck);
    }

    /** The unresolved references the rule's {@code check} reported, in order. */
    List<MissingReference> missingOfCheck() {
        return missing.subList(0, missingOfCheck);
    }
}
