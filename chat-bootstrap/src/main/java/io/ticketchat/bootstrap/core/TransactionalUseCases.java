package io.ticketchat.bootstrap.core;

import io.ticketchat.application.port.out.ChatStoreConflictException;
import io.ticketchat.application.port.out.ChatStoreUnavailableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.function.UnaryOperator;

/**
 * Wraps a use case so each call runs in one transaction: the boundary of the whole use case, drawn here
 * so that the core itself stays free of Spring. Unchecked exceptions roll back and pass through
 * unchanged, so adapters see the use case's own contract. A transaction that lost a lock conflict (the
 * store's {@link ChatStoreConflictException}) is rolled back whole, events included, so the use case simply
 * runs again. A failure to reach the database becomes the port's {@link ChatStoreUnavailableException}.
 * The repositories raise both themselves; what fails outside them, in beginning or committing the
 * transaction, is read by the store's own classifier, handed in: no database error code is known here.
 *
 * <p>Four kinds of use case:
 * <ul>
 *   <li>{@link #readWrite}: one database transaction.</li>
 *   <li>{@link #snapshotRead}: one read-only transaction, for reads whose statements must agree with each
 *       other (one consistent snapshot under InnoDB's REPEATABLE READ).</li>
 *   <li>{@link #read}: no database transaction. Each statement runs on its own (autocommit) and sees the
 *       latest committed data. For reads of a single statement, or of several whose answers need not agree
 *       (a ticket's name and its messages). On MariaDB Connector/J a read-only JDBC transaction costs five
 *       statements more than the reads themselves (read-only on and off, autocommit off and on, COMMIT).
 *       The use case still keeps one pooled connection for all its statements, and its events still leave
 *       only once it returns (Spring's transaction synchronization, without a transaction).</li>
 *   <li>{@link #outsideTransaction}: no transaction and no connection held between statements, for
 *       posting a message, whose append the {@link GroupCommit} commits.</li>
 * </ul>
 */
public final class TransactionalUseCases {

    static final int ATTEMPTS_ON_LOCK_FAILURE = 3;

    private final TransactionTemplate readWrite;
    private final TransactionTemplate snapshotRead;
    private final TransactionTemplate read;
    private final UnaryOperator<RuntimeException> storeFailures;

    /**
     * @param storeFailures the store's reading of a failure: the port's exception it means, or the failure
     *                      itself (the persistence adapter's {@code StoreFailures::toPortException})
     */
    public TransactionalUseCases(PlatformTransactionManager transactionManager, UnaryOperator<RuntimeException> storeFailures) {
        this.storeFailures = storeFailures;
        this.readWrite = new TransactionTemplate(transactionManager);
        this.snapshotRead = new TransactionTemplate(transactionManager);
        this.snapshotRead.setReadOnly(true);
        this.snapshotRead.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRED);
        // SUPPORTS opens no transaction of its own (it joins a caller's), yet synchronization stays active.
        // Read-only is then a mere hint (for a host's DataSource routing reads to a replica): no JDBC call.
        this.read = new TransactionTemplate(transactionManager);
        this.read.setPropagationBehavior(TransactionDefinition.PROPAGATION_SUPPORTS);
        this.read.setReadOnly(true);
    }

    public <T> T readWrite(Class<T> useCase, T target) {
        return wrap(useCase, target, readWrite);
    }

    public <T> T snapshotRead(Class<T> useCase, T target) {
        return wrap(useCase, target, snapshotRead);
    }

    public <T> T read(Class<T> useCase, T target) {
        return wrap(useCase, target, read);
    }

    /**
     * No transaction and no transaction-bound connection: each statement borrows a pooled connection
     * only while it runs, and events go out as they are published. For a use case whose one write
     * commits on its own before it returns ({@link GroupCommit}): a sender waiting for its group's
     * commit then holds no connection the writer might need.
     */
    public <T> T outsideTransaction(Class<T> useCase, T target) {
        return wrap(useCase, target, TransactionOperations.withoutTransaction());
    }

    private <T> T wrap(Class<T> useCase, T target, TransactionOperations template) {
        Object proxy = Proxy.newProxyInstance(useCase.getClassLoader(), new Class<?>[] {useCase}, (self, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "toString" -> "transactional " + target;
                    case "hashCode" -> System.identityHashCode(self);
                    case "equals" -> self == args[0];
                    default -> method.invoke(target, args);
                };
            }
            for (int attempt = 1; ; attempt++) {
                try {
                    return template.execute(status -> invoke(method, target, args));
                } catch (UseCaseFailure failure) {
                    throw failure.getCause();
                } catch (RuntimeException failure) {
                    RuntimeException meaning = portException(failure);
                    if (meaning instanceof ChatStoreConflictException && attempt < ATTEMPTS_ON_LOCK_FAILURE) {
                        continue;
                    }
                    throw meaning;
                }
            }
        });
        return useCase.cast(proxy);
    }

    private RuntimeException portException(RuntimeException failure) {
        // No connection could be had or readied for the transaction: whatever the driver said, the store is out of reach.
        if (failure instanceof CannotCreateTransactionException) {
            return new ChatStoreUnavailableException("the chat store cannot be reached", failure);
        }
        return storeFailures.apply(failure);
    }

    private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new UseCaseFailure(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Carries a checked exception through the template so it is rethrown as it was. */
    private static final class UseCaseFailure extends RuntimeException {
        UseCaseFailure(Throwable cause) {
            super(cause);
        }
    }
}
