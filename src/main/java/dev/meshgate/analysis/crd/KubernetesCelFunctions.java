package dev.meshgate.analysis.crd;

import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.OpaqueType;
import dev.cel.common.types.SimpleType;
import dev.cel.common.types.TypeParamType;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelFunctionBinding;
import java.util.ArrayList;
import java.util.List;

/**
 * The CEL functions the Kubernetes API server adds to the standard library and that dev.cel lacks: URLs
 * ({@code url}, {@code isURL}, {@code getScheme}, ...), regular expressions ({@code find}, {@code findAll}), lists
 * ({@code isSorted}, {@code sum}, {@code min}, {@code max}, {@code indexOf}, {@code lastIndexOf}) and quantities
 * ({@code quantity}, {@code isQuantity}, {@code compareTo}, ...). Declarations and bindings are kept side by side.
 */
final class KubernetesCelFunctions {

    static final CelType URL = OpaqueType.create("kubernetes.URL");
    static final CelType QUANTITY = OpaqueType.create("kubernetes.Quantity");
    private static final CelType ELEMENT = TypeParamType.create("T");
    private static final CelType LIST_OF_ELEMENT = ListType.create(ELEMENT);

    private final List<CelFunctionDecl> declarations = new ArrayList<>();
    private final List<CelFunctionBinding> bindings = new ArrayList<>();

    private KubernetesCelFunctions() {}

    static KubernetesCelFunctions all() {
        KubernetesCelFunctions functions = new KubernetesCelFunctions();
        functions.urls();
        functions.regex();
        functions.lists();
        functions.quantities();
        return functions;
    }

    List<CelFunctionDecl> declarations() {
        return declarations;
    }

    List<CelFunctionBinding> bindings() {
        return bindings;
    }

    private void urls() {
        global("url", "url_string", URL, SimpleType.STRING);
        bindings.add(CelFunctionBinding.from("url_string", String.class, KubernetesUrl::parse));
        global("isURL", "is_url_string", SimpleType.BOOL, SimpleType.STRING);
        bindings.add(CelFunctionBinding.from("is_url_string", String.class, KubernetesUrl::isUrl));
        member("getScheme", "url_get_scheme", SimpleType.STRING, URL);
        bindings.add(CelFunctionBinding.from("url_get_scheme", KubernetesUrl.class, KubernetesUrl::scheme));
        member("getHost", "url_get_host", SimpleType.STRING, URL);
        bindings.add(CelFunctionBinding.from("url_get_host", KubernetesUrl.class, KubernetesUrl::host));
        member("getHostname", "url_get_hostname", SimpleType.STRING, URL);
        bindings.add(CelFunctionBinding.from("url_get_hostname", KubernetesUrl.class, KubernetesUrl::hostname));
        member("getPort", "url_get_port", SimpleType.STRING, URL);
        bindings.add(CelFunctionBinding.from("url_get_port", KubernetesUrl.class, KubernetesUrl::port));
        member("getEscapedPath", "url_get_escaped_path", SimpleType.STRING, URL);
        bindings.add(CelFunctionBinding.from("url_get_escaped_path", KubernetesUrl.class, KubernetesUrl::escapedPath));
    }

    private void regex() {
        member("find", "string_find_string", SimpleType.STRING, SimpleType.STRING, SimpleType.STRING);
        bindings.add(CelFunctionBinding.from("string_find_string", String.class, String.class, KubernetesRegex::find));
        declarations.add(CelFunctionDecl.newFunctionDeclaration(
                "findAll",
                CelOverloadDecl.newMemberOverload(
                        "string_find_all_string",
                        ListType.create(SimpleType.STRING),
                        SimpleType.STRING,
                        SimpleType.STRING),
                CelOverloadDecl.newMemberOverload(
                        "string_find_all_string_int",
                        ListType.create(SimpleType.STRING),
                        SimpleType.STRING,
                        SimpleType.STRING,
                        SimpleType.INT)));
        bindings.add(CelFunctionBinding.from(
                "string_find_all_string",
                String.class,
                String.class,
                (text, re) -> KubernetesRegex.findAll(text, re, -1)));
        bindings.add(CelFunctionBinding.from(
                "string_find_all_string_int",
                List.of(String.class, String.class, Long.class),
                args -> KubernetesRegex.findAll((String) args[0], (String) args[1], (Long) args[2])));
    }

