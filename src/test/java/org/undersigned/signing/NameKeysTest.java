package org.undersigned.signing;

import org.junit.jupiter.api.Test;

import java.util.Comparator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NameKeysTest {

    @Test
    void sortKeysIgnoreCaseAccentsAndALeadingThe() {
        assertEquals("american civil liberties union", NameKeys.sortKey("The American Civil Liberties Union"));
        assertEquals("emile zola society", NameKeys.sortKey("Émile Zola Society"));
        assertEquals("la colectiva", NameKeys.sortKey("La ColectiVA"));
        assertEquals("stop lapd spying coalition", NameKeys.sortKey("  The   Stop LAPD Spying Coalition "));
        assertTrue(NameKeys.sortKey("“Free Press”").startsWith("free press"), "leading quotes are skipped");
        assertEquals("theater of the oppressed", NameKeys.sortKey("Theater of the Oppressed"), "only the word 'The'");
        assertEquals("strasse", NameKeys.sortKey("Straße"));
    }

    @Test
    void namesSortTheWayAReaderExpects() {
        List<String> names = List.of("Zeta Union", "The Alpha Fund", "Émile Collective", "beta group", "Ángel Project",
                "the omega center", "Øresund Network");
        List<String> sorted = names.stream().sorted(Comparator.comparing(NameKeys::sortKey)).toList();
        assertEquals(List.of("The Alpha Fund", "Ángel Project", "beta group", "Émile Collective", "the omega center",
                "Øresund Network", "Zeta Union"), sorted);
    }

    @Test
    void nameKeysMakeVariantsOfOneOrganizationCollide() {
        String aclu = NameKeys.nameKey("ACLU");
        assertEquals(aclu, NameKeys.nameKey("The A.C.L.U., Inc."));
        assertEquals(aclu, NameKeys.nameKey("a c l u"));
        assertEquals(NameKeys.nameKey("Dignity & Power NOW"), NameKeys.nameKey("Dignity and Power Now"));
        assertEquals(NameKeys.nameKey("Worth Rises LLC"), NameKeys.nameKey("worth rises"));
        assertEquals(NameKeys.nameKey("Café Résistance"), NameKeys.nameKey("Cafe Resistance"));
        assertNotEquals(NameKeys.nameKey("Free Press"), NameKeys.nameKey("Free Press Action"));
    }

    @Test
    void aNameThatIsOnlyALegalFormKeepsIt() {
        assertEquals("inc", NameKeys.nameKey("Inc."));
    }

    @Test
    void nonLatinNamesKeepTheirLetters() {
        assertEquals("правозащитный центр", NameKeys.sortKey("Правозащитный Центр"));
        assertEquals("人权观察", NameKeys.nameKey("人权观察"));
        assertEquals("مركز الحقوق", NameKeys.sortKey("مركز الحقوق"));
    }

    @Test
    void searchKeysFoldLikeSortKeys() {
        assertEquals("cafe", NameKeys.searchKey("  CAFÉ "));
    }
}
