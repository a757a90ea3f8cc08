package dev.meshgate.analysis.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RequiredFieldsTest {

    @Test
    void objectsAreFoundByTheirPointerInTheirKindOnly() {
        assertEquals(List.of("match"), RequiredFields.of("VirtualService", new StringBuilder("/spec/tls/0")));
        assertEquals(
                List.of("sniHosts"), RequiredFields.of("VirtualService", new StringBuilder("/spec/tls/0/match/12")));
        assertEquals(List.of("host"), RequiredFields.of("VirtualService", "/spec/http/3/mirrors/0/destination"));
        assertEquals(
                List.of("targetHost", "targetPort"),
                RequiredFields.of("DestinationRule", "/spec/subsets/1/trafficPolicy/portLevelSettings/0/tunnel"));
        assertEquals(List.of(), RequiredFields.of("Sidecar", "/spec/tls/0"));
        assertEquals(List.of(), RequiredFields.of("Deployment", "/spec/tls/0"));
        assertEquals(List.of(), RequiredFields.of("VirtualService", "/spec/http/0/route/0"));
        // The same last name under another parent is not the object.
        assertEquals(List.of(), RequiredFields.of("VirtualService", "/spec/http/0/match/0"));
    }

    @Test
    void theLastNameSkipsListIndexes() {
        assertTrue(RequiredFields.lastNameIs("/spec/tls/0/match/1", "match"));
        assertTrue(RequiredFields.lastNameIs("/spec/servers/2/port", "port"));
        assertFalse(RequiredFields.lastNameIs("/spec/servers/2/port", "ports"));
        assertFalse(RequiredFields.lastNameIs("/spec/servers/2/ports", "port"));
        assertFalse(RequiredFields.lastNameIs("/0/1", "spec"));
        assertFalse(RequiredFields.lastNameIs("", "spec"));
        assertTrue(RequiredFields.lastNameIs("/spec/1a", "1a"));
    }
}