    private void lists() {
        member("isSorted", "list_is_sorted", SimpleType.BOOL, LIST_OF_ELEMENT);
        bindings.add(CelFunctionBinding.from("list_is_sorted", List.class, KubernetesLists::isSorted));
        member("sum", "list_sum", ELEMENT, LIST_OF_ELEMENT);
        bindings.add(CelFunctionBinding.from("list_sum", List.class, KubernetesLists::sum));
        member("min", "list_min", ELEMENT, LIST_OF_ELEMENT);
        bindings.add(CelFunctionBinding.from("list_min", List.class, list -> KubernetesLists.extreme(list, -1)));
        member("max", "list_max", ELEMENT, LIST_OF_ELEMENT);
        bindings.add(CelFunctionBinding.from("list_max", List.class, list -> KubernetesLists.extreme(list, 1)));
        member("indexOf", "list_index_of", SimpleType.INT, LIST_OF_ELEMENT, ELEMENT);
        bindings.add(CelFunctionBinding.from(
                "list_index_of", List.class, Object.class, (list, x) -> (long) list.indexOf(x)));
        member("lastIndexOf", "list_last_index_of", SimpleType.INT, LIST_OF_ELEMENT, ELEMENT);
        bindings.add(CelFunctionBinding.from(
                "list_last_index_of", List.class, Object.class, (list, x) -> (long) list.lastIndexOf(x)));
    }

    private void quantities() {
        global("quantity", "string_to_quantity", QUANTITY, SimpleType.STRING);
        bindings.add(CelFunctionBinding.from("string_to_quantity", String.class, KubernetesQuantity::parse));
        global("isQuantity", "is_quantity_string", SimpleType.BOOL, SimpleType.STRING);
        bindings.add(CelFunctionBinding.from("is_quantity_string", String.class, KubernetesQuantity::isQuantity));
        member("sign", "quantity_sign", SimpleType.INT, QUANTITY);
        bindings.add(CelFunctionBinding.from("quantity_sign", KubernetesQuantity.class, KubernetesQuantity::sign));
        member("isInteger", "quantity_is_integer", SimpleType.BOOL, QUANTITY);
        bindings.add(CelFunctionBinding.from(
                "quantity_is_integer", KubernetesQuantity.class, KubernetesQuantity::isInteger));
        member("asInteger", "quantity_as_integer", SimpleType.INT, QUANTITY);
        bindings.add(CelFunctionBinding.from(
                "quantity_as_integer", KubernetesQuantity.class, KubernetesQuantity::asInteger));
        member("asApproximateFloat", "quantity_as_float", SimpleType.DOUBLE, QUANTITY);
        bindings.add(CelFunctionBinding.from(
                "quantity_as_float", KubernetesQuantity.class, KubernetesQuantity::asApproximateFloat));
        member("compareTo", "quantity_compare_to", SimpleType.INT, QUANTITY, QUANTITY);
        bindings.add(CelFunctionBinding.from(
                "quantity_compare_to", KubernetesQuantity.class, KubernetesQuantity.class, (a, b) ->
                        (long) a.compareTo(b)));
        member("isGreaterThan", "quantity_greater_than", SimpleType.BOOL, QUANTITY, QUANTITY);
        bindings.add(CelFunctionBinding.from(
                "quantity_greater_than",
                KubernetesQuantity.class,
                KubernetesQuantity.class,
                (a, b) -> a.compareTo(b) > 0));
        member("isLessThan", "quantity_less_than", SimpleType.BOOL, QUANTITY, QUANTITY);
        bindings.add(CelFunctionBinding.from(
                "quantity_less_than",
                KubernetesQuantity.class,
                KubernetesQuantity.class,
                (a, b) -> a.compareTo(b) < 0));
        member("add", "quantity_add", QUANTITY, QUANTITY, QUANTITY);
        bindings.add(CelFunctionBinding.from(
                "quantity_add", KubernetesQuantity.class, KubernetesQuantity.class, KubernetesQuantity::add));
        member("sub", "quantity_sub", QUANTITY, QUANTITY, QUANTITY);
        bindings.add(CelFunctionBinding.from(
                "quantity_sub", KubernetesQuantity.class, KubernetesQuantity.class, KubernetesQuantity::subtract));
    }

    private void global(String name, String overload, CelType result, CelType... args) {
        declarations.add(CelFunctionDecl.newFunctionDeclaration(
                name, CelOverloadDecl.newGlobalOverload(overload, result, args)));
    }

    private void member(String name, String overload, CelType result, CelType... targetAndArgs) {
        declarations.add(CelFunctionDecl.newFunctionDeclaration(
                name, CelOverloadDecl.newMemberOverload(overload, result, targetAndArgs)));
    }

    /** The error a function raises on an argument it cannot take, as CEL evaluation errors are raised. */
    static CelEvaluationException invalid(String what) {
        return new CelEvaluationException(what);
    }
}
