package dev.meshgate.analysis.schema;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The text form of a {@link ShapeCatalog}: one tab-separated line per resource type ({@code root}), per oneof
 * ({@code oneof}) and per shape ({@code shape}, numbered in order), so that a change of the model reads as a diff.
 */
final class ShapeCatalogText {

    private static final String TAB = "\t";

    private ShapeCatalogText() {}

    /** The catalog as text, after the given comment lines; the same catalog always gives the same text. */
    static String write(ShapeCatalog catalog, List<String> comments) {
        StringBuilder text = new StringBuilder();
        comments.forEach(comment -> text.append("# ").append(comment).append('\n'));
        new TreeMap<>(catalog.roots()).forEach((key, number) -> {
            int space = key.indexOf(' ');
            line(text, "root", key.substring(0, space), key.substring(space + 1), number);
        });
        Map<Shape.OneOf, Integer> oneOfs = new LinkedHashMap<>();
        for (Shape shape : catalog.shapes()) {
            if (shape instanceof Shape.Bean bean) {
                new TreeMap<>(bean.members())
                        .values().stream()
                                .filter(member -> member.oneOf() != null)
                                .forEach(member -> oneOfs.putIfAbsent(member.oneOf(), oneOfs.size()));
            }
        }
        oneOfs.forEach(
                (oneOf, number) -> line(text, "oneof", number, checked(oneOf.property()), names(oneOf.members())));
        for (int number = 0; number < catalog.shapes().size(); number++) {
            List<Object> fields = new ArrayList<>(List.of("shape", number));
            fields.addAll(describe(catalog.shape(number), oneOfs));
            line(text, fields.toArray());
        }
        return text.toString();
    }

    private static List<Object> describe(Shape shape, Map<Shape.OneOf, Integer> oneOfs) {
        if (shape instanceof Shape.Anything) {
            return List.of("anything");
        }
        if (shape instanceof Shape.Scalar scalar) {
            return List.of(scalar.kind().name().toLowerCase(Locale.ROOT));
        }
        if (shape instanceof Shape.Enumerated enumerated) {
            List<String> values = Arrays.asList(enumerated.listing().split(", "));
            if (!Set.copyOf(values).equals(enumerated.values())) {
                throw new IllegalArgumentException("enum listing " + enumerated.listing() + " is not its values");
            }
            return List.of("enum", names(values));
        }
        if (shape instanceof Shape.ListOf list) {
            return List.of("list", list.element());
        }
        if (shape instanceof Shape.MapOf map) {
            return List.of("map", map.value(), map.labelValues() ? "labels" : "values");
        }
        if (shape instanceof Shape.Bean bean) {
            List<Object> fields = new ArrayList<>(List.of("bean"));
            new TreeMap<>(bean.members())
                    .forEach((name, member) -> fields.add(checked(name)
                            + '='
                            + member.shape()
                            + (member.oneOf() == null
                                    ? ""
                                    : "/" + oneOfs.get(member.oneOf()) + "/" + member.variant())));
            return fields;
        }
        throw new IllegalArgumentException("the catalog has no text for " + shape);
    }

    private static String names(List<String> names) {
        names.forEach(ShapeCatalogText::checked);
        return String.join(",", names);
    }

    private static String checked(String name) {
        if (name.isEmpty() || name.chars().anyMatch(c -> c <= ' ' || c == ',' || c == '=' || c == '/')) {
            throw new IllegalArgumentException("the catalog cannot write the name '" + name + "'");
        }
        return name;
    }

    private static void line(StringBuilder text, Object... fields) {
        for (int i = 0; i < fields.length; i++) {
            text.append(i == 0 ? "" : TAB).append(fields[i]);
        }
        text.append('\n');
    }

    /** Reads a catalog written by {@link #write}; a line it cannot read fails with its number. */
    static ShapeCatalog parse(String text) {
        List<Shape> shapes = new ArrayList<>();
        Map<String, Integer> roots = new HashMap<>();
        Map<Integer, Shape.OneOf> oneOfs = new HashMap<>();
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                String[] fields = line.split(TAB);
                switch (fields[0]) {
                    case "root" -> roots.put(fields[1] + ' ' + fields[2], Integer.parseInt(fields[3]));
                    case "oneof" -> oneOfs.put(
                            Integer.parseInt(fields[1]), new Shape.OneOf(fields[2], List.of(fields[3].split(","))));
                    case "shape" -> {
                        if (Integer.parseInt(fields[1]) != shapes.size()) {
                            throw new IllegalArgumentException("shape " + fields[1] + " out of order");
                        }
                        shapes.add(shape(fields, oneOfs));
                    }
                    default -> throw new IllegalArgumentException("unknown line type " + fields[0]);
                }
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("shape catalog line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        checkReferences(shapes, roots);
        return new ShapeCatalog(shapes, roots);
    }

    private static Shape shape(String[] fields, Map<Integer, Shape.OneOf> oneOfs) {
        String type = fields[2];
        return switch (type) {
            case "anything" -> new Shape.Anything();
            case "enum" -> {
                List<String> values = List.of(fields[3].split(","));
                yield new Shape.Enumerated(Set.copyOf(values), String.join(", ", values));
            }
            case "list" -> new Shape.ListOf(Integer.parseInt(fields[3]));
            case "map" -> new Shape.MapOf(Integer.parseInt(fields[3]), fields[4].equals("labels"));
            case "bean" -> bean(fields, oneOfs);
            default -> new Shape.Scalar(Shape.ScalarKind.valueOf(type.toUpperCase(Locale.ROOT)));
        };
    }

    private static Shape.Bean bean(String[] fields, Map<Integer, Shape.OneOf> oneOfs) {
        Map<String, Shape.Member> members = new HashMap<>();
        for (int i = 3; i < fields.length; i++) {
            int equals = fields[i].indexOf('=');
            String[] target = fields[i].substring(equals + 1).split("/");
            Shape.OneOf oneOf = null;
            int variant = Shape.Member.NO_VARIANT;
            if (target.length == 3) {
                oneOf = oneOfs.get(Integer.parseInt(target[1]));
                if (oneOf == null) {
                    throw new IllegalArgumentException("no oneof " + target[1]);
                }
                variant = Integer.parseInt(target[2]);
            }
            members.put(fields[i].substring(0, equals), new Shape.Member(Integer.parseInt(target[0]), oneOf, variant));
        }
        return new Shape.Bean(Map.copyOf(members));
    }

    private static void checkReferences(List<Shape> shapes, Map<String, Integer> roots) {
        List<Integer> references = new ArrayList<>(roots.values());
        for (Shape shape : shapes) {
            if (shape instanceof Shape.ListOf list) {
                references.add(list.element());
            } else if (shape instanceof Shape.MapOf map) {
                references.add(map.value());
            } else if (shape instanceof Shape.Bean bean) {
                bean.members().values().forEach(member -> references.add(member.shape()));
            }
        }
        for (int reference : references) {
            if (reference < 0 || reference >= shapes.size()) {
                throw new IllegalArgumentException("shape catalog names shape " + reference + ", which it lacks");
            }
        }
        for (int root : roots.values()) {
            if (!(shapes.get(root) instanceof Shape.Bean)) {
                throw new IllegalArgumentException("shape catalog's resource shape " + root + " is not an object");
            }
        }
    }
}
