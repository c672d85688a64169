package io.freelance.ledger.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.freelance.ledger.common.LedgerSerializerCustomizer;
import io.freelance.ledger.common.Money;
import java.time.Instant;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.junit.jupiter.api.Test;

/**
 * Hourly offers stored before the tracker opt-in existed must still be read, through the serializer both
 * sides use, as contracts without the tracker.
 */
class StoredHourlyOfferCompatibilityTest {

    private final Jackson3Serializer serializer =
            Jackson3Serializer.builder().jsonMapperBuilderCustomizer(new LedgerSerializerCustomizer()).build();

    private final HourlyContractOfferedEvent offer = new HourlyContractOfferedEvent("c-1", "client-1", "freelancer-1",
            "Build it", new HourlyTerms(Money.of("40.00", "USD"), 20, true, true), Instant.parse("2026-11-20T10:00:00Z"));

    @Test
    void anOfferStoredWithoutTheTrackerFieldReadsAsNotOptedIn() {
        String stored = json(offer);
        String beforeTheTracker = stored.replace(",\"trackerOptIn\":true", "");
        assertThat(beforeTheTracker).doesNotContain("trackerOptIn");

        HourlyContractOfferedEvent read = read(beforeTheTracker);

        assertThat(read.terms()).isEqualTo(new HourlyTerms(Money.of("40.00", "USD"), 20, true, false));
        assertThat(read.terms().trackerOptIn()).isFalse();
    }

    @Test
    void anOptedInOfferIsReadBackAsWritten() {
        assertThat(read(json(offer))).isEqualTo(offer);
    }

    @Test
    void termsGivenWithoutTheTrackerAreNotOptedIn() {
        assertThat(new HourlyTerms(Money.of("40.00", "USD"), null, false).trackerOptIn()).isFalse();
        assertThat(new HourlyTerms(Money.of("40.00", "USD"), null, false, null))
                .isEqualTo(new HourlyTerms(Money.of("40.00", "USD"), null, false, false));
    }

    private String json(HourlyContractOfferedEvent event) {
        return serializer.serialize(event, String.class).getData();
    }

    private HourlyContractOfferedEvent read(String json) {
        SerializedObject<String> stored = new SimpleSerializedObject<>(json, String.class,
                HourlyContractOfferedEvent.class.getName(), null);
        return serializer.deserialize(stored);
    }
}
