package dev.meshgate.manifest;

import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/** Gives plain scalars the tags Kubernetes' YAML reader gives them ({@link KubernetesScalars}), not YAML 1.1's. */
final class KubernetesResolver extends Resolver {

    @Override
    protected void addImplicitResolvers() {
        // none: resolve() decides every plain scalar
    }

    @Override
    public Tag resolve(NodeId kind, String value, boolean implicit) {
        if (kind == NodeId.scalar && implicit) {
            return KubernetesScalars.implicit(value).tag();
        }
        return super.resolve(kind, value, implicit);
    }
}
