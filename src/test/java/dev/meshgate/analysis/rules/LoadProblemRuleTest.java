package dev.meshgate.analysis.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshgate.analysis.AnalysisSettings;
import dev.meshgate.analysis.Analyzer;
import dev.meshgate.analysis.Finding;
import dev.meshgate.manifest.LoadProblem;
import dev.meshgate.manifest.LoadResult;
import dev.meshgate.manifest.Origin;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Covers the load problem no fixture can produce on a machine where the tests run as root: an unreadable file. */
class LoadProblemRuleTest {

    @Test
    void unreadableFilesAreReportedAsMg0005() {
        LoadResult loaded = new LoadResult(
                List.of(),
                List.of(new LoadProblem(LoadProblem.Type.UNREADABLE, Origin.of("secret.yaml"), "Permission denied")),
                1);

        List<Finding> findings = new Analyzer(List.of(new LoadProblemRule()))
                .analyze(loaded, AnalysisSettings.defaults())
                .findings();

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("MG0005");
            assertThat(f.text()).isEqualTo("File cannot be read: Permission denied");
            assertThat(f.origin().file()).isEqualTo("secret.yaml");
        });
    }

    @Test
    void everyProblemTypeHasItsOwnCode() {
        assertThat(List.of(LoadProblem.Type.values()))
                .extracting(LoadProblemRule::codeOf)
                .doesNotHaveDuplicates();
    }
}
