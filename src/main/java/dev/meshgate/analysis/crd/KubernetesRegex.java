package dev.meshgate.analysis.crd;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.cel.runtime.CelEvaluationException;
import java.util.ArrayList;
import java.util.List;

/** The API server's regex library for CEL: {@code find} and {@code findAll}, with RE2 semantics like {@code matches}. */
final class KubernetesRegex {

    private KubernetesRegex() {}

    static String find(String text, String regex) throws CelEvaluationException {
        Matcher matcher = compile(regex).matcher(text);
        return matcher.find() ? matcher.group() : "";
    }

    static List<String> findAll(String text, String regex, long limit) throws CelEvaluationException {
        Matcher matcher = compile(regex).matcher(text);
        List<String> found = new ArrayList<>();
        while ((limit < 0 || found.size() < limit) && matcher.find()) {
            found.add(matcher.group());
        }
        return found;
    }

    private static Pattern compile(String regex) throws CelEvaluationException {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw KubernetesCelFunctions.invalid("invalid regular expression: " + e.getMessage());
        }
    }
}
