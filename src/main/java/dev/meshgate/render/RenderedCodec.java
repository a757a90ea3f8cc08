package dev.meshgate.render;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meshgate.manifest.FieldPositions;
import dev.meshgate.manifest.LoadProblem;
import dev.meshgate.manifest.LoadResult;
import dev.meshgate.manifest.Origin;
import dev.meshgate.manifest.Resource;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A rendered application as the render cache stores it: every resource with its body and the origin of each field
 * (and, for one that failed, what its local files declare), so that findings on a cached application point where they
 * would on a fresh rendering. Streamed JSON, checked on
 * reading: an entry that is cut short, of another key or otherwise malformed is refused as a whole.
 */
final class RenderedCodec {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonFactory FACTORY = JSON.getFactory();

    private RenderedCodec() {}

    static void write(String key, RenderedApplication application, OutputStream out) throws IOException {
        LoadResult loaded = application.loaded();
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("key", key);
            json.writeNumberField("files", loaded.files());
            json.writeNumberField("skippedFiles", loaded.skippedFiles());
            json.writeArrayFieldStart("resources");
            for (Resource resource : loaded.resources()) {
                writeResource(resource, json);
            }
            json.writeEndArray();
            json.writeArrayFieldStart("problems");
            for (LoadProblem problem : loaded.problems()) {
                json.writeStartArray();
                json.writeString(problem.type().name());
                writeOrigin(problem.origin(), json);
                json.writeString(problem.detail());
                json.writeEndArray();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("unrendered");
            for (Resource resource : application.unrendered()) {
                writeResource(resource, json);
            }
            json.writeEndArray();
            json.writeBooleanField("complete", true);
            json.writeEndObject();
        }
    }

