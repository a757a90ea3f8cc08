package dev.meshgate.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * YAML scalars as Kubernetes reads them. kubectl, the API server, Argo CD, Flux and Helm turn YAML into JSON with
 * sigs.k8s.io/yaml, which resolves plain scalars by go-yaml v2's rules, not by the YAML 1.1 rules SnakeYAML follows:
 * {@code y}/{@code n} are booleans too, {@code 0o17} is an integer, {@code 1:20} (YAML 1.1 sexagesimal) is a string,
 * {@code 08} is the number 8, and a number is what its JSON text says (1e3 reaches the API server as 1000, an integer).
 * Keys become JSON strings the way sigs.k8s.io/yaml writes them: {@code yes:} is the key "true".
 */
final class KubernetesScalars {

    /** A scalar's YAML type and value: null, a Boolean, a Long, a BigInteger (above int64), a Double or a String. */
    record Resolved(Tag tag, Object value) {}

    /** Thrown for a scalar Kubernetes cannot turn into JSON, with the reason. */
    static final class UnreadableException extends RuntimeException {
        UnreadableException(String message) {
            super(message, null, false, false);
        }
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static final Map<String, Resolved> WORDS = words();

    // go-yaml looks a plain scalar up among its words only when it starts with one of these, and reads it as a
    // number only when it starts with a sign, a digit or a dot: everything else is a string at once.
    private static final String WORD_STARTS = "yYnNtTfFoO~";

    // go-yaml's own pattern for floats, matched after every '_' is removed.
    private static final Pattern FLOAT = Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");

    // A float that starts with a dot is parsed as Go parses float literals: '_' only between digits.
    private static final Pattern DOT_FLOAT = Pattern.compile("\\.[0-9](_?[0-9])*([eE][-+]?[0-9](_?[0-9])*)?");

    private static final BigInteger INT64_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger INT64_MAX = BigInteger.valueOf(Long.MAX_VALUE);
    private static final BigInteger UINT64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    // Go writes a float64 in JSON without a fraction or exponent below this magnitude: the receiver reads an integer.
    // (An integer beyond int64 then becomes a float64 there; it stays a big integer here, out of range either way.)
    private static final double PLAIN_JSON_LIMIT = 1e21;

    private static final Set<Tag> RESOLVABLE = Set.of(Tag.BOOL, Tag.INT, Tag.FLOAT, Tag.NULL);

    private KubernetesScalars() {}

    private static Map<String, Resolved> words() {
        Map<String, Resolved> words = new java.util.HashMap<>();
        for (String word : new String[] {"y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"}) {
            words.put(word, new Resolved(Tag.BOOL, Boolean.TRUE));
        }
        for (String word : new String[] {"n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"}) {
            words.put(word, new Resolved(Tag.BOOL, Boolean.FALSE));
        }
        for (String word : new String[] {"", "~", "null", "Null", "NULL"}) {
            words.put(word, new Resolved(Tag.NULL, null));
        }
        for (String word : new String[] {".nan", ".NaN", ".NAN"}) {
            words.put(word, new Resolved(Tag.FLOAT, Double.NaN));
        }
        for (String word : new String[] {".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF"}) {
            words.put(word, new Resolved(Tag.FLOAT, Double.POSITIVE_INFINITY));
        }
        for (String word : new String[] {"-.inf", "-.Inf", "-.INF"}) {
            words.put(word, new Resolved(Tag.FLOAT, Double.NEGATIVE_INFINITY));
        }
        return Map.copyOf(words);
    }

    /** The type and value of a plain scalar written without a tag. */
    static Resolved implicit(String text) {
        if (text.isEmpty()) {
            return WORDS.get("");
        }
        if (text.equals("<<")) {
            return new Resolved(Tag.MERGE, text);
        }
        char first = text.charAt(0);
        boolean sign = first == '+' || first == '-';
        boolean digit = first >= '0' && first <= '9';
        if (!sign && !digit && first != '.' && WORD_STARTS.indexOf(first) < 0) {
            return string(text);
        }
        Resolved word = WORDS.get(text);
        if (word != null) {
            return word;
        }
        if (first == '.') {
            return DOT_FLOAT.matcher(text).matches() ? finiteFloat(text.replace("_", ""), text) : string(text);
        }
        return sign || digit ? number(text) : string(text);
    }

    /**
     * The type and value of a scalar with the tag the YAML gave it (or the one {@link #implicit} chose): quoted
     * scalars, {@code !!str} and tags Kubernetes does not resolve are strings; {@code !!int "5"} is the integer 5.
     *
     * @throws UnreadableException when the text is not of its tag's type ({@code !!int 1.5})
     */
    static Resolved tagged(Tag tag, String text) {
        if (!RESOLVABLE.contains(tag)) {
            return string(text);
        }
        Resolved resolved = implicit(text);
        if (resolved.tag().equals(tag)) {
            return resolved;
        }
        if (tag.equals(Tag.FLOAT) && resolved.value() instanceof Long whole) {
            return new Resolved(Tag.FLOAT, whole.doubleValue());
        }
        throw new UnreadableException("cannot decode " + shortTag(resolved.tag()) + " `" + text + "` as a "
                + shortTag(tag) + ", as Kubernetes reads YAML");
    }

