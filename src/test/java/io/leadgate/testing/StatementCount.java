package io.leadgate.testing;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverPropertyInfo;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Counts the database round trips a piece of code makes: a JDBC driver ({@code jdbc:counting:postgresql://…}) that
 * hands out PostgreSQL connections whose statements report each execution (a batch counts once, as it is one round
 * trip) and each commit or rollback to the thread that runs them. A test selects it with {@link Profile} (or puts
 * {@link #PROFILE} in a profile of its own); {@link #on(Callable)} then tells what the calling thread executed
 * meanwhile. Deterministic, unlike timing: the same work always makes the same statements.
 */
public final class StatementCount implements Driver {

    private static final String PREFIX = "jdbc:counting:";

    /** Config overrides for a test profile: the test database through this driver. */
    public static final Map<String, String> PROFILE = Map.of(
            "quarkus.datasource.jdbc.driver", StatementCount.class.getName(),
            "quarkus.datasource.jdbc.url", PREFIX + "postgresql://127.0.0.1:5432/test");

    /** A test profile with the test database through this driver; tests that share it share one application. */
    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return PROFILE;
        }
    }

    private static final ThreadLocal<Tally> CURRENT = new ThreadLocal<>();

    static {
        try {
            java.sql.DriverManager.registerDriver(new StatementCount());
        } catch (SQLException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** What one thread executed: each statement's SQL in order, and the transactions it ended. */
    public static final class Tally {
        private final List<String> statements = new ArrayList<>();
        private int commits;
        private int rollbacks;

        /** Statements executed (a batch once). */
        public synchronized int statements() {
            return statements.size();
        }

        /** Commits. */
        public synchronized int commits() {
            return commits;
        }

        /** Rollbacks. */
        public synchronized int rollbacks() {
            return rollbacks;
        }

        /** Statements whose SQL matches. */
        public synchronized long matching(java.util.function.Predicate<String> sql) {
            return statements.stream().filter(sql).count();
        }

        /** The statements by SQL, most frequent first: for a failing assertion's message. */
        public synchronized String summary() {
            Map<String, Long> counts = statements.stream().collect(Collectors.groupingBy(Function.identity(),
                    java.util.LinkedHashMap::new, Collectors.counting()));
            StringBuilder out = new StringBuilder(statements.size() + " statements, " + commits + " commits, "
                    + rollbacks + " rollbacks");
            counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .forEach(e -> out.append("\n  ").append(e.getValue()).append(" × ")
                            .append(e.getKey().length() > 160 ? e.getKey().substring(0, 160) + "…" : e.getKey()));
            return out.toString();
        }

        synchronized void statement(String sql) {
            statements.add(sql == null ? "?" : sql.replaceAll("\\s+", " ").trim());
        }

        synchronized void ended(boolean committed) {
            if (committed) {
                commits++;
            } else {
                rollbacks++;
            }
        }
    }

    /** A value and what the calling thread executed to compute it. */
    public record Counted<T>(T value, Tally tally) {
    }

    /** Runs {@code work} on this thread and counts what it executed (work on other threads is not counted). */
    public static <T> Counted<T> on(Callable<T> work) {
        Tally outer = CURRENT.get();
        Tally tally = new Tally();
        CURRENT.set(tally);
        try {
            return new Counted<>(work.call(), tally);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            CURRENT.set(outer);
        }
    }

    private static void record(String sql) {
        Tally tally = CURRENT.get();
        if (tally != null) {
            tally.statement(sql);
        }
    }

    private static void ended(boolean committed) {
        Tally tally = CURRENT.get();
        if (tally != null) {
            tally.ended(committed);
        }
    }

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        if (!acceptsURL(url)) {
            return null;
        }
        Connection real = new org.postgresql.Driver().connect("jdbc:" + url.substring(PREFIX.length()), info);
        return real == null ? null : wrap(Connection.class, real, new ConnectionHandler(real));
    }

    @Override
    public boolean acceptsURL(String url) {
        return url != null && url.startsWith(PREFIX);
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
        return new org.postgresql.Driver().getPropertyInfo("jdbc:" + url.substring(PREFIX.length()), info);
    }

    @Override
    public int getMajorVersion() {
        return 1;
    }

    @Override
    public int getMinorVersion() {
        return 0;
    }

    @Override
    public boolean jdbcCompliant() {
        return false;
    }

    @Override
    public java.util.logging.Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    private static <T> T wrap(Class<T> type, Object real, InvocationHandler handler) {
        return type.cast(Proxy.newProxyInstance(StatementCount.class.getClassLoader(), new Class<?>[] {type}, handler));
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static final Set<String> ENDS = Set.of("commit", "rollback");

    private record ConnectionHandler(Connection real) implements InvocationHandler {
        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            if (name.equals("unwrap") && args[0] == Connection.class) {
                return proxy;
            }
            Object result = StatementCount.invoke(real, method, args);
            if (ENDS.contains(name) && (args == null || args.length == 0)) {
                ended(name.equals("commit"));
            } else if (name.equals("setSavepoint") || name.equals("releaseSavepoint")
                    || name.equals("rollback")) { // a savepoint statement
                record(name);
            } else if (result instanceof CallableStatement s) {
                return wrap(CallableStatement.class, s, new StatementHandler(s, (String) args[0]));
            } else if (result instanceof PreparedStatement s) {
                return wrap(PreparedStatement.class, s, new StatementHandler(s, (String) args[0]));
            } else if (result instanceof Statement s) {
                return wrap(Statement.class, s, new StatementHandler(s, null));
            }
            return result;
        }
    }

    private static final class StatementHandler implements InvocationHandler {
        private final Statement real;
        private final String sql;
        private String batched;

        StatementHandler(Statement real, String sql) {
            this.real = real;
            this.sql = sql;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            if (name.equals("addBatch")) {
                batched = args != null && args.length == 1 ? (String) args[0] : sql;
            } else if (name.equals("executeBatch") || name.equals("executeLargeBatch")) {
                record("batch: " + batched);
                batched = null;
            } else if (name.startsWith("execute")) {
                record(args != null && args.length > 0 && args[0] instanceof String text ? text : sql);
            }
            return StatementCount.invoke(real, method, args);
        }
    }
}
