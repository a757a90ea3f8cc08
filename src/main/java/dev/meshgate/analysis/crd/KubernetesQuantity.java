package dev.meshgate.analysis.crd;

import dev.cel.runtime.CelEvaluationException;
import io.fabric8.kubernetes.api.model.Quantity;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Pattern;

/** A CEL {@code kubernetes.Quantity} ("500m", "1Gi", "2e3"), compared and added by its exact amount. */
record KubernetesQuantity(BigDecimal amount) implements Comparable<KubernetesQuantity> {

    // The API server's quantity grammar: a signed decimal number, then a binary or decimal suffix or an exponent.
    private static final Pattern SYNTAX =
            Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?\\d+)?");

    static KubernetesQuantity parse(String text) throws CelEvaluationException {
        if (!isQuantity(text)) {
            throw KubernetesCelFunctions.invalid("quantities must match the regular expression of Kubernetes: " + text);
        }
        return new KubernetesQuantity(Quantity.getAmountInBytes(new Quantity(text)));
    }

    static boolean isQuantity(String text) {
        return SYNTAX.matcher(text).matches();
    }

    long sign() {
        return amount.signum();
    }

    boolean isInteger() {
        return amount.stripTrailingZeros().scale() <= 0
                && amount.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0
                && amount.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) >= 0;
    }

    long asInteger() throws CelEvaluationException {
        if (!isInteger()) {
            throw KubernetesCelFunctions.invalid("cannot convert value to integer");
        }
        return amount.setScale(0, RoundingMode.UNNECESSARY).longValueExact();
    }

    double asApproximateFloat() {
        return amount.doubleValue();
    }

    KubernetesQuantity add(KubernetesQuantity other) {
        return new KubernetesQuantity(amount.add(other.amount));
    }

    KubernetesQuantity subtract(KubernetesQuantity other) {
        return new KubernetesQuantity(amount.subtract(other.amount));
    }

    @Override
    public int compareTo(KubernetesQuantity other) {
        return amount.compareTo(other.amount);
    }
}
