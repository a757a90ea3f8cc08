package dev.meshgate.analysis.rules.mesh;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshgate.manifest.Resource;
import java.util.Optional;

/** istiod's Deployment as Istio's charts render it (labelled app=istiod), and the settings its environment holds. */
public final class IstiodDeployment {

    private IstiodDeployment() {}

    /** Whether the Deployment is istiod's. */
    public static boolean is(Resource deployment) {
        return "istiod".equals(deployment.labels().get("app"));
    }

    /** The value an environment variable of istiod's containers is given (not one taken from elsewhere). */
    public static Optional<String> env(Resource deployment, String name) {
        for (JsonNode container : deployment.at("/spec/template/spec/containers")) {
            for (JsonNode env : container.path("env")) {
                if (env.path("name").asText("").equals(name)
                        && env.path("value").isTextual()) {
                    return Optional.of(env.path("value").asText());
                }
            }
        }
        return Optional.empty();
    }
}
