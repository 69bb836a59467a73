package org.undersigned.infra;

import org.junit.jupiter.api.Test;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class SqlTest {

    private static final Instant AT = Instant.parse("2026-11-21T12:00:00Z");

    @Test
    void likeWildcardsAndTheEscapeCharacterAreTakenLiterally() {
        assertEquals("50\\%\\_off\\\\", Sql.escapeLike("50%_off\\"));
        assertEquals("%a\\%b%", Sql.containing("a%b"));
    }

    @Test
    void aTimestampReadsAsAnInstantWhateverTypeTheDriverChose() {
        assertEquals(AT, Sql.instant(AT));
        assertEquals(AT, Sql.instant(OffsetDateTime.ofInstant(AT, ZoneOffset.ofHours(2))));
        assertEquals(AT, Sql.instant(Timestamp.from(AT)));
        assertNull(Sql.instant((Object) null));
    }
}