    /** The stored application, or an {@link IOException} when the entry is not one whole entry of this key. */
    static RenderedApplication read(String key, Source source, InputStream in) throws IOException {
        try (JsonParser json = FACTORY.createParser(in)) {
            json.setCodec(JSON);
            expect(json.nextToken(), JsonToken.START_OBJECT);
            String storedKey = null;
            int files = 0;
            int skipped = 0;
            List<Resource> resources = new ArrayList<>();
            List<LoadProblem> problems = new ArrayList<>();
            List<Resource> unrendered = new ArrayList<>();
            boolean complete = false;
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                json.nextToken();
                switch (field) {
                    case "key" -> storedKey = json.getText();
                    case "files" -> files = json.getIntValue();
                    case "skippedFiles" -> skipped = json.getIntValue();
                    case "resources" -> readArray(json, () -> resources.add(readResource(json)));
                    case "problems" -> readArray(json, () -> problems.add(readProblem(json)));
                    case "unrendered" -> readArray(json, () -> unrendered.add(readResource(json)));
                    case "complete" -> complete = json.getBooleanValue();
                    default -> json.skipChildren();
                }
            }
            if (!key.equals(storedKey) || !complete) {
                throw new IOException("not a whole render cache entry of " + key);
            }
            return new RenderedApplication(
                    source,
                    new LoadResult(List.copyOf(resources), List.copyOf(problems), files, skipped),
                    List.copyOf(unrendered));
        } catch (RuntimeException e) {
            throw new IOException("malformed render cache entry: " + e.getMessage(), e);
        }
    }

    private static void writeResource(Resource resource, JsonGenerator json) throws IOException {
        String file = resource.positions().file();
        json.writeStartObject();
        json.writeStringField("apiVersion", resource.apiVersion());
        json.writeStringField("kind", resource.kind().kind());
        json.writeStringField("name", resource.name());
        json.writeStringField("namespace", resource.namespace());
        json.writeBooleanField("namespaceWritten", resource.namespaceWritten());
        json.writeStringField("file", file);
        json.writeFieldName("body");
        json.writeTree(resource.body());
        // One flat array of [pointer, line, column, file or null] per field: most fields are in the resource's file.
        json.writeArrayFieldStart("fields");
        IOException[] failure = new IOException[1];
        resource.positions().forEachField((pointer, origin) -> {
            try {
                json.writeString(pointer);
                json.writeNumber(origin.line());
                json.writeNumber(origin.column());
                if (origin.file().equals(file)) {
                    json.writeNull();
                } else {
                    json.writeString(origin.file());
                }
            } catch (IOException e) {
                failure[0] = e;
            }
        });
        if (failure[0] != null) {
            throw failure[0];
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static Resource readResource(JsonParser json) throws IOException {
        expect(json.currentToken(), JsonToken.START_OBJECT);
        String apiVersion = null;
        String kind = null;
        String name = null;
        String namespace = null;
        boolean namespaceWritten = false;
        String file = null;
        JsonNode body = null;
        List<Object[]> fields = new ArrayList<>();
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String field = json.currentName();
            json.nextToken();
            switch (field) {
                case "apiVersion" -> apiVersion = json.getText();
                case "kind" -> kind = json.getText();
                case "name" -> name = json.getText();
                case "namespace" -> namespace = json.getText();
                case "namespaceWritten" -> namespaceWritten = json.getBooleanValue();
                case "file" -> file = json.getText();
                case "body" -> body = json.readValueAsTree();
                case "fields" -> {
                    expect(json.currentToken(), JsonToken.START_ARRAY);
                    while (json.nextToken() != JsonToken.END_ARRAY) {
                        if (json.currentToken() != JsonToken.VALUE_STRING) {
                            throw new IOException("a stored field lacks its pointer");
                        }
                        String pointer = json.getText();
                        json.nextToken();
                        int line = json.getIntValue();
                        json.nextToken();
                        int column = json.getIntValue();
                        json.nextToken();
                        String other = json.currentToken() == JsonToken.VALUE_NULL ? null : json.getText();
                        fields.add(new Object[] {pointer, line, column, other});
                    }
                }
                default -> json.skipChildren();
            }
        }
        if (apiVersion == null || kind == null || name == null || namespace == null || file == null || body == null) {
            throw new IOException("a stored resource lacks a field");
        }
        FieldPositions positions = new FieldPositions(file);
        for (Object[] field : fields) {
            String where = field[3] == null ? file : (String) field[3];
            positions.put((String) field[0], new Origin(where, (Integer) field[1], (Integer) field[2]));
        }
        return new Resource(apiVersion, kind, name, namespace, namespaceWritten, body, positions);
    }

    private static LoadProblem readProblem(JsonParser json) throws IOException {
        expect(json.currentToken(), JsonToken.START_ARRAY);
        json.nextToken();
        LoadProblem.Type type = LoadProblem.Type.valueOf(json.getText());
        json.nextToken();
        Origin origin = readOrigin(json);
        json.nextToken();
        String detail = json.getText();
        expect(json.nextToken(), JsonToken.END_ARRAY);
        return new LoadProblem(type, origin, detail);
    }

    private static void writeOrigin(Origin origin, JsonGenerator json) throws IOException {
        json.writeStartArray();
        json.writeString(origin.file());
        json.writeNumber(origin.line());
        json.writeNumber(origin.column());
        json.writeEndArray();
    }

    private static Origin readOrigin(JsonParser json) throws IOException {
        expect(json.currentToken(), JsonToken.START_ARRAY);
        json.nextToken();
        String file = json.getText();
        json.nextToken();
        int line = json.getIntValue();
        json.nextToken();
        int column = json.getIntValue();
        expect(json.nextToken(), JsonToken.END_ARRAY);
        return new Origin(file, line, column);
    }

    private interface Element {
        void read() throws IOException;
    }

    private static void readArray(JsonParser json, Element element) throws IOException {
        expect(json.currentToken(), JsonToken.START_ARRAY);
        while (json.nextToken() != JsonToken.END_ARRAY) {
            if (json.currentToken() == null) {
                throw new IOException("the entry ends early");
            }
            element.read();
        }
    }

    private static void expect(JsonToken actual, JsonToken expected) throws IOException {
        if (actual != expected) {
            throw new IOException("expected " + expected + ", found " + actual);
        }
    }
}
