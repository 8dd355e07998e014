package io.ticketchat.application.archfixture;

import org.jooq.DSLContext;

/** Broken on purpose: a use case talking SQL. */
public class ApplicationUsingJooq {

    private final DSLContext dsl;

    public ApplicationUsingJooq(DSLContext dsl) {
        this.dsl = dsl;
    }

    public int ping() {
        return dsl.selectOne().fetchOne(0, Integer.class);
    }
}
