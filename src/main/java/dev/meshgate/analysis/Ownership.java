package dev.meshgate.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshgate.manifest.Resource;
import dev.meshgate.manifest.ResourceKind;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which namespaces the analysis can vouch for, so that a reference the input does not resolve is called missing only
 * where it would have been found: the policy of docs/writing-rules.md ("Unverified is not missing"), in one place.
 *
 * <ul>
 *   <li>The repository manages a namespace when it declares an object in it, or its Namespace object. Workloads are
 *       the exception: configuration and the applications it configures often come from different repositories or
 *       remote charts, so the workloads of a namespace are known only where the repository declares some.
 *   <li>The root namespace (istio-system) is where Istio is installed. Repositories put mesh-wide policies, shared
 *       Gateways, addons and certificates there without owning the installation, so there the repository manages
 *       only the kinds it declares in it; its Services (istiod's, the installation's gateways') only when it renders
 *       istiod itself.
 *   <li>Selectors that Istio matches in every namespace (a Gateway's, a root-namespace policy's) usually pick the
 *       gateways installed with Istio: they are checked only when the input declares gateway workloads (an
 *       IstioOperator's gateways, a Deployment running the gateway proxy), or the cluster view lists workloads.
 *   <li>Resources read from the cluster or an inventory resolve references but manage nothing. A namespace they hold
 *       was consulted: a reference into it that resolves neither in the repository nor there is missing, for the
 *       kinds the view lists (Secrets only in the namespaces where it holds Secrets, as they are listed only in the
 *       configured namespaces).
 * </ul>
 *
 * <p>Unless the input is declared the whole mesh ({@code wholeMesh: true}), as {@code istioctl analyze} takes its files:
 * then every namespace is vouched for, and what the input does not declare does not exist.
 */
final class Ownership {

    /** The kinds a Secret comes from: written, or produced by cert-manager, External Secrets or Sealed Secrets. */
    private static final Set<ResourceKind> SECRET_SOURCES =
            Set.of(Kinds.SECRET, Kinds.CERTIFICATE, Kinds.EXTERNAL_SECRET, Kinds.SEALED_SECRET);

    private final String rootNamespace;
    private final boolean wholeMesh;
    private final Set<String> managed = new HashSet<>();
    private final Set<String> withWorkloads = new HashSet<>();
    private final Set<ResourceKind> inRoot = new HashSet<>();
    private boolean rendersIstiod;
    private boolean declaresGateways;
    private final Set<String> consulted = new HashSet<>();
    private final Set<ResourceKind> listed = new HashSet<>();
    private final Set<String> consultedSecrets = new HashSet<>();
    private boolean listsWorkloads;

    /**
     * @param workloadsOf each resource's workloads, as the index found them so they are not derived twice: the
     *     repository's resources' in their order, then those of the resources outside it
     */
    Ownership(
            List<Resource> repository,
            List<Resource> outside,
            String rootNamespace,
            boolean wholeMesh,
            List<List<Workload>> workloadsOf) {
        this.rootNamespace = rootNamespace;
        this.wholeMesh = wholeMesh;
        int position = 0;
        for (Resource resource : repository) {
            declare(resource, workloadsOf.get(position++));
        }
        for (Resource resource : outside) {
            consult(resource, workloadsOf.get(position++));
        }
    }

    private void declare(Resource resource, List<Workload> workloads) {
        if (!resource.namespace().isEmpty()) {
            managed.add(resource.namespace());
            if (resource.namespace().equals(rootNamespace)) {
                inRoot.add(resource.kind());
            }
        }
        if (resource.kind().equals(Kinds.NAMESPACE)) {
            managed.add(resource.name());
        }
        for (Workload workload : workloads) {
            // An IstioOperator declares its gateways' namespaces too.
            managed.add(workload.namespace());
            withWorkloads.add(workload.namespace());
            if (workload.namespace().equals(rootNamespace) && isIstiod(workload)) {
                rendersIstiod = true;
            }
            declaresGateways = declaresGateways || isGateway(workload);
        }
    }

    private void consult(Resource resource, List<Workload> workloads) {
        listed.add(resource.kind());
        if (!resource.namespace().isEmpty()) {
            consulted.add(resource.namespace());
            if (resource.kind().equals(Kinds.SECRET)) {
                consultedSecrets.add(resource.namespace());
            }
        }
        if (resource.kind().equals(Kinds.NAMESPACE)) {
            consulted.add(resource.name());
        }
        if (!workloads.isEmpty()) {
            listsWorkloads = true;
        }
    }

    /** istiod's pods, as Istio's charts and istioctl label them. */
    private static boolean isIstiod(Workload workload) {
        return "istiod".equals(workload.labels().get("app"))
                || "pilot".equals(workload.labels().get("istio"));
    }

    /**
     * A gateway's pods: declared by an IstioOperator, or a pod template that runs the proxy as its own container
     * or asks for Istio's gateway injection template (sidecars are injected at admission, never written).
     */
    private static boolean isGateway(Workload workload) {
        if (workload.source().kind().equals(Kinds.ISTIO_OPERATOR)) {
            return true;
        }
        String templates = workload.podAnnotation("inject.istio.io/templates");
        if (templates != null && templates.contains("gateway")) {
            return true;
        }
        for (JsonNode container : workload.podSpec().path("containers")) {
            if (container.path("name").asText("").equals("istio-proxy")) {
                return true;
            }
        }
        return false;
    }

    /** Whether the repository declares an object in the namespace, or its Namespace object. */
    boolean managesNamespace(String namespace) {
        return managed.contains(namespace);
    }

    /** Whether the reference, which the input did not resolve, is missing (true) or only unverified (false). */
    boolean verifiable(Reference reference) {
        if (wholeMesh) {
            return true;
        }
        String namespace = reference.namespace();
        if (namespace == null) {
            // Workloads of every namespace (a Gateway's selector): known where the input declares gateways.
            return reference.target() == Reference.Target.WORKLOADS && (listsWorkloads || declaresGateways);
        }
        return consulted(namespace, reference.target()) || owns(namespace, reference.target());
    }

    /** Why an unverified reference cannot be checked, as the MG2003 finding says it. */
    String unverifiedBecause(Reference reference) {
        if (reference.namespace() == null) {
            return reference.reason();
        }
        String namespace = reference.namespace();
        String because;
        if (reference.target() == Reference.Target.WORKLOADS) {
            because = "the input declares no workload in namespace " + namespace;
        } else if (namespace.equals(rootNamespace) && reference.target() == Reference.Target.HOST) {
            because = "namespace " + namespace + " is where Istio is installed, and the input does not render the"
                    + " installation (no istiod)";
        } else if (namespace.equals(rootNamespace) && managed.contains(namespace)) {
            because = "the input declares no " + reference.target().kind() + " in namespace " + namespace
                    + ", where Istio is installed";
        } else {
            because = "the input declares nothing in namespace " + namespace;
        }
        if (!listed.isEmpty()) {
            because += consulted.contains(namespace)
                    ? ", and the cluster view does not list "
                            + reference.target().kind() + "s there"
                    : ", and the cluster view holds nothing in it";
        }
        return because;
    }

    private boolean owns(String namespace, Reference.Target target) {
        if (target == Reference.Target.WORKLOADS) {
            return withWorkloads.contains(namespace);
        }
        if (!namespace.equals(rootNamespace)) {
            return managed.contains(namespace);
        }
        return switch (target) {
            case HOST -> rendersIstiod;
            case SUBSET -> inRoot.contains(Kinds.DESTINATION_RULE);
            case GATEWAY -> inRoot.contains(Kinds.GATEWAY);
            case KUBERNETES_GATEWAY -> inRoot.contains(Kinds.KUBERNETES_GATEWAY);
            case REFERENCE_GRANT -> inRoot.contains(Kinds.REFERENCE_GRANT);
            case SECRET -> inRoot.stream().anyMatch(SECRET_SOURCES::contains);
            case WORKLOADS -> withWorkloads.contains(namespace);
            case NAMESPACE, INJECTION_WEBHOOK, SERVICE_REGISTRY -> false;
        };
    }

    private boolean consulted(String namespace, Reference.Target target) {
        if (!consulted.contains(namespace)) {
            return false;
        }
        return switch (target) {
            case HOST -> listed.contains(Kinds.SERVICE) || listed.contains(Kinds.SERVICE_ENTRY);
            case SUBSET -> listed.contains(Kinds.DESTINATION_RULE);
            case GATEWAY -> listed.contains(Kinds.GATEWAY);
            case KUBERNETES_GATEWAY -> listed.contains(Kinds.KUBERNETES_GATEWAY);
            case REFERENCE_GRANT -> listed.contains(Kinds.REFERENCE_GRANT);
            case SECRET -> consultedSecrets.contains(namespace);
            case WORKLOADS -> listsWorkloads;
            case NAMESPACE, INJECTION_WEBHOOK, SERVICE_REGISTRY -> false;
        };
    }
}
