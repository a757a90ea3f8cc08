package dev.meshgate.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Every setting of the meshgate service (prefix {@code meshgate}); each has a default, so none is required. */
@ConfigMapping(prefix = "meshgate")
public interface MeshgateConfig {

    /** Where meshgate keeps its state: repository mirrors, and later run records. */
    @WithDefault("${user.home}/.meshgate")
    Path dataDir();

    /** The address users reach meshgate at; commit statuses link to report pages under it. */
    @WithDefault("http://localhost:${quarkus.http.port:8080}")
    String publicUrl();

    Git git();

    Runs runs();

    Store store();

    Verified verified();

    Webhooks webhooks();

    /**
     * Each forge's status API, keyed by the forge's webhook name ({@code github}, {@code gitlab}, {@code gitea},
     * {@code forgejo}, {@code bitbucket}, {@code bitbucket-server}); a forge without a token gets no statuses.
     */
    Map<String, ForgeApi> forges();

    Statuses statuses();

    Cluster cluster();

    Validation validation();

    /** What the validation of every run knows beyond the repository. */
    interface Validation {

        /**
         * Files or folders of CustomResourceDefinition YAML (Istio's {@code base} chart rendered, or {@code kubectl
         * get crd -o yaml}): structure is checked against them for the kinds neither the repository nor the cluster
         * defines. Empty: the built-in model.
         */
        Optional<java.util.List<Path>> crds();
    }

    Render render();

    Api api();

    /** Who may use the HTTP API's writes and listings ({@code POST /api/v1/runs}, {@code GET /api/v1/runs}, the gate). */
    interface Api {

        /** The bearer token callers send; without it (and without a token file) only requests from loopback are served. */
        Optional<String> token();

        /** A file holding the token (a mounted Kubernetes Secret), read again whenever it changes. */
        Optional<Path> tokenFile();
    }

    /** How applications are rendered. */
    interface Render {

        /** The longest one application may take to render. */
        @WithDefault("60S")
        Duration timeout();

        /** The largest rendered output of one application. */
        @WithDefault("50M")
        MemorySize maxOutput();

        /** The kustomize command line, before the folder: {@code kubectl kustomize} or {@code /usr/bin/kustomize build}. */
        @WithDefault("kubectl kustomize")
        String kustomizeCommand();

        /** Whether kustomizations may pull remote bases (off: a gate must not fetch from the network). */
        @WithDefault("false")
        boolean allowRemoteBases();

        /** A helm binary to render charts with; by default Helm as a library (native builds: {@code helm}). */
        Optional<String> helmCommand();

        /**
         * Whether Helm as a library runs in meshgate's own process instead of render workers: no worker start-up, but
         * a runaway template cannot be stopped at its time limit.
         */
        @WithDefault("false")
        boolean helmInProcess();

        /** The Java heap of one render worker, also the soft memory limit of the Helm (Go) code inside it. */
        @WithDefault("512M")
        MemorySize helmWorkerMemory();

        /** The render cache, under the data folder: applications whose files did not change are not rendered again. */
        Cache cache();

        /** The render cache. */
        interface Cache {

            /** Whether rendered applications are kept and reused. */
            @WithDefault("true")
            boolean enabled();

            /** The size the cache is trimmed to, least recently used first. */
            @WithDefault("2G")
            MemorySize maxSize();
        }
    }

    /** Where references the repository leaves open are looked up: the live cluster, or an inventory exported from it. */
    interface Cluster {

        /** Whether the live cluster is read (in-cluster service account or kubeconfig), read-only. */
        @WithDefault("false")
        boolean enabled();

        /** An inventory file written by {@code meshgate inventory}, read instead of the live cluster. */
        Optional<Path> inventory();

        /** The namespaces whose Secrets (names only) gateways' credentialName may refer to. */
        @WithDefault("istio-system")
        java.util.List<String> secretNamespaces();

        /** How long what was read from the cluster is reused. */
        @WithDefault("30S")
        Duration cache();
    }

    /** Where a forge's API is and the token meshgate posts statuses with. */
    interface ForgeApi {

        /** The API root; by default derived from the repository's address (e.g. {@code https://api.github.com}). */
        Optional<String> apiUrl();

        /** A token allowed to post commit statuses; Bitbucket also takes {@code user:app-password}. */
        Optional<String> token();

        /** A file holding the token (a mounted Kubernetes Secret), read at each post. */
        Optional<Path> tokenFile();

        /** GitHub only: the GitHub App's id, for check runs with annotations (and statuses when no token is set). */
        Optional<String> appId();

        /** GitHub only: the App's private key, PKCS#8 PEM. */
        Optional<Path> privateKeyFile();
    }

    /** How statuses are posted to forges. */
    interface Statuses {

        /** The wait before the first retry of a failed post; each next one doubles. */
        @WithDefault("1S")
        Duration firstRetry();

        /** Tries in all for a post to a forge that fails or cannot be reached. */
        @WithDefault("5")
        int attempts();

        /** The longest meshgate waits for a forge's rate limit to reset. */
        @WithDefault("15M")
        Duration longestRateLimitWait();

        /** The connect and read timeout of one post. */
        @WithDefault("10S")
        Duration timeout();
    }

    /** How webhook deliveries are authenticated. */
    interface Webhooks {

        /** The secret shared with every hook that has none of its own. */
        Optional<String> secret();

        /** A file holding the default secret (a mounted Kubernetes Secret), read at each delivery. */
        Optional<Path> secretFile();

