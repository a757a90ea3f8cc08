package dev.meshgate.analysis;

import dev.meshgate.manifest.LoadLimits;
import dev.meshgate.manifest.ManifestLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The rule fixtures: src/test/resources/rules/RULE-NAME/CASE/ holds input YAML files and expected.txt, one finding a
 * line as "CODE Kind namespace/name file:line" ("CODE - file:line" for file-level findings). Only the codes of the
 * rule named by the folder are compared (and only that rule runs), unless a "# codes: A B" line names others. A
 * "# whole mesh" line analyses the case as {@code wholeMesh: true} does. A case whose rule fails (IST0001) fails,
 * whatever it expects.
 */
final class RuleCases {

    /** One case folder. */
    record Case(String rule, String name, Path folder) {

        List<String> expected() {
            return lines().stream().filter(l -> !l.startsWith("#")).collect(Collectors.toList());
        }

        /** The codes this case compares: a "# codes:" line, else the codes of its rule. */
        Set<String> codes(Rule owner) {
            for (String line : lines()) {
                if (line.startsWith("# codes:")) {
                    return new TreeSet<>(
                            List.of(line.substring("# codes:".length()).trim().split("\\s+")));
                }
            }
            return owner.info().messages().stream().map(Message::code).collect(Collectors.toCollection(TreeSet::new));
        }

        /**
         * The findings of the case's rule alone (like istioctl's analyzer tests, so that rules sharing a code such as
         * IST0101 do not see each other's findings), as expected.txt lines, for the given codes.
         */
        List<String> actual(Rule rule, Set<String> codes) throws IOException {
            var loaded = new ManifestLoader(LoadLimits.defaults(), "default").load(List.of(folder));
            AnalysisSettings settings = AnalysisSettings.defaults().asWholeMesh(lines().contains("# whole mesh"));
            var analysis = new Analyzer(List.of(rule)).analyze(loaded, settings);
            // A rule that throws (a read it does not declare, a message with the wrong arguments) fails its case even
            // when the findings it reported before happen to be the expected ones.
            for (Finding finding : analysis.findings()) {
                if (finding.code().equals(Message.IST0001.code())) {
                    throw new AssertionError(this + ": " + finding.text());
                }
            }
            return analysis.findings().stream()
                    .filter(f -> codes.contains(f.code()))
                    .map(RuleCases::line)
                    .collect(Collectors.toList());
        }

        private List<String> lines() {
            try {
                return Files.readAllLines(folder.resolve("expected.txt")).stream()
                        .map(String::trim)
                        .filter(l -> !l.isEmpty())
                        .collect(Collectors.toList());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public String toString() {
            return rule + "/" + name;
        }
    }

    private RuleCases() {}

    static String line(Finding finding) {
        String resource = finding.resource() == null ? "-" : finding.resource().toString();
        return finding.code() + " " + resource + " " + finding.origin().file() + ":"
                + finding.origin().line();
    }

    static Path root() {
        try {
            return Path.of(RuleCases.class.getResource("/rules").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Case> all() throws IOException {
        List<Case> cases = new ArrayList<>();
        try (Stream<Path> rules = Files.list(root())) {
            for (Path rule : rules.sorted().toList()) {
                try (Stream<Path> folders = Files.list(rule)) {
                    for (Path folder :
                            folders.filter(Files::isDirectory).sorted().toList()) {
                        cases.add(new Case(
                                rule.getFileName().toString(),
                                folder.getFileName().toString(),
                                folder));
                    }
                }
            }
        }
        return cases;
    }
}
