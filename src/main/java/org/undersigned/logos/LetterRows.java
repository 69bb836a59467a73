package org.undersigned.logos;

import jakarta.persistence.EntityManager;

/** The letter row's version is part of every cached public page's key (see letterpage.PageCache). */
final class LetterRows {

    private LetterRows() {
    }

    /** A new row and list version: cached pages and the stored PDF of this letter are redone on every instance. */
    static void touch(EntityManager em, long letterId) {
        em.createNativeQuery("update letter set version = version + 1 where id = ?1").setParameter(1, letterId).executeUpdate();
        // and the list version, which keys the stored PDF (V11: letter_list_touched)
        em.createNativeQuery("select count(*) from letter_list_touched(?1)").setParameter(1, letterId).getSingleResult();
    }
}
