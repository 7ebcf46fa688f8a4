package io.leadgate.delivery.kafka;

import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Asks the broker for its cluster description, with a bounded timeout: the relay's check while it has nothing to
 * send, so readiness shows a broker outage even when no event is waiting. Uses the application's {@code kafka.*}
 * settings (bootstrap servers, security), created on first use; never called when Kafka delivery is off.
 */
@ApplicationScoped
public class BrokerProbe {

    /** What one check found: the broker answered, or why not (a class name, never an address). */
    public sealed interface Result {
        /** The broker described its cluster in time. */
        record Reachable() implements Result {
        }

        /** No description in time, or an error. */
        record Unreachable(String reason) implements Result {
        }
    }

    private final Map<String, Object> kafkaConfig;
    private volatile Admin admin;

    BrokerProbe(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        this.kafkaConfig = kafkaConfig;
    }

    /** Describes the cluster, waiting at most {@code timeout}; blocks the caller meanwhile. */
    public Result check(Duration timeout) {
        try {
            admin().describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()))
                    .nodes().get(timeout.toMillis() + 500, TimeUnit.MILLISECONDS);
            return new Result.Reachable();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result.Unreachable("interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return new Result.Unreachable(cause.getClass().getSimpleName());
        } catch (TimeoutException | RuntimeException e) {
            return new Result.Unreachable(e.getClass().getSimpleName());
        }
    }

    private Admin admin() {
        Admin a = admin;
        if (a == null) {
            synchronized (this) {
                if (admin == null) {
                    Map<String, Object> props = new HashMap<>();
                    kafkaConfig.forEach((k, v) -> {
                        if (AdminClientConfig.configNames().contains(k)) {
                            props.put(k, v);
                        }
                    });
                    props.putIfAbsent(AdminClientConfig.CLIENT_ID_CONFIG, "leadgate-relay-probe");
                    admin = Admin.create(props);
                }
                a = admin;
            }
        }
        return a;
    }

    @PreDestroy
    void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
        }
    }
}
