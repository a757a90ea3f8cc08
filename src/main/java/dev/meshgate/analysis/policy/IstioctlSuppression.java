package dev.meshgate.analysis.policy;

import dev.meshgate.analysis.Message;

/**
 * Reads istioctl's --suppress syntax, {@code CODE=Kind name.namespace} (wildcards allowed, e.g.
 * {@code "IST0107=Pod *.baz"}), so that suppressions written for istioctl analyze work unchanged.
 */
public final class IstioctlSuppression {

    private IstioctlSuppression() {}

    /**
     * The suppression the text describes.
     *
     * @throws IllegalArgumentException when the text is not CODE=Kind name[.namespace] or names an unknown code
     */
    public static Suppression parse(String text) {
        int equals = text.indexOf('=');
        if (equals <= 0) {
            throw new IllegalArgumentException(
                    "--suppress takes CODE=Kind name.namespace (istioctl's syntax), not '" + text + "'");
        }
        String code = text.substring(0, equals).trim();
        if (!code.equals("*") && Message.byCode(code).isEmpty() && !code.equalsIgnoreCase("IST0106")) {
            throw new IllegalArgumentException("--suppress names an unknown code '" + code + "'");
        }
        String[] resource = text.substring(equals + 1).trim().split("\\s+");
        if (resource.length != 2) {
            throw new IllegalArgumentException(
                    "--suppress needs a kind and a name after '=', e.g. \"IST0101=VirtualService reviews.shop\"");
        }
        return new Suppression(code, resource[0] + " " + qualified(resource[1]), null, "--suppress " + text);
    }

    /** istioctl writes "name.namespace"; meshgate names resources "namespace/name". */
    private static String qualified(String nameDotNamespace) {
        int dot = nameDotNamespace.lastIndexOf('.');
        if (dot < 0) {
            return nameDotNamespace;
        }
        return nameDotNamespace.substring(dot + 1) + "/" + nameDotNamespace.substring(0, dot);
    }
}
