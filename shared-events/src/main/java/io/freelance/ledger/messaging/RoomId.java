package io.freelance.ledger.messaging;

import io.freelance.ledger.common.NameBasedId;

/**
 * Ids of rooms. A contract has one room and a pair of users one one-on-one room, so those ids derive from
 * what they name: a second creation names the same room and is recognised as a repeat. A group room's id
 * derives from its creator and the creator's idempotency key, so a retried creation is a repeat too.
 */
public final class RoomId {

    private static final String CONTRACT_PREFIX = "contract-room-";
    private static final String ONE_ON_ONE_PREFIX = "one-on-one-";
    private static final String GROUP_PREFIX = "group-room-";

    private RoomId() {
    }

    public static String forContract(String contractId) {
        return CONTRACT_PREFIX + contractId;
    }

    /** The same id whichever of the two users asks. */
    public static String forOneOnOne(String userId, String otherUserId) {
        boolean ordered = userId.compareTo(otherUserId) <= 0;
        String first = ordered ? userId : otherUserId;
        String second = ordered ? otherUserId : userId;
        return ONE_ON_ONE_PREFIX + NameBasedId.of("one-on-one", first, second);
    }

    public static String forGroup(String ownerId, String idempotencyKey) {
        return GROUP_PREFIX + NameBasedId.of("group-room", ownerId, idempotencyKey);
    }

    /** True for an id of any kind of room, so a refusal about an unknown aggregate can name the room. */
    public static boolean isRoomId(String id) {
        return id != null && (id.startsWith(CONTRACT_PREFIX) || id.startsWith(ONE_ON_ONE_PREFIX)
                || id.startsWith(GROUP_PREFIX));
    }
}
