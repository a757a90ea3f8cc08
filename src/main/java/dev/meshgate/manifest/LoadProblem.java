package dev.meshgate.manifest;

/** Something in a manifest file that kept it, or part of it, from being read as Kubernetes objects. */
public record LoadProblem(Type type, Origin origin, String detail) {

    /** What went wrong; the analysis stage gives each type its own catalog code. */
    public enum Type {
        /** The file is not well-formed YAML or JSON. */
        SYNTAX,
        /** A safety limit (file size, aliases, nesting depth, expanded size) was hit. */
        LIMIT,
        /** A document is not a Kubernetes object (not a mapping, no apiVersion or kind, no name). */
        NOT_AN_OBJECT,
        /** The same key appears twice in one mapping. */
        DUPLICATE_KEY,
        /** The file could not be read at all. */
        UNREADABLE,
        /** Kustomize or Helm could not render an application: its output is unknown. */
        RENDER_FAILED,
        /**
         * An application needs what meshgate does not fetch (a remote base): it is not analysed, though Argo CD and
         * Flux, which fetch it, may well sync it.
         */
        NOT_ANALYSED
    }
}
