package dev.meshgate.metrics;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.DoublePredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One scrape of {@code /q/metrics} of the service under test, parsed from Prometheus' text format: each sample by its
 * name and labels, as a dashboard's query would select it.
 */
public final class Exposition {

    private static final Pattern SAMPLE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})?\\s+(\\S+)(\\s+\\d+)?");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\",?");

    private final Map<String, Double> samples;
    private final String text;

    private Exposition(String text) {
        this.text = text;
        this.samples = new HashMap<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Matcher sample = SAMPLE.matcher(line.strip());
            if (!sample.matches()) {
                throw new IllegalArgumentException("not a sample line of the exposition format: " + line);
            }
            Map<String, String> labels = new TreeMap<>();
            if (sample.group(3) != null) {
                Matcher label = LABEL.matcher(sample.group(3));
                while (label.find()) {
                    labels.put(label.group(1), label.group(2));
                }
            }
            samples.put(key(sample.group(1), labels), number(sample.group(4)));
        }
    }

    private static double number(String text) {
        return switch (text) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(text);
        };
    }

    /** Scrapes the service now. */
    public static Exposition scrape() {
        return new Exposition(
                given().get("/q/metrics").then().statusCode(200).extract().asString());
    }

    /**
     * Scrapes until the sample satisfies the condition, as the metric is updated on another thread right after what
     * the test waited for; the last scrape after the timeout otherwise.
     */
    public static Exposition awaitUntil(String name, Map<String, String> labels, DoublePredicate condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        Exposition scraped = scrape();
        while (!condition.test(scraped.value(name, labels)) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            scraped = scrape();
        }
        return scraped;
    }

    /** The sample's value; 0 for a series not (yet) exposed, as Prometheus' {@code increase} treats a new series. */
    public double value(String name, Map<String, String> labels) {
        return samples.getOrDefault(key(name, new TreeMap<>(labels)), 0.0);
    }

    public double value(String name) {
        return value(name, Map.of());
    }

    /** How much the sample grew since an earlier scrape. */
    public double increaseSince(Exposition earlier, String name, Map<String, String> labels) {
        return value(name, labels) - earlier.value(name, labels);
    }

    public double increaseSince(Exposition earlier, String name) {
        return increaseSince(earlier, name, Map.of());
    }

    /** Whether any sample has this name. */
    public boolean has(String name) {
        return samples.keySet().stream().anyMatch(key -> key.equals(name) || key.startsWith(name + "{"));
    }

    /** The text as scraped, for assertion messages. */
    public String text() {
        return text;
    }

    private static String key(String name, Map<String, String> labels) {
        return labels.isEmpty() ? name : name + labels;
    }
}
