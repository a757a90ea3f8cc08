package dev.meshgate.analysis.rules.gatewayapi;

import dev.meshgate.analysis.Context;
import dev.meshgate.analysis.Kinds;
import dev.meshgate.analysis.Message;
import dev.meshgate.analysis.Rule;
import dev.meshgate.analysis.RuleInfo;
import dev.meshgate.manifest.JsonPointer;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Gateway API CRD that the input installs at a bundle version older than the one current Istio requires for its
 * kind (IST0176): Istio's CRD watcher leaves the kind out, so its routes are silently never served. The minimums are
 * those of the Istio release line meshgate's built-in model follows; a CRD without the annotation is not judged.
 */
public final class CrdBundleVersionRule implements Rule {

    private static final String BUNDLE_VERSION = "gateway.networking.k8s.io/bundle-version";

    /** Istio's minimum bundle version per Gateway API CRD, as {major, minor, patch}. */
    private static final Map<String, int[]> MINIMUMS = Map.of(
            "grpcroutes.gateway.networking.k8s.io", new int[] {1, 1, 0},
            "backendtlspolicies.gateway.networking.k8s.io", new int[] {1, 4, 0},
            "tlsroutes.gateway.networking.k8s.io", new int[] {1, 5, 0},
            "tcproutes.gateway.networking.k8s.io", new int[] {1, 6, 0});

    private static final Pattern VERSION = Pattern.compile("v?(\\d+)\\.(\\d+)(?:\\.(\\d+))?(?:-[0-9A-Za-z.-]+)?");

    @Override
    public RuleInfo info() {
        return new RuleInfo(
                "gatewayapi-crd-version",
                "Gateway API CRDs are at the bundle version Istio requires",
                Set.of(Message.IST0176),
                Set.of(Kinds.CUSTOM_RESOURCE_DEFINITION));
    }

    @Override
    public void check(Context context) {
        context.onEach(Kinds.CUSTOM_RESOURCE_DEFINITION, crd -> {
            int[] minimum = MINIMUMS.get(crd.name());
            String installed = crd.annotations().get(BUNDLE_VERSION);
            if (minimum == null || installed == null) {
                return;
            }
            parse(installed)
                    .filter(version -> compare(version, minimum) < 0)
                    .ifPresent(version -> context.report(
                            Message.IST0176,
                            crd,
                            JsonPointer.child("/metadata/annotations", BUNDLE_VERSION),
                            crd.name(),
                            installed,
                            minimum[0] + "." + minimum[1] + "." + minimum[2]));
        });
    }

    /** The release a bundle version names, its pre-release part dropped (a 1.5 release candidate is 1.5). */
    static Optional<int[]> parse(String text) {
        Matcher matcher = VERSION.matcher(text.trim());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        return Optional.of(new int[] {
            Integer.parseInt(matcher.group(1)),
            Integer.parseInt(matcher.group(2)),
            matcher.group(3) == null ? 0 : Integer.parseInt(matcher.group(3))
        });
    }

    private static int compare(int[] a, int[] b) {
        for (int i = 0; i < 3; i++) {
            if (a[i] != b[i]) {
                return Integer.compare(a[i], b[i]);
            }
        }
        return 0;
    }
}
