package org.undersigned.imports;

import java.util.EnumSet;
import java.util.Set;

/**
 * UPLOADED → CHECKED → RUNNING → DONE or FAILED. A file can be checked again (with another
 * mapping) until it runs; a failed import can be checked and run again. A running import ends
 * DONE or FAILED: its job either finishes or gives up, and the retention job fails one whose
 * upload it deletes.
 */
public enum ImportStatus {
    UPLOADED, CHECKED, RUNNING, DONE, FAILED;

    public Set<ImportStatus> next() {
        return switch (this) {
            case UPLOADED, FAILED -> EnumSet.of(CHECKED);
            case CHECKED -> EnumSet.of(CHECKED, RUNNING);
            case RUNNING -> EnumSet.of(DONE, FAILED);
            case DONE -> EnumSet.noneOf(ImportStatus.class);
        };
    }

    public boolean canMoveTo(ImportStatus target) {
        return next().contains(target);
    }

    /** The mapping can still change and the file be checked again. */
    public boolean editable() {
        return this == UPLOADED || this == CHECKED || this == FAILED;
    }
}
