package dev.meshgate.analysis.crd;

import dev.cel.runtime.CelEvaluationException;
import java.util.List;

/** The API server's list library for CEL over lists of numbers or strings: sortedness, sum, min and max. */
final class KubernetesLists {

    private KubernetesLists() {}

    static boolean isSorted(List<?> list) throws CelEvaluationException {
        for (int i = 1; i < list.size(); i++) {
            if (compare(list.get(i - 1), list.get(i)) > 0) {
                return false;
            }
        }
        return true;
    }

    static Object sum(List<?> list) throws CelEvaluationException {
        if (list.isEmpty()) {
            return 0L;
        }
        if (list.get(0) instanceof Double) {
            double total = 0;
            for (Object element : list) {
                total += ((Number) element).doubleValue();
            }
            return total;
        }
        long total = 0;
        for (Object element : list) {
            if (!(element instanceof Long value)) {
                throw KubernetesCelFunctions.invalid("sum() needs a list of numbers");
            }
            total = Math.addExact(total, value);
        }
        return total;
    }

    /** The minimum (direction -1) or maximum (direction 1). */
    static Object extreme(List<?> list, int direction) throws CelEvaluationException {
        if (list.isEmpty()) {
            throw KubernetesCelFunctions.invalid((direction < 0 ? "min" : "max") + "() called on an empty list");
        }
        Object best = list.get(0);
        for (Object element : list) {
            if (compare(element, best) * direction > 0) {
                best = element;
            }
        }
        return best;
    }

    private static int compare(Object a, Object b) throws CelEvaluationException {
        if (a instanceof Number x && b instanceof Number y) {
            return Double.compare(x.doubleValue(), y.doubleValue());
        }
        if (a instanceof String x && b instanceof String y) {
            return x.compareTo(y);
        }
        if (a instanceof Boolean x && b instanceof Boolean y) {
            return Boolean.compare(x, y);
        }
        throw KubernetesCelFunctions.invalid("list elements are not comparable");
    }
}
