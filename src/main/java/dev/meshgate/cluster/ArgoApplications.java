package dev.meshgate.cluster;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads Argo CD Applications through the Kubernetes API, read-only, so that a PreSync hook needs nothing but the
 * Application's name: the revision being synced is in its operation state, not in the hook's manifest.
 */
public final class ArgoApplications {

    /** Argo CD's Application kind, for reading (and, in tests, writing) Applications generically. */
    public static final ResourceDefinitionContext APPLICATIONS = new ResourceDefinitionContext.Builder()
            .withGroup("argoproj.io")
            .withVersion("v1alpha1")
            .withKind("Application")
            .withPlural("applications")
            .withNamespaced(true)
            .build();

    private final KubernetesClient client;

    public ArgoApplications(KubernetesClient client) {
        this.client = client;
    }

    /** The repository and revision of the Application's current sync; an exception saying what is missing otherwise. */
    public ApplicationRevision syncing(String namespace, String name) {
        GenericKubernetesResource application;
        try {
            application = client.genericKubernetesResources(APPLICATIONS)
                    .inNamespace(namespace)
                    .withName(name)
                    .get();
        } catch (KubernetesClientException e) {
            throw new IllegalStateException(
                    "the Application " + namespace + "/" + name + " cannot be read: " + e.getMessage(), e);
        }
        if (application == null) {
            throw new IllegalStateException("there is no Application " + namespace + "/" + name);
        }
        String repository = repository(application)
                .orElseThrow(() -> new IllegalStateException(
                        "the Application " + namespace + "/" + name + " names no source repoURL"));
        String revision = revision(application)
                .orElseThrow(() -> new IllegalStateException("the Application " + namespace + "/" + name
                        + " has no sync operation under way (status.operationState.operation.sync.revision)"));
        return new ApplicationRevision(repository, revision);
    }

    private static Optional<String> repository(GenericKubernetesResource application) {
        Optional<String> single = text(application.get("spec", "source", "repoURL"));
        if (single.isPresent()) {
            return single;
        }
        Object sources = application.get("spec", "sources");
        if (sources instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Map<?, ?> first) {
            return text(first.get("repoURL"));
        }
        return Optional.empty();
    }

    private static Optional<String> revision(GenericKubernetesResource application) {
        Optional<String> revision = text(application.get("status", "operationState", "operation", "sync", "revision"));
        if (revision.isPresent()) {
            return revision;
        }
        // A multi-source Application lists one revision per source.
        Object revisions = application.get("status", "operationState", "operation", "sync", "revisions");
        if (revisions instanceof List<?> list && !list.isEmpty()) {
            return text(list.get(0));
        }
        return Optional.empty();
    }

    private static Optional<String> text(Object value) {
        return value instanceof String text && !text.isBlank() ? Optional.of(text) : Optional.empty();
    }
}
