package dev.meshgate.cluster;

import dev.meshgate.manifest.Resource;
import java.util.List;

/**
 * What exists outside the repository: a live cluster or an inventory exported from one. Its resources resolve
 * references the repository does not satisfy; they are never themselves reported on.
 */
public interface ClusterView {

    /** The resources references may point at; a {@link ClusterUnavailableException} when they cannot be had. */
    List<Resource> resources() throws ClusterUnavailableException;

    /** How reports name it: "the cluster at https://...", "the inventory inventory.yaml". */
    String describe();
}
