package io.freelance.ledger.common;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import org.axonframework.serialization.jackson3.Jackson3SerializerCustomizer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;

/**
 * How every message, token and saga of the service is written as JSON, on both sides.
 * Jackson 3 refuses polymorphic types it was not told about; Axon's replay token holds its
 * original token polymorphically, so without this allow-list a processor reset loops on
 * deserialization errors.
 */
public class LedgerSerializerCustomizer implements Jackson3SerializerCustomizer {

    @Override
    public void accept(JsonMapper.Builder builder) {
        builder.polymorphicTypeValidator(BasicPolymorphicTypeValidator.builder()
                        .allowIfSubType("org.axonframework.")
                        .allowIfSubType("io.freelance.ledger.")
                        .allowIfSubType("java.util.")
                        .allowIfSubType("java.time.")
                        .build())
                // Snapshots and deadline payloads are plain objects without getters.
                .changeDefaultVisibility(visibility -> visibility.withFieldVisibility(Visibility.ANY));
    }
}
