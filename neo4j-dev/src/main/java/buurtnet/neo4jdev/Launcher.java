package buurtnet.neo4jdev;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilder;
import org.neo4j.harness.Neo4jBuilders;

/**
 * Runs Neo4j 5 Community in-process (neo4j-harness) as a throw-away server for
 * tests and local development.
 *
 * <p>Prints exactly one line {@code NEO4J_URI=bolt://127.0.0.1:PORT} on stdout
 * once Bolt accepts connections, then stays up until SIGTERM/SIGINT (or, with
 * {@code --exit-on-stdin-eof}, until stdin is closed). Everything else goes to
 * stderr or to Neo4j's own log files.
 *
 * <p>Run via scripts/neo4j-dev or scripts/lib/neo4j.sh; see {@link #USAGE}.
 */
public final class Launcher {

    private static final String HOST = "127.0.0.1";

    private static final String USAGE = String.join("\n",
            "usage: java -cp 'target/classes:target/lib/*' buurtnet.neo4jdev.Launcher [options]",
            "",
            "  --port N             Bolt port on 127.0.0.1 (default: $NEO4J_DEV_PORT or 7687;",
            "                       0 = let the OS pick a free port, the real one is printed)",
            "  --dir DIR            working directory (default: $NEO4J_DEV_DIR or ./.neo4j-dev).",
            "                       Each run uses a fresh random sub-directory DIR/<md5> (store",
            "                       files + neo4j.log + debug.log), deleted on clean shutdown,",
            "                       so several instances can share DIR.",
            "  --keep-data          keep the store in DIR/data across runs instead (only one",
            "                       instance per DIR then; Neo4j locks the store)",
            "  --uri-file PATH      also write the NEO4J_URI=... line to PATH (atomically, via",
            "                       rename) once ready; deleted again on shutdown",
            "  --exit-on-stdin-eof  shut down when stdin reaches EOF (so the server dies with",
            "                       the process that started it and holds the pipe)",
            "  --pagecache MIB      page cache size in MiB (default: NEO4J_DEV_PAGECACHE_MIB, else 64)",
            "  -h, --help           this text",
            "",
            "Authentication is DISABLED (dbms.security.auth_enabled=false) and Bolt is",
            "unencrypted and bound to 127.0.0.1 only. HTTP/HTTPS are disabled.",
            "Connect with any user/password, e.g. neo4j.NoAuth() in the Go driver.");

    private Launcher() {}

