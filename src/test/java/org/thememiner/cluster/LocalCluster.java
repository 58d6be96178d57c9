package org.thememiner.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The Spark standalone cluster of {@code jobs/local-cluster.sh} (one Master, two Workers on 127.0.0.1), run in
 * its own folder, and the scripts a user runs against it. {@link #close} stops it; so does a shutdown hook, in
 * case the test JVM ends first.
 */
final class LocalCluster implements AutoCloseable {
  /** The project folder (Surefire runs tests there). */
  static final Path ROOT = Path.of(System.getProperty("user.dir")).toAbsolutePath();

  final Path dir;
  final String url;
  final Duration startTime;
  private final Thread hook;
  private boolean closed;

  private LocalCluster(Path dir, String url, Duration startTime, Thread hook) {
    this.dir = dir;
    this.url = url;
    this.startTime = startTime;
    this.hook = hook;
  }

  /** Starts the cluster in {@code dir} and waits until both Workers registered with the Master. */
  static LocalCluster start(Path dir) throws IOException, InterruptedException {
    Thread hook = new Thread(() -> stop(dir));
    Runtime.getRuntime().addShutdownHook(hook);
    long t0 = System.nanoTime();
    Result r;
    try {
      r = script(dir, Duration.ofMinutes(6), dir.resolve("start.log"), "jobs/local-cluster.sh", "start");
    } catch (IOException | InterruptedException | RuntimeException e) {
      stop(dir);
      throw e;
    }
    Duration took = Duration.ofNanos(System.nanoTime() - t0);
    List<String> lines = r.stdout().lines().filter(l -> l.startsWith("spark://")).toList();
    if (r.exitCode() != 0 || lines.size() != 1) {
      stop(dir);
      throw new IllegalStateException("jobs/local-cluster.sh start failed (exit " + r.exitCode() + "):\n" + r.log());
    }
    return new LocalCluster(dir, lines.get(0), took, hook);
  }

  /** Runs {@code jobs/submit.sh --master URL [sparkOptions] -- [thememinerArgs]}, its output in {@code log}. */
  Result submit(Path log, List<String> sparkOptions, List<String> thememinerArgs) throws IOException, InterruptedException {
    List<String> args = new ArrayList<>(List.of("jobs/submit.sh", "--master", url));
    args.addAll(sparkOptions);
    args.add("--");
    args.addAll(thememinerArgs);
    return script(dir, Duration.ofMinutes(12), log, args.toArray(String[]::new));
  }

  /** The pid of a daemon of this cluster ("master", "worker-1", ...), or -1 when it does not run. */
  long pid(String daemon) throws IOException {
    Path f = dir.resolve(daemon + ".pid");
    return Files.exists(f) ? Long.parseLong(Files.readString(f).trim()) : -1;
  }

  String status() throws IOException, InterruptedException {
    return script(dir, Duration.ofMinutes(1), dir.resolve("status.log"), "jobs/local-cluster.sh", "status").stdout();
  }

  @Override
  public synchronized void close() {
    if (closed) return;
    closed = true;
    stop(dir);
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException alreadyShuttingDown) {
      // the hook runs anyway; stop is idempotent
    }
  }

  /** Stops the cluster running in {@code dir}, if any. */
  static void stop(Path dir) {
    try {
      script(dir, Duration.ofMinutes(2), dir.resolve("stop.log"), "jobs/local-cluster.sh", "stop");
    } catch (IOException | InterruptedException | RuntimeException e) {
      System.err.println("could not stop the local cluster in " + dir + ": " + e);
    }
  }

  record Result(int exitCode, String stdout, String log, Duration took) {}

  /**
   * Runs a project script with bash, its stdout and stderr in {@code log} (kept for a failing test's message);
   * the cluster's run folder is {@code dir}. Fails after {@code timeout}, ending the script's process tree.
   */
  static Result script(Path dir, Duration timeout, Path log, String... command) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("bash"));
    cmd.addAll(List.of(command));
    Files.createDirectories(log.getParent());
    Path out = log.resolveSibling(log.getFileName() + ".stdout");
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(ROOT.toFile())
        .redirectOutput(out.toFile()).redirectError(log.toFile());
    Map<String, String> env = pb.environment();
    env.put("THEMEMINER_CLUSTER_DIR", dir.toString());
    env.putIfAbsent("THEMEMINER_LOG", "warn");
    long t0 = System.nanoTime();
    Process p = pb.start();
    if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      throw new IllegalStateException(String.join(" ", command) + " did not finish in " + timeout + ":\n" + tail(log));
    }
    String stdout = Files.readString(out, StandardCharsets.UTF_8);
    return new Result(p.exitValue(), stdout, stdout + tail(log), Duration.ofNanos(System.nanoTime() - t0));
  }

  static String tail(Path log) throws IOException {
    if (!Files.exists(log)) return "";
    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
  }
}
