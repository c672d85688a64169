package io.freelance.ledger.command.messaging;

/**
 * What the room keeps of one message: only what its rules need. The text itself stays in the events; a
 * fingerprint of the post tells a retried post from a different one under the same id, and one of the
 * current text tells a retried edit from a new one.
 */
record PostedStory(long sequence, String authorId, String postFingerprint, String textFingerprint, boolean removed) {

    PostedStory edited(String newTextFingerprint) {
        return new PostedStory(sequence, authorId, postFingerprint, newTextFingerprint, removed);
    }

    PostedStory removedStory() {
        return new PostedStory(sequence, authorId, postFingerprint, textFingerprint, true);
    }
}
