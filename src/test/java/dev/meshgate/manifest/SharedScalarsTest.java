package dev.meshgate.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class SharedScalarsTest {

    @Test
    void theObjectsOfOneStreamShareTheirKeysAndShortTextValues() {
        String stream = "apiVersion: v1\nkind: Service\nmetadata: {name: web}\n---\n"
                + "apiVersion: v1\nkind: Service\nmetadata: {name: web}\n";

        List<Resource> resources = new ManifestLoader(LoadLimits.defaults(), "default")
                .loadText("s.yaml", stream)
                .resources();

        var first = resources.get(0).body();
        var second = resources.get(1).body();
        assertThat(first).isEqualTo(second);
        assertThat(first.path("kind")).isSameAs(second.path("kind"));
        String firstKey = first.fieldNames().next();
        String secondKey = second.fieldNames().next();
        assertThat(firstKey).isEqualTo("apiVersion").isSameAs(secondKey);
    }

    @Test
    void longTextAndOtherScalarsAreNotShared() {
        SharedScalars shared = new SharedScalars();
        String longText = "x".repeat(65);

        shared.value(TextNode.valueOf(longText));
        shared.key(longText);

        assertThat(shared.value(TextNode.valueOf(longText))).isNotSameAs(shared.value(TextNode.valueOf(longText)));
        assertThat(shared.key(new String(longText))).isNotSameAs(longText);
        assertThat(shared.value(IntNode.valueOf(5000))).isEqualTo(IntNode.valueOf(5000));
    }

    @Test
    void aSharedValueEqualsTheOneReadAndTheFirstCopyIsKept() {
        SharedScalars shared = new SharedScalars();
        TextNode first = TextNode.valueOf("TCP");

        assertThat(shared.value(first)).isSameAs(first);
        assertThat(shared.value(TextNode.valueOf("TCP"))).isSameAs(first);
        String key = new String("name");
        assertThat(shared.key(key)).isSameAs(key);
        assertThat(shared.key(new String("name"))).isSameAs(key);
    }
}
