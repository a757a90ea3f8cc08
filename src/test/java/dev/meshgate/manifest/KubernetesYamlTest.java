package dev.meshgate.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * YAML read as Kubernetes reads it (sigs.k8s.io/yaml over go-yaml v2), where SnakeYAML's YAML 1.1 reading differs.
 * The expected JSON of each row is what {@code kubectl label --local -o json} printed for the same line.
 */
class KubernetesYamlTest {

    private final ManifestLoader loader = new ManifestLoader(LoadLimits.defaults(), "default");

    private LoadResult load(String spec) {
        return loader.loadText(
                "in.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: p\nspec:\n" + spec + "\n");
    }

    private JsonNode spec(String spec) {
        LoadResult result = load(spec);
        assertThat(result.problems()).as(spec).isEmpty();
        return result.resources().get(0).at("/spec");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            textBlock =
                    """
            [1.2.3.4, 001:db8::]            | ["1.2.3.4","001:db8::"]
            [fe80::, 2001:db8::1, "::1"]    | ["fe80::","2001:db8::1","::1"]
            {addr: 2001:db8::}              | {"addr":"2001:db8::"}
            {a: [1::, 2::], b: {c: 3::}}    | {"a":["1::","2::"],"b":{"c":"3::"}}
            {a: &x b::, c: *x}              | {"a":"b::","c":"b::"}
            [a:, b]                         | ["a:","b"]
            [a :]                           | ["a :"]
            {a:}                            | {"a:":null}
            [a:b, a: b, http://x:80/]       | ["a:b",{"a":"b"},"http://x:80/"]
            ["a":]                          | [{"a":null}]
            [yes, no, on, off, y, n, Y, N]  | [true,false,true,false,true,false,true,false]
            [True, tRue, "y", 'on']         | [true,"tRue","y","on"]
            [0755, 0o755, 0x1F, 0b101, -0755] | [493,493,31,5,-493]
            [08, 09.5, 010, 0_10, 1_000]    | [8,9.5,8,8,1000]
            [1:20, 190:20:30.15, -1:20]     | ["1:20","190:20:30.15","-1:20"]
            [=, <<, ~, null, 2001-12-14]    | ["=","<<",null,null,"2001-12-14"]
            [1e3, 1., 80.0, -0.0, .5, 1.5]  | [1000,1,80,0,0.5,1.5]
            [0x, 0o8, _1, 1e, 1e400, ._5]   | ["0x","0o8","_1","1e","1e400","._5"]
            [! 5, !!str 6, !!int "7", !!float 8, !!bool y] | ["5","6",7,8,true]
            """)
    void scalarsReadAsKubernetesReadsThem(String yaml, String json) {
        assertThat(spec("  v: " + yaml).path("v").toString()).isEqualTo(json);
    }

    @Test
    void keysBecomeTheJsonKeysKubernetesWrites() {
        JsonNode spec = spec(
                """
                  yes: a
                  off: b
                  0755: c
                  1.0: d
                  1e7: e
                  3.14159265358979: f
                  1:20: g
                  "on": h
                """);

        assertThat(spec.fieldNames())
                .toIterable()
                .containsExactly("true", "false", "493", "1", "1e+07", "3.1415927", "1:20", "on");
        assertThat(KubernetesScalars.float32(0.00001)).isEqualTo("1e-05");
        assertThat(KubernetesScalars.float32(100000)).isEqualTo("100000");
        assertThat(KubernetesScalars.float32(-0.0)).isEqualTo("-0");
        assertThat(KubernetesScalars.float32(1.5e300)).isEqualTo(".inf");
    }

    @Test
    void whatKubernetesCannotTurnIntoJsonIsAProblemAtItsLine() {
        LoadResult result = load(
                """
                  ~: null key
                  18446744073709551615: too big a key
                  v: [.inf, 1]
                  w: !!int 1.5
                """);

        assertThat(result.problems())
                .extracting(p -> p.type() + "@" + p.origin().line())
                .containsExactly("SYNTAX@6", "SYNTAX@7", "SYNTAX@8", "SYNTAX@9");
        assertThat(result.problems().get(3).detail()).contains("cannot decode !!float `1.5` as a !!int");
        assertThat(result.resources()).hasSize(1);
    }

    @Test
    void errorsStayErrorsWhereKubernetesRefusesTheYamlToo() {
        assertThat(load("  v: [::1]").problems())
                .extracting(LoadProblem::type)
                .containsExactly(LoadProblem.Type.SYNTAX);
        assertThat(load("  v: [a?b]").problems())
                .extracting(LoadProblem::type)
                .containsExactly(LoadProblem.Type.SYNTAX);
        assertThat(load("  v: [a:[b]]").problems())
                .extracting(LoadProblem::type)
                .containsExactly(LoadProblem.Type.SYNTAX);
        assertThat(load("  v: 2001:db8::").problems())
                .extracting(LoadProblem::type)
                .containsExactly(LoadProblem.Type.SYNTAX);
    }

    @Test
    void aJoinedScalarKeepsItsPositionAndTheFieldsAfterItTheirs() {
        LoadResult result = loader.loadText(
                "se.yaml",
                """
                apiVersion: networking.istio.io/v1
                kind: ServiceEntry
                metadata: {name: db}
                spec:
                  addresses: [240.0.0.1, 2001:db8::, fd00::]
                  hosts: [db.internal]
                """);

        Resource entry = result.resources().get(0);
        assertThat(entry.at("/spec/addresses").toString()).isEqualTo("[\"240.0.0.1\",\"2001:db8::\",\"fd00::\"]");
        assertThat(entry.origin("/spec/addresses/1")).isEqualTo(new Origin("se.yaml", 5, 26));
        assertThat(entry.origin("/spec/addresses/2")).isEqualTo(new Origin("se.yaml", 5, 38));
        assertThat(entry.origin("/spec/hosts/0")).isEqualTo(new Origin("se.yaml", 6, 11));
    }

    @Test
    void configFilesAreReadTheSameWay() {
        ManifestLoader.YamlTree tree = loader.readDocument(".meshgate.yaml", "knownHosts: [2001:db8::]\nflag: y\n");

        assertThat(tree.problem()).isNull();
        assertThat(tree.tree().toString()).isEqualTo("{\"knownHosts\":[\"2001:db8::\"],\"flag\":true}");
        assertThat(List.of(tree.positions().origin("/knownHosts/0").column())).containsExactly(14);
    }
}
