package io.leadgate.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.leadgate.channel.ChannelFileLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Parses every manifest under {@code k8s/} and checks the essentials: probes, the environment names of CONTRACT §1,
 * no committed secrets, a graceful shutdown, the Strimzi topic and the CloudNativePG cluster, and that every
 * kustomization names files that exist.
 */
class ManifestTest {

    private static final Path K8S = Path.of("k8s");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final List<String> CONTRACT_ENV = List.of("QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_USERNAME",
            "QUARKUS_DATASOURCE_PASSWORD", "QUARKUS_HTTP_PORT", "KAFKA_BOOTSTRAP_SERVERS", "LEADGATE_CHANNELS_DIR",
            "LEADGATE_API_KEYS");
    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(PASSWORD|SECRET|TOKEN|KEYS?|CREDENTIAL).*");

    record Doc(Path file, JsonNode node) {
        String kind() {
            return node.path("kind").asText();
        }

        String name() {
            return node.path("metadata").path("name").asText();
        }
    }

    private static List<Doc> docs;

    @BeforeAll
    static void parseAll() throws IOException {
        docs = new ArrayList<>();
        try (Stream<Path> files = Files.walk(K8S)) {
            for (Path file : files.filter(p -> p.toString().matches(".*\\.ya?ml")).sorted().toList()) {
                try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
                    while (it.hasNext()) {
                        JsonNode node = it.next();
                        if (node != null && !node.isNull() && !node.isMissingNode()) {
                            docs.add(new Doc(file, node));
                        }
                    }
                }
            }
        }
        assertTrue(docs.size() > 10, "manifests found: " + docs.size());
    }

    private static List<Doc> manifests() {
        return docs.stream().filter(d -> !d.file().toString().contains("/channels/")).toList();
    }

    private static Doc only(String kind, Path under) {
        List<Doc> found = manifests().stream().filter(d -> d.kind().equals(kind) && d.file().startsWith(under)).toList();
        assertEquals(1, found.size(), kind + " under " + under);
        return found.get(0);
    }

    private static JsonNode container() {
        JsonNode containers = only("Deployment", K8S.resolve("base")).node().at("/spec/template/spec/containers");
        assertEquals(1, containers.size());
        return containers.get(0);
    }

    @Test
    void everyManifestHasApiVersionKindAndName() {
        for (Doc d : manifests()) {
            assertFalse(d.node().path("apiVersion").asText().isEmpty(), d.file() + " apiVersion");
            assertFalse(d.kind().isEmpty(), d.file() + " kind");
            if (!d.kind().equals("Kustomization")) {
                assertFalse(d.name().isEmpty(), d.file() + " metadata.name");
            }
        }
    }

    @Test
    void deploymentProbesTheHealthEndpoints() {
        JsonNode c = container();
        assertEquals("/q/health/live", c.at("/livenessProbe/httpGet/path").asText());
        assertEquals("/q/health/ready", c.at("/readinessProbe/httpGet/path").asText());
        assertTrue(c.at("/startupProbe/httpGet/path").asText().startsWith("/q/health/"));
    }

    @Test
    void deploymentIsConfiguredThroughTheContractEnvironment() {
        Set<String> names = new HashSet<>();
        container().path("env").forEach(e -> names.add(e.path("name").asText()));
        for (String name : CONTRACT_ENV) {
            assertTrue(names.contains(name), "env " + name);
        }
        assertEquals("/deployments/channels", env("LEADGATE_CHANNELS_DIR").path("value").asText());
        assertTrue(container().path("volumeMounts").findValuesAsText("mountPath").contains("/deployments/channels"));
    }

    @Test
    void deploymentRunsLockedDownAndShutsDownGracefully() throws IOException {
        JsonNode pod = only("Deployment", K8S.resolve("base")).node().at("/spec/template/spec");
        JsonNode c = container();
        assertTrue(pod.at("/securityContext/runAsNonRoot").asBoolean());
        assertTrue(c.at("/securityContext/readOnlyRootFilesystem").asBoolean());
        assertFalse(c.at("/securityContext/allowPrivilegeEscalation").asBoolean(true));
        JsonNode tmp = null;
        for (JsonNode mount : c.path("volumeMounts")) {
            if (mount.path("mountPath").asText().equals("/tmp")) {
                tmp = mount;
            }
        }
        assertTrue(tmp != null, "/tmp is writable");
        String volume = tmp.path("name").asText();
        boolean emptyDir = false;
        for (JsonNode v : pod.path("volumes")) {
            emptyDir |= v.path("name").asText().equals(volume) && v.has("emptyDir");
        }
        assertTrue(emptyDir, "/tmp is an emptyDir");
        for (String r : List.of("/resources/requests/cpu", "/resources/requests/memory", "/resources/limits/memory")) {
            assertFalse(c.at(r).asText().isEmpty(), r);
        }
        String timeout = Files.readAllLines(Path.of("src/main/resources/application.properties")).stream()
                .filter(l -> l.startsWith("%prod.quarkus.shutdown.timeout=")).findFirst()
                .orElseThrow(() -> new AssertionError("quarkus.shutdown.timeout is set for prod")).split("=")[1];
        long seconds = java.time.Duration.parse("PT" + timeout).toSeconds();
        assertTrue(pod.path("terminationGracePeriodSeconds").asLong() > seconds,
                "grace period longer than the Quarkus shutdown timeout " + seconds + " s");
    }

    @Test
    void noSecretIsCommitted() throws IOException {
        for (Doc d : docs) {
            if (d.kind().equals("Secret")) {
                assertFalse(d.node().has("data") || d.node().has("stringData"), d.file() + " commits a Secret");
            }
        }
        for (Doc d : manifests()) {
            assertFalse(d.node().has("secretGenerator"), d.file() + " generates a Secret from committed values");
        }
        for (JsonNode e : container().path("env")) {
            String name = e.path("name").asText();
            if (SECRET_NAME.matcher(name).matches()) {
                assertTrue(e.has("valueFrom") && !e.has("value"), name + " must come from a secretKeyRef");
                assertFalse(e.at("/valueFrom/secretKeyRef/name").asText().isEmpty(), name + " secretKeyRef");
            }
        }
        Pattern literal = Pattern.compile("(?im)^[ \\t]*[\\w.-]*(password|secret|token|api-?key)[\\w.-]*[ \\t]*:[ \\t]*(?!\\$\\{|true\\b|false\\b)[^\\s#{][^#\\n]*$");
        try (Stream<Path> files = Files.walk(K8S)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                var m = literal.matcher(Files.readString(file));
                if (m.find()) {
                    fail(file + " holds a literal secret value: " + m.group().strip().replaceAll(":.*", ": …"));
                }
            }
        }
    }

    @Test
    void kafkaTopicHasPartitionsAndRetention() {
        Doc topic = only("KafkaTopic", K8S.resolve("base"));
        assertEquals("leadgate.lead-events", topic.node().at("/spec/topicName").asText());
        assertTrue(topic.node().at("/spec/partitions").asInt() > 1);
        assertTrue(topic.node().at("/spec/config/retention.ms").asLong() > 0);
        String cluster = topic.node().at("/metadata/labels/strimzi.io~1cluster").asText();
        assertEquals(cluster, only("Kafka", K8S.resolve("base")).name());
        assertTrue(env("KAFKA_BOOTSTRAP_SERVERS").path("value").asText().startsWith(cluster + "-kafka-bootstrap:"));
    }

    /** Console sessions are encrypted cookies: every pod needs the same key (ConsoleReplicasTest shows why). */
    @Test
    void everyPodSharesTheConsoleSessionKey() {
        JsonNode key = env("QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY").at("/valueFrom/secretKeyRef");
        assertFalse(key.path("name").asText().isEmpty(), "the session key comes from a Secret");
        assertFalse(key.path("optional").asBoolean(false), "a pod never starts without the shared session key");
        assertTrue(only("Deployment", K8S.resolve("base")).node().at("/spec/replicas").asInt() > 1);
        assertEquals(key.path("name").asText(),
                env("LEADGATE_ADMIN_PASSWORD").at("/valueFrom/secretKeyRef/name").asText());
    }

    @Test
    void postgresIsACloudNativePgClusterWhoseSecretTheDeploymentReads() {
        Doc cluster = only("Cluster", K8S.resolve("base"));
        assertEquals("postgresql.cnpg.io/v1", cluster.node().path("apiVersion").asText());
        assertEquals(cluster.name() + "-app", env("QUARKUS_DATASOURCE_PASSWORD").at("/valueFrom/secretKeyRef/name").asText());
        assertTrue(env("QUARKUS_DATASOURCE_JDBC_URL").path("value").asText()
                .startsWith("jdbc:postgresql://" + cluster.name() + "-rw:5432/"));
    }

    @Test
    void baseHasServiceAutoscalerDisruptionBudgetAndNetworkPolicy() {
        Path base = K8S.resolve("base");
        assertEquals("leadgate", only("HorizontalPodAutoscaler", base).node().at("/spec/scaleTargetRef/name").asText());
        assertTrue(only("PodDisruptionBudget", base).node().at("/spec/selector/matchLabels").size() > 0);
        assertEquals(List.of("Ingress", "Egress"),
                YAML.convertValue(only("NetworkPolicy", base).node().at("/spec/policyTypes"), List.class));
        assertEquals("http", only("Service", base).node().at("/spec/ports/0/targetPort").asText());
    }

    @Test
    void kustomizationsNameExistingFilesAndOverlaysGenerateTheChannels() throws IOException {
        for (Doc k : manifests().stream().filter(d -> d.kind().equals("Kustomization")).toList()) {
            Path dir = k.file().getParent();
            for (JsonNode r : k.node().path("resources")) {
                assertTrue(Files.exists(dir.resolve(r.asText())), k.file() + " resource " + r.asText());
            }
            for (JsonNode g : k.node().path("configMapGenerator")) {
                for (JsonNode f : g.path("files")) {
                    assertTrue(Files.isRegularFile(dir.resolve(f.asText())), k.file() + " file " + f.asText());
                }
            }
        }
        for (String overlay : List.of("dev", "prod")) {
            Path dir = K8S.resolve("overlays").resolve(overlay);
            Doc k = only("Kustomization", dir);
            assertEquals("leadgate-channels", k.node().at("/configMapGenerator/0/name").asText());
            List<String> listed = new ArrayList<>();
            k.node().at("/configMapGenerator/0/files").forEach(f -> listed.add(f.asText()));
            try (Stream<Path> channels = Files.list(dir.resolve("channels"))) {
                assertEquals(channels.map(p -> "channels/" + p.getFileName()).sorted().toList(), listed.stream().sorted().toList(),
                        overlay + " lists every channel file");
            }
            // Every channel file is valid for the gateway (variables given any value).
            assertFalse(new ChannelFileLoader(name -> "set").loadDirectory(dir.resolve("channels")).isEmpty());
        }
        assertEquals(Files.readString(Path.of("channels/demo-form.yaml")),
                Files.readString(K8S.resolve("overlays/dev/channels/demo-form.yaml")), "dev runs the repository's demo form");
    }

    @Test
    void dockerfileUsesTheQuarkusJvmLayout() throws IOException {
        String dockerfile = Files.readString(Path.of("src/main/docker/Dockerfile.jvm"));
        assertTrue(dockerfile.contains("target/quarkus-app/lib/ /deployments/lib/"));
        assertTrue(dockerfile.contains("JAVA_APP_JAR=\"/deployments/quarkus-run.jar\""));
        assertTrue(dockerfile.contains("USER 185"));
        assertEquals(185, only("Deployment", K8S.resolve("base")).node().at("/spec/template/spec/securityContext/runAsUser").asInt());
    }

    private static JsonNode env(String name) {
        for (JsonNode e : container().path("env")) {
            if (e.path("name").asText().equals(name)) {
                return e;
            }
        }
        throw new AssertionError("no env " + name);
    }
}
