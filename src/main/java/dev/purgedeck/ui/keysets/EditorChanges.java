package dev.purgedeck.ui.keysets;

import dev.purgedeck.keysets.KeySet;
import dev.purgedeck.ui.controls.KeyTagViewModel;
import java.util.List;

/** Whether the Key sets editor holds edits not yet saved, so nothing replaces them without the user's say. */
final class EditorChanges {
    private EditorChanges() {
    }

    /**
     * @param was the saved set shown in the editor, or null for a new set (unsaved once it holds keys or a
     *            description: its suggested name alone is nothing to lose)
     */
    static boolean unsaved(KeySet was, String name, String description, String serviceId, boolean soft,
                           KeyTagViewModel keys) {
        List<String> valid = keys.validKeys();
        if (was == null) {
            return !valid.isEmpty() || keys.getInvalidCount() > 0 || !description.isBlank();
        }
        return !name.equals(was.name()) || !description.equals(nz(was.description()))
                || !serviceId.equals(nz(was.serviceId())) || soft != was.soft()
                || keys.getInvalidCount() > 0 || !valid.equals(was.keys());
    }

    /** Whether the pages to check differ from the saved set's (any page makes a new set worth keeping). */
    static boolean unsavedPages(KeySet was, List<String> pages) {
        return was == null ? !pages.isEmpty() : !pages.equals(was.sampleUrls());
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
