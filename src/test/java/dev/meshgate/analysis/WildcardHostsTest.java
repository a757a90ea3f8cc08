package dev.meshgate.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshgate.manifest.LoadLimits;
import dev.meshgate.manifest.ManifestLoader;
import dev.meshgate.manifest.Resource;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Wildcard hosts found by their domain: full and partial wildcards, "*", several per resource, input order kept. */
class WildcardHostsTest {

    private static final String INPUT =
            """
            apiVersion: networking.istio.io/v1
            kind: ServiceEntry
            metadata: {name: everything, namespace: egress}
            spec:
              hosts: ["*"]
            ---
            apiVersion: networking.istio.io/v1
            kind: ServiceEntry
            metadata: {name: partners, namespace: egress}
            spec:
              hosts: ["*.partner.example.com", "*.b.partner.example.com", api.partner.example.com]
            ---
            apiVersion: networking.istio.io/v1
            kind: ServiceEntry
            metadata: {name: partial, namespace: egress}
            spec:
              hosts: ["*pay.example.com"]
            ---
            apiVersion: networking.istio.io/v1
            kind: ServiceEntry
            metadata: {name: other, namespace: egress}
            spec:
              hosts: ["*.other.example.org"]
            """;

    private final Index index = Index.build(
            new ManifestLoader(LoadLimits.defaults(), "default")
                    .loadText("input.yaml", INPUT)
                    .resources(),
            AnalysisSettings.defaults());

    private List<String> serviceEntries(String host) {
        return index.serviceEntries(host, null).stream().map(Resource::name).toList();
    }

    @Test
    void aHostFindsEveryWildcardThatCoversItOnceInInputOrderAfterExactHosts() {
        assertThat(serviceEntries("x.b.partner.example.com")).containsExactly("everything", "partners");
        assertThat(serviceEntries("api.partner.example.com")).containsExactly("partners", "everything");
        assertThat(serviceEntries("shop.pay.example.com")).containsExactly("everything", "partial");
        assertThat(serviceEntries("applepay.example.com")).containsExactly("everything", "partial");
        assertThat(serviceEntries("x.other.example.org")).containsExactly("everything", "other");
    }

    @Test
    void aWildcardCoversNeitherItsDomainNorHostsThatOnlyEndAlike() {
        assertThat(serviceEntries("partner.example.com")).containsExactly("everything");
        assertThat(serviceEntries("notpartner.example.com")).containsExactly("everything");
        assertThat(serviceEntries("pay.example.com")).containsExactly("everything");
    }

    @Test
    void aWildcardHostIsCoveredByTheWiderWildcards() {
        assertThat(serviceEntries("*.x.partner.example.com")).containsExactly("everything", "partners");
    }

    @Test
    void amongManyWildcardsOnlyThoseOfTheHostsDomainsMatch() {
        WildcardHosts hosts = new WildcardHosts();
        List<Resource> resources = index.ofKind(Kinds.SERVICE_ENTRY);
        for (int i = 0; i < 100_000; i++) {
            hosts.add("*.team-" + i + ".example.com", resources.get(i % resources.size()));
        }
        hosts.add("*.api.team-7.example.com", resources.get(1));

        assertThat(hosts.covering("v1.api.team-7.example.com")).containsExactly(resources.get(1), resources.get(3));
        assertThat(hosts.covering("team-7.example.com")).isEmpty();
    }
}
