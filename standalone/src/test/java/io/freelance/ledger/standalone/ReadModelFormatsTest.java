package io.freelance.ledger.standalone;

import static io.freelance.ledger.standalone.DemoUser.ALICE;
import static io.freelance.ledger.standalone.DemoUser.CAROL;
import static io.freelance.ledger.standalone.LedgerApi.milestone;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import io.freelance.ledger.query.infrastructure.ReadModelFormats;
import java.util.List;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Read models written in an older layout are rebuilt from the event store at start-up: contracts from before
 * escrow accounts had a collection of their own (their milestones and escrow would be gone), rooms from
 * before the search's text index (their messages would never be found), and rooms from before each user's rooms
 * were kept in buckets (their members would find none), while the processor is still starting.
 */
class ReadModelFormatsTest extends StandaloneTestBase {

    @Autowired
    MongoDatabase readModels;

    @Autowired
    ReadModelFormats readModelFormats;

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void readModelsOfAnOlderLayoutAreReplayedIntoTheCurrentOne() {
        JsonNode offered = api.offerFixedPrice(ALICE, unique("layout"), CAROL.id(), "USD",
                List.of(milestone("Design", "100.00", "USD"))).dataAt("offerFixedPriceContract.contract");
        String contractId = offered.path("id").asString();
        api.accept(CAROL, contractId);
        assertThat(escrowStatus(contractId)).isEqualTo("OPEN");

        // As an older version left them: no escrow_accounts collection, layout 1 recorded.
        readModels.getCollection("escrow_accounts").drop();
        readModels.getCollection("read_model_formats").replaceOne(Filters.eq("_id", "contract-projection"),
                new Document("_id", "contract-projection").append("layout", 1), new ReplaceOptions().upsert(true));
        assertThat(escrowStatus(contractId)).as("the old layout shows no escrow").isEmpty();

        readModelFormats.rebuildOutdatedReadModels();

        eventually(() -> assertThat(escrowStatus(contractId)).isEqualTo("OPEN"));
        assertThat(readModels.getCollection("read_model_formats").find(Filters.eq("_id", "contract-projection")).first()
                .getInteger("layout")).isEqualTo(3);
        assertThat(api.contract(ALICE, contractId).dataAt("contract.milestones.0.description").asString()).isEqualTo("Design");
    }

    @Test
    void messagesStoredBeforeTheRoomSearchIndexAreIndexedAtTheFirstStart() {
        MessagingApi messaging = new MessagingApi(api);
        String roomId = messaging.createGroup(ALICE, unique("room"), "Launch", List.of(CAROL.id()))
                .dataAt("createRoom.room.id").asString();
        messaging.post(CAROL, roomId, unique("story"), "The storyboard is ready for review.").answered();

        // As an older version left them: no text index, layout 1 recorded for the rooms.
        readModels.getCollection("room_story_words").drop();
        readModels.getCollection("read_model_formats").replaceOne(Filters.eq("_id", "room-projection"),
                new Document("_id", "room-projection").append("layout", 1), new ReplaceOptions().upsert(true));
        assertThat(searchHits(messaging, roomId, "storyboard")).as("not in the index yet").isZero();

        readModelFormats.rebuildOutdatedReadModels();

        eventually(() -> assertThat(searchHits(messaging, roomId, "storyboard")).isEqualTo(1));
        assertThat(readModels.getCollection("read_model_formats").find(Filters.eq("_id", "room-projection")).first()
                .getInteger("layout")).isEqualTo(3);
    }

    @Test
    void roomsOfTheOneMembershipDocumentPerUserAreListedFromBucketsAfterTheUpgrade() {
        MessagingApi messaging = new MessagingApi(api);
        String roomId = messaging.createGroup(ALICE, unique("room"), "Handover", List.of(CAROL.id()))
                .dataAt("createRoom.room.id").asString();

        // As layout 2 left them: each user's rooms in one document, no bucketed lists.
        readModels.getCollection("room_member_lists").drop();
        readModels.getCollection("room_memberships").replaceOne(Filters.eq("_id", CAROL.id()),
                new Document("_id", CAROL.id()).append("roomIds", List.of(roomId)), new ReplaceOptions().upsert(true));
        readModels.getCollection("read_model_formats").replaceOne(Filters.eq("_id", "room-projection"),
                new Document("_id", "room-projection").append("layout", 2), new ReplaceOptions().upsert(true));
        assertThat(roomIdsListedFor(messaging)).as("nothing in the buckets yet").doesNotContain(roomId);

        // As at start-up: the layouts are checked while the processor is still starting.
        StreamingEventProcessor roomProjection = processing
                .eventProcessorByProcessingGroup("room-projection", StreamingEventProcessor.class).orElseThrow();
        roomProjection.shutDown();
        roomProjection.start();
        readModelFormats.rebuildOutdatedReadModels();

        eventually(() -> assertThat(roomIdsListedFor(messaging)).contains(roomId));
        assertThat(readModels.getCollection("room_memberships").countDocuments()).as("the old documents are gone").isZero();
        assertThat(readModels.getCollection("read_model_formats").find(Filters.eq("_id", "room-projection")).first()
                .getInteger("layout")).isEqualTo(3);
    }

    private static List<String> roomIdsListedFor(MessagingApi messaging) {
        List<String> ids = new java.util.ArrayList<>();
        messaging.roomList(CAROL, Map.of("first", 100)).dataAt("roomList.edges").forEach(edge -> ids.add(edge.path("node").path("id").asString()));
        return ids;
    }

    private static int searchHits(MessagingApi messaging, String roomId, String text) {
        return messaging.search(ALICE, roomId, text, 10, null).dataAt("searchRoomStories.edges").size();
    }

    private String escrowStatus(String contractId) {
        JsonNode status = api.contract(ALICE, contractId).dataAt("contract.escrow.status");
        return status.isMissingNode() || status.isNull() ? "" : status.asString();
    }
}