        /** Whether deliveries for repositories with no secret configured are accepted unsigned: only for trying out. */
        @WithDefault("false")
        boolean allowUnsigned();

        /** A secret of its own per repository, keyed {@code "owner/name"} (GitLab: the project path). */
        Map<String, RepositorySecret> repositories();

        /** Bitbucket Server's address, for payloads that carry no HTTP clone link. */
        Optional<String> bitbucketServerUrl();

        /**
         * The hosts deliveries may name clone URLs on ({@code github.com}, {@code *.corp.example}); unset, those of
         * {@code meshgate.git.allowed-hosts}. Set it when a secret is shared by many repositories, so that its holders
         * cannot point meshgate elsewhere; fetches still obey {@code meshgate.git.allowed-hosts}.
         */
        Optional<java.util.List<String>> allowedHosts();

        /** One repository's webhook secret. */
        interface RepositorySecret {

            Optional<String> secret();

            Optional<Path> secretFile();
        }
    }

    /** A branch meshgate moves to each passing commit of a tracked branch, for Flux or Argo CD to follow. */
    interface Verified {

        /** The branch to move, e.g. {@code meshgate/verified}; without it nothing is pushed. */
        Optional<String> branch();

        /** The branch whose passing commits it follows. */
        @WithDefault("main")
        String trackedBranch();
    }

    /** How runs are queued and worked off. */
    interface Runs {

        /** Runs worked on at once. */
        @WithDefault("2")
        int workers();

        /**
         * Runs waiting at most; beyond that webhooks are answered 503 with Retry-After. A waiting run is its record on
         * disk and about a kilobyte in memory, so the default holds any realistic burst.
         */
        @WithDefault("10000")
        int queueCapacity();

        /**
         * Whether {@code POST /api/v1/runs} accepts paths on meshgate's disk: {@code true} for every allowed caller,
         * {@code false} for none; unset, only for requests from loopback (the no-configuration start).
         */
        Optional<Boolean> allowLocalPaths();

        /** The free disk space below which new runs are refused (503 with Retry-After) rather than half written. */
        @WithDefault("64M")
        MemorySize minFreeDisk();

        /**
         * Whether a change request fails only on errors its merge base did not have (the default, for repositories
         * with old debt), or on every error.
         */
        @WithDefault("true")
        boolean onlyNewErrorsFail();

        /** How many run records are kept on disk; the oldest finished ones are deleted first. */
        @WithDefault("5000")
        int keep();

        /** The name of meshgate's commit status on the forge. */
        @WithDefault("meshgate")
        String statusContext();
    }

    /**
     * Where runs, their findings, the status outbox and delivery ids live: by default an embedded database under
     * {@code data-dir/runs} (one replica); with a JDBC URL, a PostgreSQL database that several replicas share.
     */
    interface Store {

        /** A PostgreSQL database shared by every replica, e.g. {@code jdbc:postgresql://host:5432/meshgate}. */
        Optional<String> jdbcUrl();

        /** The database user. */
        Optional<String> username();

        /** The user's password. */
        Optional<String> password();

        /** A file holding the password (a mounted Kubernetes Secret), read again for every new connection. */
        Optional<Path> passwordFile();

        /** How long a replica's claim on its runs and posts lasts unless renewed; after it, others take them over. */
        @WithDefault("30S")
        Duration lease();

        /** How often an idle replica looks for work that other replicas wrote or left. */
        @WithDefault("1S")
        Duration poll();
    }

    /** How repositories are fetched and exported. */
    interface Git {

        /** The longest one clone or fetch may take in all. */
        @WithDefault("2M")
        Duration fetchTimeout();

        /** The largest single file a checkout exports. */
        @WithDefault("8M")
        MemorySize maxFileSize();

        /** The most one checkout may export. */
        @WithDefault("512M")
        MemorySize maxCheckoutSize();

        /** The largest mirror kept on disk. */
        @WithDefault("2G")
        MemorySize maxRepositorySize();

        /** The most disk all mirrors together may use before the least recently used are evicted. */
        @WithDefault("20G")
        MemorySize diskBudget();

        /**
         * The hosts fetches and pushes may reach ({@code github.com}, {@code *.corp.example}, {@code *}, IP addresses
         * and CIDR ranges); unset, the hosts of the configured forges and git credentials. Loopback, link-local and
         * private addresses are refused unless an entry names the host exactly or covers the address.
         */
        Optional<java.util.List<String>> allowedHosts();

        /** Whether plain http URLs are fetched (tokens would travel in the clear): for tests and trusted networks. */
        @WithDefault("false")
        boolean allowHttp();

        /** Whether submodules (network URLs only) are checked out too. */
        @WithDefault("false")
        boolean submodules();

        /** HTTPS credentials per host name, e.g. {@code meshgate.git.hosts."github.com".token-file}. */
        Map<String, HostToken> hosts();

        Ssh ssh();
    }

    /** The token sent to one host: inline, or in a file such as a mounted Kubernetes Secret. */
    interface HostToken {

        /** The user name that goes with the token; GitHub wants x-access-token, Bitbucket x-token-auth. */
        Optional<String> username();

        Optional<String> token();

        Optional<Path> tokenFile();
    }

    /** The key and known_hosts file for SSH URLs; both or neither. */
    interface Ssh {

        Optional<Path> privateKeyFile();

        Optional<Path> knownHostsFile();
    }
}
