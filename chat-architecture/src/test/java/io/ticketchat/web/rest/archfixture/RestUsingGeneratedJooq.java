package io.ticketchat.web.rest.archfixture;

import io.ticketchat.persistence.jooq.generated.archfixture.FakeGeneratedTable;

/** Broken on purpose: a web adapter seeing a generated table class. */
public class RestUsingGeneratedJooq {

    public String table() {
        return new FakeGeneratedTable().name();
    }
}
