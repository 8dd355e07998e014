package io.ticketchat.persistence.jooq.generated.archfixture;

/** Stands in for a jOOQ-generated table class. */
public class FakeGeneratedTable {

    public String name() {
        return "chat_messages";
    }
}
