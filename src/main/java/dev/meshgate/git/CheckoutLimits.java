package dev.meshgate.git;

import java.time.Duration;

/**
 * Limits that keep an untrusted repository from hurting the gate.
 *
 * @param maxFileBytes the largest file exported; a larger one fails the checkout
 * @param maxCheckoutBytes the most bytes one checkout may export
 * @param maxRepositoryBytes the largest mirror on disk; a larger one is deleted and fails the checkout
 * @param fetchTimeout how long one clone or fetch may take in all
 */
public record CheckoutLimits(long maxFileBytes, long maxCheckoutBytes, long maxRepositoryBytes, Duration fetchTimeout) {

    public static CheckoutLimits defaults() {
        return new CheckoutLimits(8L << 20, 512L << 20, 2L << 30, Duration.ofMinutes(2));
    }
}
