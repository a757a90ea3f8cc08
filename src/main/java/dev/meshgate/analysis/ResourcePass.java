package dev.meshgate.analysis;

import dev.meshgate.manifest.Resource;
import dev.meshgate.manifest.ResourceKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Per-resource checks that rules register, run in one pass over the input after every rule's {@code check}: each
 * resource is judged by all rules while it is in the CPU cache, instead of the whole input being walked once per
 * rule. On large inputs memory traffic, not computation, decides the analysis time.
 */
final class ResourcePass {

    private record Check(Rule rule, Consumer<Resource> action) {}

    private final Map<ResourceKind, List<Check>> byKind = new HashMap<>();
    private final List<Check> forAll = new ArrayList<>();

    void add(Rule rule, ResourceKind kind, Consumer<Resource> action) {
        byKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(new Check(rule, action));
    }

    void addForAll(Rule rule, Consumer<Resource> action) {
        forAll.add(new Check(rule, action));
    }

    /** Runs the checks; a rule that throws is reported once to the callback and not run again. */
    void run(List<Resource> resources, java.util.function.BiConsumer<Rule, RuntimeException> failed, RuleTimes times) {
        Set<Rule> broken = new LinkedHashSet<>();
        for (Resource resource : resources) {
            for (Check check : byKind.getOrDefault(resource.kind(), List.of())) {
                run(check, resource, broken, failed, times);
            }
            for (Check check : forAll) {
                run(check, resource, broken, failed, times);
            }
        }
    }

    private static void run(
            Check check,
            Resource resource,
            Set<Rule> broken,
            java.util.function.BiConsumer<Rule, RuntimeException> failed,
            RuleTimes times) {
        if (!broken.isEmpty() && broken.contains(check.rule())) {
            return;
        }
        long start = times.wallStart();
        try {
            check.action().accept(resource);
        } catch (RuntimeException e) {
            broken.add(check.rule());
            failed.accept(check.rule(), e);
        }
        times.addCheck(check.rule(), start);
    }
}
