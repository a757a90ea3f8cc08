package dev.meshgate.analysis;

import dev.meshgate.manifest.LargestFirst;
import dev.meshgate.manifest.Resource;
import dev.meshgate.manifest.ResourceKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Per-resource checks that rules register, run in one pass over the input after every rule's {@code check}: each
 * resource is judged by all rules while it is in the CPU cache, instead of the whole input being walked once per
 * rule. On large inputs memory traffic, not computation, decides the analysis time.
 *
 * <p>On several cores the rules are shared out in groups, one pass per group, each rule's checks in one group (a
 * check may keep state between resources). What a check reports on a resource is recorded as a span of its rule's
 * report, and the spans are put back in the order a single pass would have made them, so that no finding's place
 * depends on the cores.
 */
final class ResourcePass {

    private record Placed(RuleReport report, Consumer<Resource> action, int ordinal) {}

    /** What one check reported on one resource: the ends of the additions to its rule's lists. */
    private record Span(
            int resource,
            int ordinal,
            RuleReport report,
            int findingsFrom,
            int findingsTo,
            int missingFrom,
            int missingTo) {}

    private static final Comparator<Span> SINGLE_PASS_ORDER =
            Comparator.comparingInt(Span::resource).thenComparingInt(Span::ordinal);

    private final List<RuleReport> reports;

    /** The checks of the reports, which come in the order of their rules. */
    ResourcePass(List<RuleReport> reports) {
        this.reports = reports;
    }

    /**
     * Runs the checks over the index's resources in up to {@code groups} groups at once, and adds what they report to
     * the lists in a single pass's order: by resource, then the checks of its kind, then the checks of every kind,
     * each in the order of the rules and of their registration. A rule that throws is reported once and not run
     * again.
     */
    void run(Index index, int groups, RuleTimes times, List<Finding> findings, List<MissingReference> missing) {
        List<Group> shared = share(index, groups);
        long[] costs = shared.stream().mapToLong(group -> group.cost).toArray();
        List<List<Span>> passes = LargestFirst.map(costs, g -> shared.get(g).pass(index.all(), times));
        List<Span> spans = new ArrayList<>();
        passes.forEach(spans::addAll);
        spans.sort(SINGLE_PASS_ORDER);
        for (Span span : spans) {
            findings.addAll(span.report().findings().subList(span.findingsFrom(), span.findingsTo()));
            missing.addAll(span.report().missing().subList(span.missingFrom(), span.missingTo()));
        }
    }

    /**
     * The rules with checks in groups of about equal cost, the costliest rule first into the cheapest group; a rule's
     * cost is taken as the number of check runs it asks for.
     */
    private List<Group> share(Index index, int groups) {
        List<RuleReport> checking = reports.stream()
                .filter(report -> !report.checksByKind().isEmpty()
                        || !report.checksOfEvery().isEmpty())
                .toList();
        Map<RuleReport, Long> costs = new HashMap<>();
        for (RuleReport report : checking) {
            long cost = (long) report.checksOfEvery().size() * index.all().size();
            for (Map.Entry<ResourceKind, List<Consumer<Resource>>> checks :
                    report.checksByKind().entrySet()) {
                cost += (long) checks.getValue().size()
                        * index.ofKind(checks.getKey()).size();
            }
            costs.put(report, cost);
        }
        List<Group> shared = new ArrayList<>();
        for (int i = 0; i < Math.max(1, Math.min(groups, checking.size())); i++) {
            shared.add(new Group());
        }
        checking.stream()
                .sorted(Comparator.comparingLong(costs::get).reversed())
                .forEach(report -> {
                    Group cheapest = shared.stream()
                            .min(Comparator.comparingLong(group -> group.cost))
                            .orElseThrow();
                    cheapest.members.add(report);
                    cheapest.cost += costs.get(report);
                });
        Placing all = Placing.of(checking);
        shared.forEach(group -> group.take(all));
        return shared;
    }

    /**
     * Every check in its place among those a resource meets: by the resource's kind, the checks of that kind in the
     * order of the rules and of their registration, then the checks of every kind; resources of a kind no rule checks
     * meet the checks of every kind alone.
     */
    private record Placing(Map<ResourceKind, List<Placed>> byKind, List<Placed> ofOtherKinds) {

        static Placing of(List<RuleReport> checking) {
            Map<ResourceKind, List<Placed>> byKind = new HashMap<>();
            List<Placed> ofOtherKinds = new ArrayList<>();
            for (RuleReport report : checking) {
                report.checksByKind().forEach((kind, checks) -> {
                    List<Placed> ofKind = byKind.computeIfAbsent(kind, k -> new ArrayList<>());
                    checks.forEach(check -> ofKind.add(new Placed(report, check, ofKind.size())));
                });
                report.checksOfEvery()
                        .forEach(check -> ofOtherKinds.add(new Placed(report, check, ofOtherKinds.size())));
            }
            // A check of every kind comes after the checks of the resource's kind.
            byKind.values().forEach(ofKind -> {
                int checksOfKind = ofKind.size();
                ofOtherKinds.forEach(check ->
                        ofKind.add(new Placed(check.report(), check.action(), checksOfKind + check.ordinal())));
            });
            return new Placing(byKind, ofOtherKinds);
        }
    }

    /** Some rules' checks, by the kind of resource they run on, each with its place among all checks. */
    private static final class Group {

        private final Set<RuleReport> members = new HashSet<>();
        private final Map<ResourceKind, List<Placed>> byKind = new HashMap<>();
        private final List<Placed> ofOtherKinds = new ArrayList<>();
        private long cost;

        /** Takes the members' checks, in their places among all checks. */
        void take(Placing all) {
            all.byKind().forEach((kind, checks) -> byKind.put(kind, mine(checks)));
            ofOtherKinds.addAll(mine(all.ofOtherKinds()));
        }

        private List<Placed> mine(List<Placed> checks) {
            return checks.stream()
                    .filter(check -> members.contains(check.report()))
                    .toList();
        }

        List<Span> pass(List<Resource> resources, RuleTimes times) {
            List<Span> spans = new ArrayList<>();
            Set<RuleReport> broken = new HashSet<>();
            for (int i = 0; i < resources.size(); i++) {
                Resource resource = resources.get(i);
                for (Placed check : byKind.getOrDefault(resource.kind(), ofOtherKinds)) {
                    RuleReport report = check.report();
                    if (!broken.isEmpty() && broken.contains(report)) {
                        continue;
                    }
                    int findings = report.findings().size();
                    int missing = report.missing().size();
                    long start = times.wallStart();
                    try {
                        check.action().accept(resource);
                    } catch (RuntimeException e) {
                        broken.add(report);
                        report.failed(e);
                    }
                    times.addCheck(report.rule(), start);
                    if (report.findings().size() > findings || report.missing().size() > missing) {
                        spans.add(new Span(
                                i,
                                check.ordinal(),
                                report,
                                findings,
                                report.findings().size(),
                                missing,
                                report.missing().size()));
                    }
                }
            }
            return spans;
        }
    }
}
