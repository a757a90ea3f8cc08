package dev.meshgate.analysis.crd;

import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.SimpleType;
import dev.cel.extensions.CelExtensions;
import dev.cel.optimizer.CelOptimizationException;
import dev.cel.optimizer.CelOptimizer;
import dev.cel.optimizer.CelOptimizerFactory;
import dev.cel.optimizer.optimizers.ConstantFoldingOptimizer;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The CEL environment of CRD validation rules, as the API server sets it up: the standard library and macros
 * ({@code has}, {@code all}, {@code exists}, {@code exists_one}, {@code map}, {@code filter}), the string and list
 * extensions, and the Kubernetes libraries dev.cel lacks ({@link KubernetesCelFunctions}). {@code self} is dynamic:
 * the rules were checked against their schema when the CRD was created, so meshgate only runs them.
 */
final class CelEnvironment {

    /** The API server's limit on the cost of one evaluation of one rule (apiextensions' PerCallLimit). */
    static final long PER_CALL_COST_LIMIT = 1_000_000L;

    /** The API server's budget for all rules of one object (apiextensions' RuntimeCELCostBudget). */
    static final long PER_OBJECT_COST_BUDGET = 10_000_000L;

    private static final Cel CEL = build();

    private static final CelOptimizer FOLDING = CelOptimizerFactory.standardCelOptimizerBuilder(CEL)
            .addAstOptimizers(ConstantFoldingOptimizer.getInstance())
            .build();

    private CelEnvironment() {}

    private static Cel build() {
        KubernetesCelFunctions kubernetes = KubernetesCelFunctions.all();
        CelOptions options = CelOptions.current()
                .enableHeterogeneousNumericComparisons(true)
                .comprehensionMaxIterations((int) PER_CALL_COST_LIMIT)
                .build();
        return CelFactory.standardCelBuilder()
                .setOptions(options)
                .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
                .addCompilerLibraries(CelExtensions.strings(), CelExtensions.lists())
                .addRuntimeLibraries(CelExtensions.strings(), CelExtensions.lists())
                .addVar("self", SimpleType.DYN)
                .addVar("oldSelf", SimpleType.DYN)
                .addFunctionDeclarations(kubernetes.declarations())
                .addFunctionBindings(kubernetes.bindings())
                .build();
    }

    /** A compiled expression, or why it does not compile. */
    record Compiled(CelProgram program, String error) {}

    // Type-checking is the expensive part of reading a CRD (dev.cel rebuilds its checker's environment for every
    // expression), and CRDs repeat few distinct rules many times: Istio's about 400 rules are 36 expressions.
    private static final Map<String, Compiled> COMPILED = new ConcurrentHashMap<>();
    private static final int MAX_COMPILED = 10_000;
    private static final AtomicBoolean WARM = new AtomicBoolean();

    /** Compiles an expression once per process. */
    static Compiled compile(String expression) {
        Compiled known = COMPILED.get(expression);
        if (known != null) {
            return known;
        }
        Compiled compiled;
        try {
            CelAbstractSyntaxTree ast = CEL.compile(expression).getAst();
            // Planned as written, so that an expression the runtime refuses is a problem of its CRD as before; the
            // program that runs, its constants folded, is made when it is first evaluated.
            CelRuntime.Program asWritten = CEL.createProgram(ast);
            compiled = new Compiled(new CelProgram(() -> folded(ast, asWritten)), null);
        } catch (CelValidationException | CelEvaluationException e) {
            compiled = new Compiled(null, firstLine(e.getMessage()));
        }
        if (COMPILED.size() < MAX_COMPILED) {
            COMPILED.put(expression, compiled);
        }
        return compiled;
    }

    /**
     * Loads the engine and compiles one typical rule, keeping nothing: the first compilation in a process costs about
     * half a second (the engine's classes and its standard environment), the next ones milliseconds.
     */
    static void warmUp() {
        if (!WARM.compareAndSet(false, true)) {
            return;
        }
        try {
            CEL.createProgram(
                    CEL.compile("has(self.a) && self.b.all(x, x.size() <= 63)").getAst());
        } catch (CelValidationException | CelEvaluationException e) {
            // nothing is lost: the first rule of a CRD pays the engine's start instead
        }
    }

    /** The program of the expression with its constants folded, else the one as written. */
    private static CelRuntime.Program folded(CelAbstractSyntaxTree ast, CelRuntime.Program asWritten) {
        try {
            return CEL.createProgram(folded(ast));
        } catch (CelEvaluationException e) {
            return asWritten;
        }
    }

    /** The expression with its constant parts computed once ("duration('1ms')"), else as written. */
    private static CelAbstractSyntaxTree folded(CelAbstractSyntaxTree ast) {
        try {
            return FOLDING.optimize(ast);
        } catch (CelOptimizationException | RuntimeException e) {
            // Folding is an optimisation: an expression it cannot fold still runs as written.
            return ast;
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no reason given";
        }
        String text = message.replaceFirst("^ERROR: <input>:", "");
        int newline = text.indexOf('\n');
        return (newline < 0 ? text : text.substring(0, newline)).trim();
    }
}
