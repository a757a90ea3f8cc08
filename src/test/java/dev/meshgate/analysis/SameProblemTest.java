package dev.meshgate.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshgate.manifest.Origin;
import java.util.List;
import org.junit.jupiter.api.Test;

class SameProblemTest {

    private static final ResourceRef VS = new ResourceRef("VirtualService", "shop", "reviews");
    private static final ResourceRef OTHER = new ResourceRef("VirtualService", "shop", "ratings");

    private static Finding finding(Message message, ResourceRef resource, int line, int column) {
        return new Finding(
                message, message.severity(), message.code() + " text", resource, new Origin("a.yaml", line, column));
    }

    @Test
    void aWebhookFindingOnTheFieldACrdFindingFlagsIsFoldedIntoIt() {
        Finding crd = finding(Message.MG1202, VS, 16, 16);
        List<Finding> merged = SameProblem.merge(List.of(finding(Message.MG1103, VS, 16, 16), crd));

        assertThat(merged).hasSize(1);
        assertThat(merged.get(0).message()).isEqualTo(Message.MG1202);
        assertThat(merged.get(0).text()).isEqualTo("MG1202 text");
        assertThat(merged.get(0).alsoReportedAs()).containsExactly(Message.MG1103);
        assertThat(merged.get(0).messages()).containsExactly(Message.MG1202, Message.MG1103);
    }

    @Test
    void findingsElsewhereOrOfOtherKindsStay() {
        List<Finding> findings = List.of(
                finding(Message.MG1201, VS, 16, 16),
                finding(Message.MG1103, VS, 16, 17), // another column: another field on a flow-style line
                finding(Message.MG1103, OTHER, 16, 16), // another resource
                finding(Message.IST0101, VS, 16, 16), // a reference, not structure
                finding(Message.MG1001, VS, 16, 16));

        assertThat(SameProblem.merge(findings)).isEqualTo(findings);
    }

    @Test
    void withoutCrdFindingsAPerKindFindingStandsForTheStructureFindingOnItsField() {
        List<Finding> merged =
                SameProblem.merge(List.of(finding(Message.IST0106, VS, 3, 5), finding(Message.MG1105, VS, 3, 5)));

        assertThat(merged).hasSize(1);
        assertThat(merged.get(0).message()).isEqualTo(Message.MG1105);
        assertThat(merged.get(0).alsoReportedAs()).containsExactly(Message.IST0106);
    }

    @Test
    void structureFindingsElsewhereStay() {
        List<Finding> findings = List.of(
                finding(Message.MG1103, VS, 3, 5),
                finding(Message.IST0106, VS, 3, 6),
                finding(Message.IST0106, OTHER, 3, 5),
                finding(Message.MG1001, VS, 3, 5));
        assertThat(SameProblem.merge(findings)).isEqualTo(findings);
    }

    @Test
    void withoutFindingsToFoldNothingChanges() {
        List<Finding> findings = List.of(finding(Message.IST0101, VS, 3, 5), finding(Message.IST0106, VS, 3, 5));
        assertThat(SameProblem.merge(findings)).isSameAs(findings);
    }
}
