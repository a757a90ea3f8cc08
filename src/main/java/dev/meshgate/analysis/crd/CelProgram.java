package dev.meshgate.analysis.crd;

import com.google.common.base.Suppliers;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * One compiled CEL expression, shared by every CRD and resource that uses it. What it gives for a scalar
 * {@code self} (a port, a duration, a label value) is remembered with what it cost: CEL is free of side effects, and
 * the same few values recur on thousands of resources, so each is interpreted once and charged every time.
 */
final class CelProgram {

    private static final int MAX_REMEMBERED = 4_096;
    private static final int LONGEST_REMEMBERED_STRING = 256;

    /** What one evaluation gave: a result or the error it raised, and its cost. */
    private record Outcome(Object result, CelEvaluationException error, long cost) {}

    private final Supplier<CelRuntime.Program> program;
    private final Map<Object, Outcome> scalarOutcomes = new ConcurrentHashMap<>();

    /**
     * @param making makes the program on the first evaluation: most rules of a repository's CRDs never meet an object
     *     of their kind, and making one (its constants folded) was half of reading a CRD
     */
    CelProgram(Supplier<CelRuntime.Program> making) {
        this.program = Suppliers.memoize(making::get);
    }

    /**
     * Evaluates the expression with {@code self} bound to the value, charging its cost to the budget.
     *
     * @throws CelEvaluationException when the expression errors (no such key, bad argument, ...)
     * @throws CostBudget.Exceeded when the evaluation costs more than the API server allows
     */
    Object evaluate(Object self, CostBudget budget) throws CelEvaluationException {
        if (!remembers(self)) {
            return run(self, budget.call());
        }
        Outcome known = scalarOutcomes.get(self);
        if (known == null) {
            CostBudget.Call call = budget.call();
            try {
                known = new Outcome(run(self, call), null, call.spent());
            } catch (CelEvaluationException e) {
                known = new Outcome(null, e, call.spent());
            }
            if (scalarOutcomes.size() < MAX_REMEMBERED) {
                scalarOutcomes.put(self, known);
            }
        } else {
            budget.charge(known.cost());
        }
        if (known.error() != null) {
            throw known.error();
        }
        return known.result();
    }

    private static boolean remembers(Object self) {
        return self instanceof String text && text.length() <= LONGEST_REMEMBERED_STRING
                || self instanceof Long
                || self instanceof Double
                || self instanceof Boolean;
    }

    private Object run(Object self, CostBudget.Call call) throws CelEvaluationException {
        try {
            return program.get().trace(Map.of("self", self), call);
        } catch (CelEvaluationException e) {
            // The listener's exception may reach us wrapped by the interpreter.
            if (e.getCause() instanceof CostBudget.Exceeded exceeded) {
                throw exceeded;
            }
            throw e;
        }
    }
}
