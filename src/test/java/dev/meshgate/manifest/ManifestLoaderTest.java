package dev.meshgate.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestLoaderTest {

    @TempDir
    Path dir;

    private final ManifestLoader loader = new ManifestLoader(LoadLimits.defaults(), "default");

    @Test
    void readsMultiDocumentYamlJsonAndListsRecursivelyWithPositions() throws IOException {
        write(
                "a.yaml",
                """
                apiVersion: v1
                kind: Service
                metadata:
                  name: web
                  namespace: shop
                spec:
                  ports:
                  - name: http
                    port: 80
                ---
                # a comment-only document is skipped
                ---
                apiVersion: v1
                kind: List
                items:
                - apiVersion: v1
                  kind: ConfigMap
                  metadata:
                    name: one
                - apiVersion: v1
                  kind: ConfigMap
                  metadata: {name: two}
                """);
        write(
                "nested/deeper/b.json",
                """
                {"apiVersion": "v1", "kind": "Namespace",
                 "metadata": {"name": "shop"}}
                """);
        write("notes.txt", "not a manifest");
        write(".git/config.yaml", "apiVersion: v1\nkind: Secret\nmetadata: {name: hidden}\n");

        LoadResult result = loader.load(List.of(dir));

        assertThat(result.problems()).isEmpty();
        assertThat(result.files()).isEqualTo(2);
        assertThat(result.resources())
                .extracting(Resource::toString)
                .containsExactly(
                        "Service shop/web", "ConfigMap default/one", "ConfigMap default/two", "Namespace shop");
        Resource service = result.resources().get(0);
        assertThat(service.origin()).isEqualTo(new Origin("a.yaml", 1, 1));
        assertThat(service.origin("/spec/ports/0/port")).isEqualTo(new Origin("a.yaml", 9, 5));
        assertThat(service.origin("/spec/ports/0/name")).isEqualTo(new Origin("a.yaml", 8, 5));
        assertThat(service.origin("/spec/ports/0/missing")).isEqualTo(new Origin("a.yaml", 8, 5));
        assertThat(result.resources().get(2).origin()).isEqualTo(new Origin("a.yaml", 20, 3));
        assertThat(result.resources().get(3).origin("/metadata/name").file()).isEqualTo("nested/deeper/b.json");
        assertThat(result.resources().get(3).origin("/metadata/name").line()).isEqualTo(2);
        assertThat(result.resources().get(3).namespace()).isEmpty();
    }

    @Test
    void malformedYamlIsAProblemAtItsLineAndOtherFilesAreStillRead() throws IOException {
        write(
                "bad.yaml",
                """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: before
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: [unclosed
                """);
        write("good.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: good}\n");

        LoadResult result = loader.load(List.of(dir));

        assertThat(result.resources()).extracting(Resource::name).containsExactly("before", "good");
        assertThat(result.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.type()).isEqualTo(LoadProblem.Type.SYNTAX);
            assertThat(problem.origin().file()).isEqualTo("bad.yaml");
            assertThat(problem.origin().line()).isEqualTo(10);
        });
    }

    @Test
    void aliasBombsDeepNestingAndHugeFilesHitLimitsNotMemory() throws IOException {
        StringBuilder bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
        for (char c = 'b'; c <= 'z'; c++) {
            char previous = (char) (c - 1);
            bomb.append(c)
                    .append(": &")
                    .append(c)
                    .append(" [*")
                    .append(previous)
                    .append(", *")
                    .append(previous)
                    .append(", *")
                    .append(previous)
                    .append(", *")
                    .append(previous)
                    .append("]\n");
        }
        write("bomb.yaml", bomb.toString());
        write("deep.yaml", "a: " + "[".repeat(200) + "]".repeat(200) + "\n");
        ManifestLoader small = new ManifestLoader(new LoadLimits(1024, 100, 64, 500_000), "default");
        write(
                "big.yaml",
                "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: big}\ndata:\n  x: \"" + "y".repeat(2000) + "\"\n");

        LoadResult result = small.load(List.of(dir));

        assertThat(result.resources()).isEmpty();
        assertThat(result.problems()).extracting(LoadProblem::type).containsOnly(LoadProblem.Type.LIMIT);
        assertThat(result.problems())
                .extracting(p -> p.origin().file())
                .containsExactlyInAnyOrder("big.yaml", "bomb.yaml", "deep.yaml");
        assertThat(result.problems())
                .extracting(LoadProblem::detail)
                .anyMatch(d -> d.contains("nesting"))
                .anyMatch(d -> d.contains("bytes"));
    }

    @Test
    void aliasExpansionIsCappedEvenUnderTheAliasLimit() throws IOException {
        StringBuilder bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for (char c = 'b'; c <= 'h'; c++) {
            char p = (char) (c - 1);
            bomb.append(c)
                    .append(": &")
                    .append(c)
                    .append(" [*")
                    .append(p)
                    .append(", *")
                    .append(p)
                    .append(", *")
                    .append(p)
                    .append(", *")
                    .append(p)
                    .append(", *")
                    .append(p)
                    .append(", *")
                    .append(p)
                    .append("]\n");
        }
        write("bomb.yaml", bomb.toString());

        LoadResult result = new ManifestLoader(new LoadLimits(1 << 20, 100, 64, 100_000), "default").load(List.of(dir));

        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.type()).isEqualTo(LoadProblem.Type.LIMIT);
            assertThat(p.detail()).contains("100000");
        });
    }

    @Test
    void positionsFollowEscapedKeysDuplicatesMergeKeysAndListItems() {
        Resource resource = loader.loadText(
                        "kinds.yaml",
                        """
                        apiVersion: v1
                        kind: ConfigMap
                        metadata:
                          name: odd
                          annotations:
                            a/b: "1"
                            c~d: "2"
                        base: &base
                          p: 1
                          q: 2
                        merged:
                          <<: *base
                          z: 3
                        data:
                          first: {kept: 1}
                          first: {other: 2}
                        items:
                        - one
                        - {two: 2}
                        """)
                .resources()
                .get(0);

        assertThat(resource.origin()).isEqualTo(new Origin("kinds.yaml", 1, 1));
        assertThat(resource.origin("/metadata/annotations/a~1b")).isEqualTo(new Origin("kinds.yaml", 6, 5));
        assertThat(resource.origin("/metadata/annotations/c~0d")).isEqualTo(new Origin("kinds.yaml", 7, 5));
        assertThat(resource.origin("/merged/z")).isEqualTo(new Origin("kinds.yaml", 13, 3));
        // A merged field points where the anchored mapping writes it.
        assertThat(resource.origin("/merged/q")).isEqualTo(new Origin("kinds.yaml", 10, 3));
        // The last writing of a duplicated key wins; the fields of the first stay known.
        assertThat(resource.origin("/data/first")).isEqualTo(new Origin("kinds.yaml", 16, 3));
        assertThat(resource.origin("/data/first/other")).isEqualTo(new Origin("kinds.yaml", 16, 11));
        assertThat(resource.origin("/data/first/kept")).isEqualTo(new Origin("kinds.yaml", 15, 11));
        assertThat(resource.origin("/items/1/two")).isEqualTo(new Origin("kinds.yaml", 19, 4));
        assertThat(resource.origin("/items/7")).isEqualTo(new Origin("kinds.yaml", 17, 1));
        assertThat(resource.positions().has("/items/0")).isTrue();
        assertThat(resource.positions().has("/items/2")).isFalse();
    }

    @Test
    void positionsRecordedByPointerFindTheirClosestAncestorAndOtherFiles() {
        FieldPositions positions = new FieldPositions("base.yaml");
        positions.put("/spec/hosts/0", new Origin("base.yaml", 7, 5));
        positions.put("/spec", new Origin("patch.yaml", 2, 1));
        positions.put("/spec/hosts/0", new Origin("base.yaml", 8, 5));

        assertThat(positions.origin("/spec/hosts/0")).isEqualTo(new Origin("base.yaml", 8, 5));
        assertThat(positions.origin("/spec/hosts/1")).isEqualTo(new Origin("patch.yaml", 2, 1));
        assertThat(positions.origin("/spec/hosts")).isEqualTo(new Origin("patch.yaml", 2, 1));
        assertThat(positions.has("/spec/hosts")).isFalse();
        assertThat(positions.origin("/status")).isEqualTo(Origin.of("base.yaml"));
        assertThat(positions.origin("")).isEqualTo(Origin.of("base.yaml"));
    }

    @Test
    void documentsThatAreNotObjectsAndDuplicateKeysAreProblemsWithLines() throws IOException {
        write(
                "odd.yaml",
                """
                - just
                - a list
                ---
                kind: ConfigMap
                metadata: {name: no-api-version}
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {}
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: dup
                  name: dup2
                """);

        LoadResult result = loader.load(List.of(dir));

        assertThat(result.problems())
                .extracting(p -> p.type() + "@" + p.origin().line())
                .containsExactlyInAnyOrder("NOT_AN_OBJECT@1", "NOT_AN_OBJECT@4", "NOT_AN_OBJECT@9", "DUPLICATE_KEY@15");
        assertThat(result.resources()).extracting(Resource::name).containsExactly("dup2");
    }

    @Test
    void filesThatHoldNoKubernetesObjectAreSkippedAndCounted() throws IOException {
        write("package.json", "{\"name\": \"web\", \"version\": \"1.0.0\", \"dependencies\": {}}\n");
        write("playbook.yml", "- hosts: web\n  tasks:\n  - name: install\n    apt: {name: nginx}\n");
        write("chart/Chart.yaml", "apiVersion: v2\nname: web\nversion: 0.1.0\n");
        write("chart/values.yaml", "replicaCount: 2\nservice:\n  port: 80\n  port: 8080\n");
        write("tsconfig.json", "{\n  // a comment\n  \"compilerOptions\": {\"strict\": true,},\n}\n");
        Files.write(dir.resolve("dashboard.json"), "{\"title\": \"latency\"}\n".getBytes(StandardCharsets.UTF_16));
        write("empty.yaml", "# nothing yet\n");
        write("vs.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: real}\n");

        LoadResult result = loader.load(List.of(dir));

        assertThat(result.problems()).isEmpty();
        assertThat(result.resources()).extracting(Resource::name).containsExactly("real");
        assertThat(result.files()).isEqualTo(8);
        assertThat(result.skippedFiles()).isEqualTo(6);
    }

    @Test
    void aFileTooLargeToReadIsSkippedOnlyWhenItsStartNamesNoObject() throws IOException {
        write("package-lock.json", "{\"name\": \"web\", \"packages\": {\"x\": \"" + "y".repeat(4000) + "\"}}\n");
        write(
                "crds.yaml",
                "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: big}\ndata:\n  x: \"" + "y".repeat(4000) + "\"\n");

        LoadResult result = new ManifestLoader(new LoadLimits(1024, 100, 64, 500_000), "default").load(List.of(dir));

        assertThat(result.skippedFiles()).isEqualTo(1);
        assertThat(result.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.type()).isEqualTo(LoadProblem.Type.LIMIT);
            assertThat(problem.origin().file()).isEqualTo("crds.yaml");
        });
    }

    @Test
    void invalidYamlStaysAnErrorWhereTheFileIsAManifest() throws IOException {
        write("broken.yaml", "apiVersion: v1\nkind: Service\nmetadata:\n  name: [web\n");
        write("broken.json", "{\"apiVersion\": \"v1\", \"kind\": \"Service\" \"metadata\": {}}\n");
        write("mixed.yaml", "replicas: 3\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: cm}\n");
        Files.write(
                dir.resolve("latin1.yaml"),
                "apiVersion: v1\nkind: ConfigMap\n# caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        Files.write(dir.resolve("latin1.json"), "{\"title\": \"caf\u00e9\"}\n".getBytes(StandardCharsets.ISO_8859_1));

        LoadResult result = loader.load(List.of(dir));

        assertThat(result.problems())
                .extracting(p -> p.type() + " " + p.origin().file())
                .containsExactlyInAnyOrder(
                        "SYNTAX broken.yaml", "SYNTAX broken.json", "NOT_AN_OBJECT mixed.yaml", "SYNTAX latin1.yaml");
        assertThat(result.skippedFiles()).isEqualTo(1);
    }

    @Test
    void manifestFilesAreFoundInPathOrderWithoutHiddenFoldersHiddenFilesOrLinks() throws IOException {
        write("b/z.yaml", "a: 1\n");
        write("a.json", "{}\n");
        write("b/a.yml", "a: 1\n");
        write("b/notes.txt", "not a manifest\n");
        write(".hidden/c.yaml", "a: 1\n");
        write("b/.d/e.yaml", "a: 1\n");
        write("b/.f.yaml", "a: 1\n");
        Files.createSymbolicLink(dir.resolve("b/link.yaml"), dir.resolve("a.json"));
        Files.createSymbolicLink(dir.resolve("linked"), dir.resolve("b"));

        assertThat(ManifestFiles.under(dir))
                .containsExactly(dir.resolve("a.json"), dir.resolve("b/a.yml"), dir.resolve("b/z.yaml"));
        assertThat(ManifestFiles.under(dir.resolve("b/link.yaml"))).containsExactly(dir.resolve("b/link.yaml"));
    }

    @Test
    void aReplacementCharacterWrittenInUtf8IsReadAsText() throws IOException {
        write("marked.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cm}\ndata: {mark: \"\uFFFD\"}\n");

        LoadResult result = loader.load(List.of(dir));

        assertThat(result.problems()).isEmpty();
        assertThat(result.resources().get(0).body().path("data").path("mark").asText())
                .isEqualTo("\uFFFD");
    }

    @Test
    void everythingGivenAsTextMustBeObjects() {
        LoadResult rendered = loader.loadText("templates/values.yaml", "replicaCount: 2\n");

        assertThat(rendered.problems()).extracting(LoadProblem::type).containsExactly(LoadProblem.Type.NOT_AN_OBJECT);
        assertThat(rendered.skippedFiles()).isZero();
    }

    @Test
    void filesOfAnApplicationAreSkippedAndCountedToo() throws IOException {
        Path values = write("app/values.yaml", "replicaCount: 2\n");
        Path manifest = write("app/cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cm}\n");

        LoadResult result = loader.loadFiles(dir, List.of(values, manifest));

        assertThat(result.problems()).isEmpty();
        assertThat(result.files()).isEqualTo(2);
        assertThat(result.skippedFiles()).isEqualTo(1);
    }

    @Test
    void globalTagsAreRefusedAndLocalTagsReadAsText() throws IOException {
        write(
                "global.yaml",
                """
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: global}
                data:
                  x: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL ["http://x"]]]]
                """);
        write(
                "local.yaml",
                """
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: local}
                data:
                  z: !custom value
                """);

        LoadResult result = loader.load(List.of(dir));

        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.type()).isEqualTo(LoadProblem.Type.SYNTAX);
            assertThat(p.origin()).isEqualTo(new Origin("global.yaml", 5, 6));
            assertThat(p.detail()).contains("tag is not allowed");
        });
        assertThat(result.resources())
                .singleElement()
                .satisfies(r -> assertThat(r.at("/data/z").asText()).isEqualTo("value"));
    }

    @Test
    void utf16FilesWithByteOrderMarkAreRead() throws IOException {
        Files.write(
                dir.resolve("utf16.yaml"),
                "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: wide}\n".getBytes(StandardCharsets.UTF_16));

        assertThat(loader.load(List.of(dir)).resources())
                .extracting(Resource::name)
                .containsExactly("wide");
    }

    @Test
    void aMissingPathIsAnIoError() {
        assertThatThrownBy(() -> loader.load(List.of(dir.resolve("nope")))).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void aFileGivenDirectlyIsNamedByItsFileName() throws IOException {
        Path file = write("sub/one.yml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: one}\n");

        assertThat(loader.load(List.of(file)).resources().get(0).origin().file())
                .isEqualTo("one.yml");
    }

    @Test
    void aFileThatTwoPathsLeadToIsReadOnce() throws IOException {
        Path file = write("apps/web.yaml", "apiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: shop}\n");

        LoadResult result = loader.load(List.of(dir, dir.resolve("apps"), file, dir.resolve("apps/../apps")));

        assertThat(result.resources()).hasSize(1);
        assertThat(result.resources().get(0).origin().file()).isEqualTo("apps/web.yaml");
        assertThat(result.files()).isEqualTo(1);
        assertThat(loader.loadFiles(dir, List.of(file, dir.resolve("apps/./web.yaml")))
                        .resources())
                .hasSize(1);
    }

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }
}
