package org.undersigned.deploy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.Rule;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The production manifests (deploy/kubernetes, rendered by render.sh into rendered/production.yaml)
 * checked offline, as a reviewer would: built-in kinds and the Prometheus operator's kinds parse
 * strictly into Fabric8's typed model (no field it does not know, no wrong type), CloudNativePG's
 * kinds satisfy the vendored CRD schemas (and name no field the schema lacks), and a policy.
 */
class KubernetesManifestsTest {

    static final Path DIR = Path.of("deploy/kubernetes");
    static final Path RENDERED = DIR.resolve("rendered/production.yaml");
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    static final Map<String, Class<?>> BUILT_IN = Map.of(
            "v1/Namespace", Namespace.class,
            "v1/ConfigMap", ConfigMap.class,
            "v1/Service", Service.class,
            "apps/v1/Deployment", Deployment.class,
            "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class,
            "autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class,
            "networking.k8s.io/v1/Ingress", Ingress.class,
            "networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class,
            "monitoring.coreos.com/v1/ServiceMonitor", ServiceMonitor.class,
            "monitoring.coreos.com/v1/PrometheusRule", PrometheusRule.class);

    static final Map<String, String> CNPG = Map.of(
            "Cluster", "postgresql.cnpg.io_clusters.yaml",
            "Pooler", "postgresql.cnpg.io_poolers.yaml",
            "ScheduledBackup", "postgresql.cnpg.io_scheduledbackups.yaml",
            "Backup", "postgresql.cnpg.io_backups.yaml");