    public static void main(String[] args) {
        int port = intEnv("NEO4J_DEV_PORT", 7687);
        String dirArg = env("NEO4J_DEV_DIR", ".neo4j-dev");
        String uriFileArg = null;
        boolean keepData = false;
        boolean exitOnStdinEof = false;
        long pagecacheMiB = intEnv("NEO4J_DEV_PAGECACHE_MIB", 64);

        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "-h":
                case "--help":
                    System.out.println(USAGE);
                    return;
                case "--port":
                    port = parseInt(a, value(args, ++i, a));
                    break;
                case "--dir":
                    dirArg = value(args, ++i, a);
                    break;
                case "--uri-file":
                    uriFileArg = value(args, ++i, a);
                    break;
                case "--keep-data":
                    keepData = true;
                    break;
                case "--exit-on-stdin-eof":
                    exitOnStdinEof = true;
                    break;
                case "--pagecache":
                    pagecacheMiB = parseInt(a, value(args, ++i, a));
                    break;
                default:
                    die("unknown argument: " + a + "\n\n" + USAGE, 2);
            }
        }
        if (port < 0 || port > 65535) {
            die("--port must be 0..65535, got " + port, 2);
        }

        Path dir = Paths.get(dirArg).toAbsolutePath().normalize();
        Path uriFile = uriFileArg == null ? null : Paths.get(uriFileArg).toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
            if (uriFile != null) {
                Files.deleteIfExists(uriFile); // never let a waiter see a stale URI
            }
        } catch (IOException e) {
            die("cannot prepare " + dir + ": " + e, 1);
        }

        // newInProcessBuilder(dir) works in DIR/<random md5>/ and the harness
        // deletes that folder again in close(). Its defaults are auth off,
        // 8 MiB page cache, HTTP + Bolt on localhost:0; we override below.
        Neo4jBuilder builder = Neo4jBuilders.newInProcessBuilder(dir)
                // Dev/test server only: no authentication. Bolt listens on the
                // loopback interface only, so nothing outside this machine can
                // reach it. Clients may send any credentials (or none).
                .withConfig(GraphDatabaseSettings.auth_enabled, false)
                .withConfig(BoltConnector.enabled, true)
                .withConfig(BoltConnector.listen_address, new SocketAddress(HOST, port))
                .withConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .withConfig(HttpConnector.enabled, false)
                .withConfig(HttpConnector.listen_address, new SocketAddress(HOST, 0))
                .withConfig(HttpsConnector.enabled, false)
                .withConfig(HttpsConnector.listen_address, new SocketAddress(HOST, 0))
                // Keep it light.
                .withConfig(GraphDatabaseSettings.pagecache_memory, pagecacheMiB * 1024 * 1024)
                .withConfig(GraphDatabaseSettings.pagecache_warmup_enabled, false)
                .withConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                .withConfig(GraphDatabaseSettings.preallocate_store_files, false)
                .withConfig(GraphDatabaseSettings.keep_logical_logs, "false")
                .withConfig(GraphDatabaseSettings.logical_log_rotation_threshold, 32L * 1024 * 1024)
                // No phoning home (there is no internet here anyway).
                .withConfig(GraphDatabaseSettings.udc_enabled, false)
                .withConfig(BoltConnector.thread_pool_min_size, 1)
                // Fast shutdown. By default Bolt waits a 5 s netty "quiet period"
                // twice (boss + worker event loops): ~10 s for every stop. These
                // are internal settings (internal.dbms.bolt.*), harmless to set.
                .withConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                .withConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(3))
                // Don't hang on shutdown waiting for a client's open transaction.
                .withConfig(GraphDatabaseSettings.shutdown_transaction_end_timeout, Duration.ofSeconds(2));
        if (port != 0) {
            builder = builder.withConfig(BoltConnector.advertised_address, new SocketAddress(HOST, port));
        }
        if (keepData) {
            builder = builder.withConfig(GraphDatabaseSettings.data_directory, dir.resolve("data"));
        }

        long t0 = System.nanoTime();
        Path serverFolder = harnessServerFolder(builder);
        Neo4j neo4j;
        try {
            neo4j = builder.build();
        } catch (Throwable t) {
            Throwable root = t;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            t.printStackTrace(System.err);
            String msg = String.valueOf(root.getMessage());
            if (msg.contains("Address already in use")) {
                msg += " (Bolt port " + port + " on " + HOST + " is taken; try --port 0 or another port)";
            }
            System.err.println("neo4j-dev: failed to start Neo4j: " + msg);
            // The harness only removes its random folder in close(); don't
            // leave the half-started one behind.
            if (serverFolder != null && serverFolder.getParent().equals(dir)) {
                deleteRecursively(serverFolder);
            }
            System.exit(1);
            return;
        }

        CountDownLatch stopped = new CountDownLatch(1);
        AtomicBoolean closed = new AtomicBoolean();
        final Path uriFileFinal = uriFile;
        Runnable shutdown = () -> {
            if (!closed.compareAndSet(false, true)) {
                return;
            }
            System.err.println("neo4j-dev: shutting down");
            try {
                if (uriFileFinal != null) {
                    Files.deleteIfExists(uriFileFinal);
                }
            } catch (IOException ignored) {
                // best effort
            }
            try {
                neo4j.close();
            } catch (Throwable t) {
                System.err.println("neo4j-dev: error during shutdown: " + t);
            }
            System.err.println("neo4j-dev: stopped");
            stopped.countDown();
        };
        // SIGTERM / SIGINT / System.exit all run this.
        Runtime.getRuntime().addShutdownHook(new Thread(shutdown, "neo4j-dev-shutdown"));

        URI bolt = neo4j.boltURI();
        String line = "NEO4J_URI=bolt://" + HOST + ":" + bolt.getPort();
        PrintStream out = System.out;
        out.println(line);
        out.flush();
        System.err.printf("neo4j-dev: Neo4j ready in %d ms on bolt://%s:%d, auth disabled; %s%n",
                (System.nanoTime() - t0) / 1_000_000, HOST, bolt.getPort(),
                keepData ? "store in " + dir.resolve("data") + " (kept), logs in " + serverFolder
                         : "files in " + serverFolder + " (removed on exit)");

        if (uriFile != null) {
            try {
                Path tmp = uriFile.resolveSibling(uriFile.getFileName() + ".tmp");
                Files.write(tmp, (line + "\n").getBytes(StandardCharsets.UTF_8));
                Files.move(tmp, uriFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                System.err.println("neo4j-dev: cannot write --uri-file " + uriFile + ": " + e);
                System.exit(1);
            }
        }

        if (exitOnStdinEof) {
            Thread watcher = new Thread(() -> {
                try {
                    InputStream in = System.in;
                    byte[] buf = new byte[256];
                    while (in.read(buf) >= 0) {
                        // discard
                    }
                } catch (IOException ignored) {
                    // treat as EOF
                }
                System.err.println("neo4j-dev: stdin closed");
                System.exit(0);
            }, "neo4j-dev-stdin-watcher");
            watcher.setDaemon(true);
            watcher.start();
        }

        try {
            stopped.await(); // main thread parks; shutdown hook releases it
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The random DIR/&lt;md5&gt; folder the harness builder will use (its private
     * field {@code serverFolder}), or null if that can't be read.
     */
    private static Path harnessServerFolder(Neo4jBuilder builder) {
        for (Class<?> c = builder.getClass(); c != null; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField("serverFolder");
                f.setAccessible(true);
                Object v = f.get(builder);
                return v instanceof Path ? (Path) v : null;
            } catch (NoSuchFieldException e) {
                // try the superclass
            } catch (ReflectiveOperationException | RuntimeException e) {
                return null;
            }
        }
        return null;
    }

    private static void deleteRecursively(Path p) {
        try (Stream<Path> walk = Files.walk(p)) {
            walk.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // best effort
        }
    }

    private static String value(String[] args, int i, String flag) {
        if (i >= args.length) {
            die(flag + " needs a value", 2);
        }
        return args[i];
    }

    private static int parseInt(String flag, String s) {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            die(flag + ": not a number: " + s, 2);
            return -1;
        }
    }

    private static String env(String name, String def) {
        String v = System.getenv(name);
        return v == null || v.isEmpty() ? def : v;
    }

    private static int intEnv(String name, int def) {
        String v = System.getenv(name);
        return v == null || v.isEmpty() ? def : parseInt(name, v);
    }

    private static void die(String msg, int status) {
        System.err.println("neo4j-dev: " + msg);
        System.exit(status);
    }
}
