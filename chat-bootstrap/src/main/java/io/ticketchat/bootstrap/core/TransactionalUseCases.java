package io.ticketchat.bootstrap.core;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;

/**
 * Wraps a use case so each call runs in one transaction: the boundary of the whole use case, drawn here
 * so that the core itself stays free of Spring. Unchecked exceptions roll back and pass through
 * unchanged, so adapters see the use case's own contract. A transaction the database chose as a
 * deadlock victim is rolled back whole, events included, so the use case simply runs again. A failure to
 * reach the database, also when opening or committing the transaction, becomes the port's
 * {@code ChatStoreUnavailableException}.
 */
public final class TransactionalUseCases {

    static final int ATTEMPTS_ON_LOCK_FAILURE = 3;

    private final TransactionTemplate readWrite;
    private final TransactionTemplate readOnly;

    public TransactionalUseCases(PlatformTransactionManager transactionManager) {
        this.readWrite = new TransactionTemplate(transactionManager);
        this.readOnly = new TransactionTemplate(transactionManager);
        this.readOnly.setReadOnly(true);
        this.readOnly.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRED);
    }

    public <T> T readWrite(Class<T> useCase, T target) {
        return wrap(useCase, target, readWrite);
    }

    public <T> T readOnly(Class<T> useCase, T target) {
        return wrap(useCase, target, readOnly);
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

    private static <T> T wrap(Class<T> useCase, T target, TransactionOperations template) {
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
                    if (LockConflict.isLockConflict(failure)) {
                        if (attempt == ATTEMPTS_ON_LOCK_FAILURE) {
                            throw failure;
                        }
                        continue;
                    }
                    // Beginning or committing the transaction may meet a dead database too: that is UNAVAILABLE.
                    throw StoreOutage.translate(failure);
                }
            }
        });
        return useCase.cast(proxy);
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
