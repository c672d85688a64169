package io.freelance.ledger.query.messaging.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import io.freelance.ledger.common.Actor;
import io.freelance.ledger.common.Role;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Who may download an attachment, against rooms described here rather than a read model. */
class AttachmentAccessTest {

    private static final String CONTRACT_ROOM = "contract-room";
    private static final String ONE_ON_ONE_ROOM = "one-on-one-room";

    /** Alice and Carol talk in both rooms; only the first is a contract's. */
    private final AttachmentRooms rooms = roomId -> Optional.ofNullable(Map.of(
            CONTRACT_ROOM, new AttachmentRooms.AttachmentRoom(Set.of("alice", "carol"), true),
            ONE_ON_ONE_ROOM, new AttachmentRooms.AttachmentRoom(Set.of("alice", "carol"), false)).get(roomId));
    private final AttachmentAccess access = new AttachmentAccess(rooms);

    private static final Actor CAROL = new Actor("carol", Role.FREELANCER);
    private static final Actor ALICE = new Actor("alice", Role.CLIENT);
    private static final Actor BOB = new Actor("bob", Role.CLIENT);
    private static final Actor ERIN = new Actor("erin", Role.FINANCE);
    private static final Actor FRANK = new Actor("frank", Role.DISPUTE_HANDLER);

    @Test
    void theUploaderAndTheMembersOfARoomCarryingTheFileMayDownloadIt() {
        assertThat(access.maySee(CAROL, uploadedByCarol())).isTrue();
        assertThat(access.maySee(ALICE, uploadedByCarol())).as("not attached to any room yet").isFalse();

        assertThat(access.maySee(ALICE, uploadedByCarol(ONE_ON_ONE_ROOM))).isTrue();
        assertThat(access.maySee(BOB, uploadedByCarol(ONE_ON_ONE_ROOM))).isFalse();
        assertThat(new AttachmentAccess(AttachmentRooms.NONE).maySee(ALICE, uploadedByCarol(ONE_ON_ONE_ROOM))).isFalse();
    }

    @Test
    void financeAndDisputeHandlersMayDownloadTheFilesOfAContractRoomTheyAreNoMemberOf() {
        assertThat(access.maySee(ERIN, uploadedByCarol(CONTRACT_ROOM))).isTrue();
        assertThat(access.maySee(FRANK, uploadedByCarol(CONTRACT_ROOM))).isTrue();
    }

    @Test
    void financeAndDisputeHandlersMayNotDownloadFilesOfOtherRoomsOrOfNoRoom() {
        for (Actor staff : List.of(ERIN, FRANK)) {
            assertThat(access.maySee(staff, uploadedByCarol(ONE_ON_ONE_ROOM))).as("%s, one-on-one room", staff).isFalse();
            assertThat(access.maySee(staff, uploadedByCarol())).as("%s, in no message", staff).isFalse();
        }
    }

    @Test
    void aMarketplaceUserWhoIsNoMemberOfTheContractRoomMayNotDownloadItsFiles() {
        assertThat(access.maySee(BOB, uploadedByCarol(CONTRACT_ROOM))).isFalse();
        assertThat(access.maySee(new Actor("dave", Role.FREELANCER), uploadedByCarol(CONTRACT_ROOM))).isFalse();
    }

    private static StoredAttachment uploadedByCarol(String... roomIds) {
        List<StoredAttachment.AttachedTo> attachedTo = Arrays.stream(roomIds)
                .map(roomId -> new StoredAttachment.AttachedTo(roomId, "story-1")).toList();
        return new StoredAttachment("0b8f5a52-6f1e-4c8e-9d47-3c1d7e2a9f10", "brief.pdf", "application/pdf",
                "application/pdf", 10_000, "ab".repeat(32), "carol", Instant.parse("2026-11-30T09:00:00Z"), attachedTo);
    }
}