    /**
     * The value as the JSON Kubernetes works on.
     *
     * @throws UnreadableException for infinities and NaN, which JSON cannot hold
     */
    static JsonNode json(Resolved resolved) {
        Object value = resolved.value();
        if (value == null) {
            return NODES.nullNode();
        }
        if (value instanceof Boolean bool) {
            return NODES.booleanNode(bool);
        }
        if (value instanceof Long whole) {
            return whole == whole.intValue() ? NODES.numberNode(whole.intValue()) : NODES.numberNode(whole);
        }
        if (value instanceof BigInteger big) {
            return NODES.numberNode(big);
        }
        if (value instanceof Double number) {
            if (number.isNaN() || number.isInfinite()) {
                throw new UnreadableException(
                        "the number " + number + " has no JSON form, so Kubernetes cannot read the file");
            }
            if (number == Math.rint(number) && Math.abs(number) < PLAIN_JSON_LIMIT) {
                // Go writes the shortest digits that read back as the same float, then zeros: 2^63 as a float is
                // 9223372036854776000 on the wire, not its exact value 9223372036854775808.
                BigInteger whole = BigDecimal.valueOf(number).toBigIntegerExact();
                return whole.bitLength() < 64
                        ? json(new Resolved(Tag.INT, whole.longValue()))
                        : NODES.numberNode(whole);
            }
            return NODES.numberNode(number);
        }
        return NODES.textNode((String) value);
    }

    /**
     * The value as a JSON object key, written as sigs.k8s.io/yaml writes it.
     *
     * @throws UnreadableException for null keys and integers above int64, which it refuses
     */
    static String key(Resolved resolved, String text) {
        Object value = resolved.value();
        if (value instanceof String string) {
            return string;
        }
        if (value instanceof Boolean bool) {
            return bool.toString();
        }
        if (value instanceof Long whole) {
            return whole.toString();
        }
        if (value instanceof Double number) {
            return float32(number);
        }
        throw new UnreadableException(
                "the key " + text + " is " + (value == null ? "null" : "an unsigned 64-bit integer")
                        + ", which Kubernetes cannot turn into a JSON key");
    }

    private static Resolved string(String text) {
        return new Resolved(Tag.STR, text);
    }

    /** A scalar that starts with a sign or a digit: an integer as Go's ParseInt/ParseUint read it, or a float. */
    private static Resolved number(String text) {
        String plain = text.replace("_", "");
        BigInteger whole = integer(plain);
        if (whole != null) {
            if (whole.compareTo(INT64_MIN) >= 0 && whole.compareTo(INT64_MAX) <= 0) {
                return new Resolved(Tag.INT, whole.longValue());
            }
            char first = plain.charAt(0);
            if (first != '-' && first != '+' && whole.compareTo(UINT64_MAX) <= 0) {
                return new Resolved(Tag.INT, whole);
            }
        }
        return FLOAT.matcher(plain).matches() ? finiteFloat(plain, text) : string(text);
    }

    /** Go's integer syntax with base prefix 0: 0x, 0o, 0b, a leading 0 for octal, an optional sign; else null. */
    private static BigInteger integer(String plain) {
        int start = plain.charAt(0) == '+' || plain.charAt(0) == '-' ? 1 : 0;
        String body = plain.substring(start);
        int radix = 10;
        String digits = body;
        if (body.length() > 1 && body.charAt(0) == '0') {
            char prefix = Character.toLowerCase(body.charAt(1));
            radix = prefix == 'x' ? 16 : prefix == 'b' ? 2 : 8;
            digits = prefix == 'x' || prefix == 'b' || prefix == 'o' ? body.substring(2) : body.substring(1);
        }
        if (digits.isEmpty()) {
            return null;
        }
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c > 'z' || Character.digit(c, radix) < 0) {
                return null;
            }
        }
        BigInteger value = new BigInteger(digits, radix);
        return plain.charAt(0) == '-' ? value.negate() : value;
    }

    /** A float, unless it overflows: go-yaml then keeps the text. */
    private static Resolved finiteFloat(String plain, String text) {
        double value = Double.parseDouble(plain);
        return Double.isInfinite(value) ? string(text) : new Resolved(Tag.FLOAT, value);
    }

    private static String shortTag(Tag tag) {
        return "!!" + tag.getValue().substring(Tag.PREFIX.length());
    }

    /** Go's strconv.FormatFloat(value, 'g', -1, 32), with YAML's names for the infinities and NaN. */
    static String float32(double value) {
        float single = (float) value;
        if (Float.isNaN(single)) {
            return ".nan";
        }
        if (Float.isInfinite(single)) {
            return single > 0 ? ".inf" : "-.inf";
        }
        String sign = Float.floatToRawIntBits(single) < 0 ? "-" : "";
        if (single == 0) {
            return sign + "0";
        }
        BigDecimal exact = new BigDecimal(single).abs();
        BigDecimal shortest = exact;
        for (int precision = 1; precision <= 9; precision++) {
            BigDecimal candidate = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
            if (candidate.floatValue() == Math.abs(single)) {
                shortest = candidate;
                break;
            }
        }
        shortest = shortest.stripTrailingZeros();
        String digits = shortest.unscaledValue().toString();
        int point = digits.length() - shortest.scale();
        int exponent = point - 1;
        if (exponent < -4 || exponent >= 6) {
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            int magnitude = Math.abs(exponent);
            return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + (magnitude < 10 ? "0" : "") + magnitude;
        }
        if (point <= 0) {
            return sign + "0." + "0".repeat(-point) + digits;
        }
        if (point >= digits.length()) {
            return sign + digits + "0".repeat(point - digits.length());
        }
        return sign + digits.substring(0, point) + "." + digits.substring(point);
    }
}
