package dev.meshgate.analysis.crd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cel.runtime.CelEvaluationException;
import org.junit.jupiter.api.Test;

class CelProgramTest {

    private static CelProgram compile(String expression) {
        CelEnvironment.Compiled compiled = CelEnvironment.compile(expression);
        assertThat(compiled.error()).isNull();
        return compiled.program();
    }

    @Test
    void aRememberedScalarOutcomeIsStillChargedToEachObject() throws CelEvaluationException {
        CelProgram program = compile("self.size() > 2");
        assertThat(program.evaluate("abc", CostBudget.standard())).isEqualTo(true);
        assertThat(program.evaluate("ab", CostBudget.standard())).isEqualTo(false);

        // One evaluation costs a few steps: two on a budget of five exceed it, remembered or not.
        CostBudget small = new CostBudget(1_000, 5);
        assertThat(program.evaluate("abc", small)).isEqualTo(true);
        assertThatThrownBy(() -> program.evaluate("abc", small)).isInstanceOf(CostBudget.Exceeded.class);
    }

    @Test
    void aRememberedErrorIsRaisedAgain() {
        CelProgram program = compile("int(self) > 0");
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> program.evaluate("not a number", CostBudget.standard()))
                    .isInstanceOf(CelEvaluationException.class);
        }
    }

    @Test
    void constantsAreFoldedWithoutChangingTheResult() throws CelEvaluationException {
        CelProgram program = compile("duration(self) >= duration('1ms')");
        assertThat(program.evaluate("3s", CostBudget.standard())).isEqualTo(true);
        assertThat(program.evaluate("0.5ms", CostBudget.standard())).isEqualTo(false);
    }

    @Test
    void theProgramIsMadeAtItsFirstEvaluationAndOnce() throws Exception {
        dev.cel.bundle.Cel cel = dev.cel.bundle.CelFactory.standardCelBuilder()
                .addVar("self", dev.cel.common.types.SimpleType.DYN)
                .build();
        dev.cel.runtime.CelRuntime.Program made =
                cel.createProgram(cel.compile("self.size() > 1").getAst());
        java.util.concurrent.atomic.AtomicInteger making = new java.util.concurrent.atomic.AtomicInteger();
        CelProgram program = new CelProgram(() -> {
            making.incrementAndGet();
            return made;
        });

        assertThat(making).as("not made before it is evaluated").hasValue(0);
        assertThat(program.evaluate(java.util.List.of(1, 2), CostBudget.standard()))
                .isEqualTo(true);
        assertThat(program.evaluate(java.util.List.of(1), CostBudget.standard()))
                .isEqualTo(false);
        assertThat(making).hasValue(1);
    }

    @Test
    void listsAndMapsAreEvaluatedEachTime() throws CelEvaluationException {
        CelProgram program = compile("self.all(key, !key.contains('*'))");
        assertThat(program.evaluate(java.util.Map.of("app", "a"), CostBudget.standard()))
                .isEqualTo(true);
        assertThat(program.evaluate(java.util.Map.of("a*", "a"), CostBudget.standard()))
                .isEqualTo(false);
    }
}
