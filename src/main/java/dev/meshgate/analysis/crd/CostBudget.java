package dev.meshgate.analysis.crd;

import dev.cel.common.ast.CelExpr;
import dev.cel.runtime.CelEvaluationListener;
import java.util.Collection;
import java.util.Map;

/**
 * The runtime cost of CEL rules for one object, charged like the API server does: every evaluated step costs one,
 * and a step that yields a string, list or map costs one more per ten elements. One evaluation may not exceed
 * {@link CelEnvironment#PER_CALL_COST_LIMIT}, all rules of the object together not the object's budget.
 */
final class CostBudget {

    private final long perCall;
    private long remaining;

    CostBudget(long perCall, long perObject) {
        this.perCall = perCall;
        this.remaining = perObject;
    }

    /** The API server's limits. */
    static CostBudget standard() {
        return new CostBudget(CelEnvironment.PER_CALL_COST_LIMIT, CelEnvironment.PER_OBJECT_COST_BUDGET);
    }

    Call call() {
        return new Call();
    }

    /** Charges what an evaluation remembered from an earlier object cost. */
    void charge(long cost) {
        remaining -= cost;
        if (remaining < 0) {
            throw new Exceeded("the object's rules exceed the API server's cost budget");
        }
    }

    /** The listener that charges one evaluation. */
    final class Call implements CelEvaluationListener {

        private long spent;

        long spent() {
            return spent;
        }

        @Override
        public void callback(CelExpr expr, Object result) {
            long cost = 1 + size(result) / 10;
            spent += cost;
            remaining -= cost;
            if (spent > perCall) {
                throw new Exceeded("the rule's cost exceeds the API server's per-call limit of " + perCall);
            }
            if (remaining < 0) {
                throw new Exceeded("the object's rules exceed the API server's cost budget");
            }
        }
    }

    private static long size(Object result) {
        if (result instanceof String text) {
            return text.length();
        }
        if (result instanceof Collection<?> collection) {
            return collection.size();
        }
        if (result instanceof Map<?, ?> map) {
            return map.size();
        }
        return 0;
    }

    /** An evaluation stopped because it cost too much. */
    static final class Exceeded extends RuntimeException {
        Exceeded(String message) {
            super(message, null, false, false);
        }
    }
}
