package dev.meshgate.runs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The JSON form of run records in the store. The mapper is made when the first record is written or read, not when the
 * store opens: making it loads most of Jackson, a fifth of a second on the way to readiness of a service whose store
 * (new, or with nothing left to resume) holds nothing to read yet.
 */
final class RunRecordJson {

    private RunRecordJson() {}

    static ObjectMapper mapper() {
        return Holder.MAPPER;
    }

    // The class loader makes the mapper once, at the first call, and safely for every thread.
    private static final class Holder {
        static final ObjectMapper MAPPER = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .build();
    }
}
