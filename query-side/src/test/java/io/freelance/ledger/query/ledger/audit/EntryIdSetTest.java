package io.freelance.ledger.query.ledger.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EntryIdSetTest {

    @Test
    void tellsRepeatsExactlyAsASetOfTheStringsDoes() {
        EntryIdSet ids = new EntryIdSet();
        Set<String> strings = new HashSet<>();
        Random random = new Random(3);
        String[] seen = new String[50_000];
        for (int draw = 0; draw < 200_000; draw++) {
            String id = draw > 1_000 && random.nextInt(4) == 0 ? seen[random.nextInt(Math.min(draw, seen.length))]
                    : anyShape(random, draw);
            seen[draw % seen.length] = id;
            assertThat(ids.add(id)).as(id).isEqualTo(strings.add(id));
        }
        assertThat(ids.size()).isEqualTo(strings.size());
    }

    @Test
    void upperCaseAndOtherShapesAreDifferentIdsFromTheCanonicalText() {
        EntryIdSet ids = new EntryIdSet();
        String canonical = "0f8fad5b-d9cb-469f-a165-70867728950e";
        assertThat(ids.add(canonical)).isTrue();
        assertThat(ids.add(canonical.toUpperCase())).as("upper case is another string").isTrue();
        assertThat(ids.add(canonical.replace("-", ""))).as("without dashes").isTrue();
        assertThat(ids.add(new String(canonical))).as("the same text again").isFalse();
        assertThat(ids.add("00000000-0000-0000-0000-000000000000")).isTrue();
        assertThat(ids.add("00000000-0000-0000-0000-000000000000")).isFalse();
        assertThat(ids.add("entry-1")).isTrue();
        assertThat(ids.add("entry-1")).isFalse();
        assertThat(ids.size()).isEqualTo(5);
    }

    private static String anyShape(Random random, int draw) {
        UUID uuid = new UUID(random.nextLong(), random.nextLong());
        return switch (draw % 10) {
            case 0 -> "entry-" + random.nextInt(20_000);
            case 1 -> uuid.toString().toUpperCase();
            case 2 -> new UUID(0, random.nextInt(50)).toString();
            default -> uuid.toString();
        };
    }
}
