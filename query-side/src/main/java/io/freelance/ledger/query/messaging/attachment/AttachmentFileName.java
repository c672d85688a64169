package io.freelance.ledger.query.messaging.attachment;

import io.freelance.ledger.common.RuleViolation;
import io.freelance.ledger.common.TextInput;

/**
 * The name a file is shown and downloaded under. It is the caller's text, so it follows {@link TextInput}'s rules
 * (no control characters, here not even new line and tab, no bidirectional overrides that make {@code fdp.exe} read as {@code exe.pdf}), and it
 * names one file, never a path: a name with a separator or a dot-only name could be written somewhere other than
 * meant by whatever saves it.
 */
final class AttachmentFileName {

    static final String FIELD = "fileName";
    /** What common file systems allow for one name. */
    static final int MAX_LENGTH = 255;

    private AttachmentFileName() {
    }

    static String checked(String value) {
        String name = TextInput.required(FIELD, value, MAX_LENGTH, "The file name");
        if (name.indexOf('\n') >= 0 || name.indexOf('\t') >= 0) {
            // Free text may hold them; a name is one line, and a new line in it would split a log line or a header.
            throw RuleViolation.badRequest(FIELD, "fileName.control-characters",
                    "The file name must be one line: no new line or tab.");
        }
        if (name.indexOf('/') >= 0 || name.indexOf('\\') >= 0 || name.chars().allMatch(c -> c == '.')) {
            throw RuleViolation.badRequest(FIELD, "fileName.path",
                    "The file name must name a file, not a path: no / or \\, and not only dots; it was '%s'.".formatted(name));
        }
        return name;
    }
}
