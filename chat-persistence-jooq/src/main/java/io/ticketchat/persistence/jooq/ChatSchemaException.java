package io.ticketchat.persistence.jooq;

/**
 * The chat's schema cannot be created or upgraded in this database, said in one line: what is wrong
 * (naming the table and column) and what to do. Thrown before the chat creates anything.
 */
public final class ChatSchemaException extends RuntimeException {

    private final String problem;
    private final String fix;

    public ChatSchemaException(String problem, String fix) {
        this(problem, fix, null);
    }

    public ChatSchemaException(String problem, String fix, Throwable cause) {
        super(problem + " " + fix, cause);
        this.problem = problem;
        this.fix = fix;
    }

    public String problem() {
        return problem;
    }

    public String fix() {
        return fix;
    }
}
