package dev.meshgate.analysis;

import dev.meshgate.manifest.ResourceKind;
import java.util.Set;
import java.util.TreeSet;

/**
 * The kinds one rule declares it reads ({@link RuleInfo#inputs}), checked at every read through its context and index
 * view: a read of any other kind is refused, so a rule's fixtures fail as soon as it reads what it does not declare.
 * Each check is a set look-up; reads that span several kinds (workloads, secrets) are decided once, up front.
 */
final class DeclaredInputs {

    /** What the analyzer itself may read: everything. */
    static final DeclaredInputs EVERYTHING = new DeclaredInputs("meshgate", Set.of(Kinds.ANY));

    private final String rule;
    private final Set<ResourceKind> kinds;
    private final boolean every;
    private final boolean workloads;
    private final boolean secrets;

    private DeclaredInputs(String rule, Set<ResourceKind> kinds) {
        this.rule = rule;
        this.kinds = Set.copyOf(kinds);
        this.every = this.kinds.contains(Kinds.ANY);
        this.workloads = every || this.kinds.containsAll(Kinds.WORKLOADS);
        this.secrets = every || this.kinds.containsAll(Index.SECRET_SOURCES);
    }

    static DeclaredInputs of(RuleInfo info) {
        return new DeclaredInputs(info.name(), info.inputs() == null ? Set.of() : info.inputs());
    }

    /** Refuses a read of resources of the kind unless the rule declared it. */
    void require(ResourceKind kind) {
        if (!every && !kinds.contains(kind)) {
            throw refused(kind + ", a kind it does not declare");
        }
    }

    /** Refuses a read of every resource unless the rule declared {@link Kinds#ANY}. */
    void requireEvery() {
        if (!every) {
            throw refused("every resource, which takes " + Kinds.ANY + " (Kinds.ANY) among its inputs");
        }
    }

    /** Refuses a read of workloads unless the rule declared every kind they come from. */
    void requireWorkloads() {
        if (!workloads) {
            throw refused("workloads, which also come from kinds it does not declare: " + missing(Kinds.WORKLOADS));
        }
    }

    /** Refuses a look-up of Secrets unless the rule declared every kind that produces them. */
    void requireSecrets() {
        if (!secrets) {
            throw refused("secrets, which also come from kinds it does not declare: " + missing(Index.SECRET_SOURCES));
        }
    }

    private String missing(Set<ResourceKind> group) {
        Set<String> missing = new TreeSet<>();
        for (ResourceKind kind : group) {
            if (!kinds.contains(kind)) {
                missing.add(kind.toString());
            }
        }
        return String.join(", ", missing);
    }

    private IllegalStateException refused(String what) {
        Set<String> declared = new TreeSet<>();
        kinds.forEach(kind -> declared.add(kind.toString()));
        return new IllegalStateException("rule " + rule + " reads " + what + " (RuleInfo inputs: " + declared + ")");
    }
}
