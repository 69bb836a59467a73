package org.undersigned.imports;

import java.util.List;

/** What checking a file found: how many rows can go in, how many look like entries already there, and every problem. */
public record ImportReport(int rows, int valid, int looksLikeDuplicates, List<Problem> problems) {

    /** One problem in one row: row numbers count the header as row 1, as spreadsheets do. */
    public record Problem(int row, String field, String problem) {
    }
}