    @Test
    void theCommittedRenderingIsCurrent() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/kubectl")) || Files.isExecutable(Path.of("/usr/local/bin/kubectl")),
                "kubectl is not installed: the committed rendering is validated as it is");
        Process p = new ProcessBuilder("kubectl", "kustomize", DIR.resolve("overlays/production").toString()).start();
        String fresh = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
        assertEquals(fresh, Files.readString(RENDERED), "run deploy/kubernetes/render.sh and commit rendered/production.yaml");
    }

    @Test
    void builtInKindsParseStrictlyIntoTheKubernetesModel() throws Exception {
        int checked = 0;
        for (JsonNode doc : documents()) {
            String type = doc.path("apiVersion").asText() + "/" + doc.path("kind").asText();
            if (doc.path("apiVersion").asText().startsWith("postgresql.cnpg.io/")) {
                continue;
            }
            Class<?> model = BUILT_IN.get(type);
            assertNotNull(model, "a kind this test knows: " + type);
            Object parsed = YAML.treeToValue(doc, model);
            List<String> unknown = new ArrayList<>();
            unknownFields(parsed, type + " " + doc.path("metadata").path("name").asText(), unknown, new IdentityHashMap<>());
            assertEquals(List.of(), unknown, "fields the Kubernetes API does not have (typos are silently dropped by a cluster)");
            checked++;
        }
        assertEquals(BUILT_IN.size(), checked, "every built-in kind is in the rendering once");
    }

    @Test
    void cloudNativePgKindsSatisfyTheirCrdSchemas() throws Exception {
        Set<String> seen = new java.util.HashSet<>();
        for (JsonNode doc : documents()) {
            if (!doc.path("apiVersion").asText().startsWith("postgresql.cnpg.io/")) {
                continue;
            }
            String kind = doc.path("kind").asText();
            assertEquals("postgresql.cnpg.io/v1", doc.path("apiVersion").asText());
            JsonNode schema = crdSchema(kind);
            ObjectNode withoutMeta = doc.deepCopy();
            withoutMeta.remove("metadata"); // ObjectMeta's fields are the API server's, not the CRD's
            JsonSchema validator = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(schema);
            Set<ValidationMessage> errors = validator.validate(doc);
            assertEquals(Set.of(), errors, kind);
            List<String> unknown = new ArrayList<>();
            fieldsNotInSchema(withoutMeta, schema, kind, unknown);
            assertEquals(List.of(), unknown, kind + ": fields the CRD does not define");
            seen.add(kind);
        }
        assertEquals(Set.of("Cluster", "Pooler", "ScheduledBackup"), seen);
    }

    @Test
    void theSchemaCheckCatchesMistakes() throws Exception {
        JsonNode schema = crdSchema("Cluster");
        JsonNode bad = YAML.readTree("apiVersion: postgresql.cnpg.io/v1\nkind: Cluster\nmetadata: {name: x}\nspec:\n  instances: three\n  storge: {size: 1Gi}\n");
        assertFalse(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(schema).validate(bad).isEmpty(), "wrong type");
        List<String> unknown = new ArrayList<>();
        ObjectNode badSpec = bad.deepCopy();
        badSpec.remove("metadata");
        fieldsNotInSchema(badSpec, schema, "Cluster", unknown);
        assertEquals(List.of("Cluster.spec.storge"), unknown);
        List<String> unknownBuiltIn = new ArrayList<>();
        Object parsed = YAML.treeToValue(YAML.readTree("apiVersion: v1\nkind: Service\nspec:\n  selecter: {a: b}\n"), Service.class);
        unknownFields(parsed, "Service", unknownBuiltIn, new IdentityHashMap<>());
        assertEquals(1, unknownBuiltIn.size(), unknownBuiltIn.toString());
    }

    @Test
    void policyEveryWorkloadIsRestrictedSizedAndProbed() throws Exception {
        List<PodSpec> pods = new ArrayList<>();
        Deployment app = null;
        for (JsonNode doc : documents()) {
            if (doc.path("kind").asText().equals("Deployment")) {
                Deployment d = YAML.treeToValue(doc, Deployment.class);
                pods.add(d.getSpec().getTemplate().getSpec());
                app = d;
            }
        }
        assertNotNull(app);
        assertTrue(app.getSpec().getReplicas() >= 2, "at least two replicas");
        for (PodSpec pod : pods) {
            assertFalse(Boolean.TRUE.equals(pod.getAutomountServiceAccountToken()), "no API token in the pods");
            boolean podNonRoot = pod.getSecurityContext() != null && Boolean.TRUE.equals(pod.getSecurityContext().getRunAsNonRoot());
            List<Container> all = new ArrayList<>(pod.getContainers());
            all.addAll(pod.getInitContainers());
            for (Container c : all) {
                String name = c.getName();
                var sc = c.getSecurityContext();
                assertNotNull(sc, name + ": securityContext");
                assertTrue(podNonRoot || Boolean.TRUE.equals(sc.getRunAsNonRoot()), name + ": non-root");
                assertEquals(Boolean.TRUE, sc.getReadOnlyRootFilesystem(), name + ": read-only root filesystem");
                assertEquals(Boolean.FALSE, sc.getAllowPrivilegeEscalation(), name + ": no privilege escalation");
                assertTrue(sc.getCapabilities() != null && sc.getCapabilities().getDrop().contains("ALL"), name + ": drops all capabilities");
                assertNotNull(c.getResources(), name + ": resources");
                assertTrue(c.getResources().getRequests().containsKey("cpu") && c.getResources().getRequests().containsKey("memory"),
                        name + ": cpu and memory requests");
                assertTrue(c.getResources().getLimits().containsKey("memory"), name + ": a memory limit");
                assertImagePinned(name, c.getImage());
                for (EnvVar e : c.getEnv()) {
                    assertFalse(looksSecret(e.getName()) && e.getValue() != null, name + ": secret value in the manifest: " + e.getName());
                }
            }
            for (Container c : pod.getContainers()) {
                assertNotNull(c.getReadinessProbe(), c.getName() + ": readiness probe");
                assertNotNull(c.getLivenessProbe(), c.getName() + ": liveness probe");
                // Probes use the management port, never the public one.
                Set<String> management = Set.of("management", "9000");
                for (var probe : List.of(c.getReadinessProbe(), c.getLivenessProbe())) {
                    assertTrue(management.contains(probe.getHttpGet().getPort().getStrVal() != null
                            ? probe.getHttpGet().getPort().getStrVal() : String.valueOf(probe.getHttpGet().getPort().getIntVal())));
                }
                assertTrue(c.getPorts().stream().map(ContainerPort::getContainerPort).toList().contains(9000));
            }
        }
    }

    @Test
    void policyNoSecretsAndNoFloatingImagesAnywhere() throws Exception {
        String text = Files.readString(RENDERED);
        for (JsonNode doc : documents()) {
            assertFalse(doc.path("kind").asText().equals("Secret"), "Secrets are created beside the manifests, never in them");
            if (doc.path("kind").asText().equals("ConfigMap")) {
                doc.path("data").fieldNames().forEachRemaining(k -> assertFalse(looksSecret(k), "secret-like key in a ConfigMap: " + k));
            }
            if (doc.path("kind").asText().equals("Cluster")) {
                assertImagePinned("Cluster", doc.path("spec").path("imageName").asText());
                assertEquals(3, doc.path("spec").path("instances").asInt(), "three PostgreSQL instances");
            }
        }
        assertFalse(Pattern.compile("(?m)^\\s*image:\\s*\\S+:latest\\s*$").matcher(text).find(), "no :latest image");
        assertFalse(Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----").matcher(text).find(), "no private key");
        assertFalse(Pattern.compile("(?i)(password|secret|token)\\s*[:=]\\s*['\"]?[A-Za-z0-9+/]{12,}").matcher(text).find(),
                "nothing that looks like a credential");
    }

    @Test
    void alertsCoverTheIssuesThatNeedAPerson() throws Exception {
        for (JsonNode doc : documents()) {
            if (doc.path("kind").asText().equals("PrometheusRule")) {
                PrometheusRule rule = YAML.treeToValue(doc, PrometheusRule.class);
                List<String> exprs = rule.getSpec().getGroups().stream().flatMap(g -> g.getRules().stream())
                        .map(Rule::getExpr).map(Object::toString).toList();
                for (String metric : List.of("undersigned_mail_oldest_waiting_seconds", "http_server_requests_seconds_count{status=~\"5..\"}",
                        "undersigned_mail_sends_total{outcome=\"bounced\"}", "scheduled_methods_seconds_count")) {
                    assertTrue(exprs.stream().anyMatch(e -> e.contains(metric)), "an alert on " + metric);
                }
                return;
            }
        }
        throw new AssertionError("no PrometheusRule");
    }

    // ----- helpers -----------------------------------------------------------------------------

    static List<JsonNode> documents() throws IOException {
        List<JsonNode> docs = new ArrayList<>();
        try (YAMLParser parser = new YAMLFactory().createParser(RENDERED.toFile())) {
            Iterator<JsonNode> it = YAML.readValues(parser, JsonNode.class);
            while (it.hasNext()) {
                JsonNode n = it.next();
                if (n != null && !n.isEmpty()) {
                    docs.add(n);
                }
            }
        }
        assertFalse(docs.isEmpty());
        return docs;
    }

    static JsonNode crdSchema(String kind) throws IOException {
        JsonNode crd = YAML.readTree(DIR.resolve("schemas/cloudnative-pg").resolve(CNPG.get(kind)).toFile());
        for (JsonNode version : crd.path("spec").path("versions")) {
            if (version.path("name").asText().equals("v1")) {
                return version.path("schema").path("openAPIV3Schema");
            }
        }
        throw new AssertionError("no v1 schema for " + kind);
    }

    /** Every key of {@code value} that the schema does not define, where it defines its keys. */
    static void fieldsNotInSchema(JsonNode value, JsonNode schema, String path, List<String> out) {
        if (value.isObject() && schema.has("properties") && !schema.path("x-kubernetes-preserve-unknown-fields").asBoolean()) {
            value.fields().forEachRemaining(e -> {
                JsonNode sub = schema.path("properties").get(e.getKey());
                if (sub == null) {
                    out.add(path + "." + e.getKey());
                } else {
                    fieldsNotInSchema(e.getValue(), sub, path + "." + e.getKey(), out);
                }
            });
        } else if (value.isObject() && schema.path("additionalProperties").isObject()) {
            value.fields().forEachRemaining(e -> fieldsNotInSchema(e.getValue(), schema.path("additionalProperties"), path + "." + e.getKey(), out));
        } else if (value.isArray() && schema.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                fieldsNotInSchema(value.get(i), schema.path("items"), path + "[" + i + "]", out);
            }
        }
    }

    /** Fabric8 keeps fields it does not know in additionalProperties: any there is a field Kubernetes lacks. */
    static void unknownFields(Object o, String path, List<String> out, IdentityHashMap<Object, Boolean> seen) throws IllegalAccessException {
        if (o == null || seen.put(o, true) != null) {
            return;
        }
        if (o instanceof Collection<?> c) {
            int i = 0;
            for (Object item : c) {
                unknownFields(item, path + "[" + i++ + "]", out, seen);
            }
            return;
        }
        if (o instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                unknownFields(e.getValue(), path + "." + e.getKey(), out, seen);
            }
            return;
        }
        if (!o.getClass().getName().startsWith("io.fabric8.")) {
            return;
        }
        for (Class<?> k = o.getClass(); k != null && k != Object.class; k = k.getSuperclass()) {
            for (Field f : k.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers())) {
                    continue;
                }
                f.setAccessible(true);
                Object v = f.get(o);
                if (f.getName().equals("additionalProperties") && v instanceof Map<?, ?> extra) {
                    // IntOrString and Quantity-like holders keep nothing there; anything else is unknown.
                    extra.keySet().forEach(key -> out.add(path + "." + key));
                } else {
                    unknownFields(v, path + "." + f.getName(), out, seen);
                }
            }
        }
    }

    static void assertImagePinned(String what, String image) {
        assertNotNull(image, what + ": image");
        String last = image.substring(image.lastIndexOf('/') + 1);
        assertTrue(last.contains(":") || image.contains("@sha256:"), what + ": image without a tag: " + image);
        assertFalse(image.endsWith(":latest") || last.equals("latest"), what + ": latest: " + image);
    }

    static boolean looksSecret(String name) {
        String n = name.toUpperCase();
        return n.contains("PASSWORD") || n.contains("SECRET") || n.contains("TOKEN") || n.contains("PRIVATE_KEY")
                || n.contains("PRIVATE-KEY");
    }
}
