package org.thememiner.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.thememiner.TestData;
import org.thememiner.job.ExitCode;
import org.thememiner.job.JobConfig;
import org.thememiner.job.JobConfigLoader;
import org.thememiner.job.ThememinerJob;

/**
 * The job on a real Spark standalone cluster (jobs/local-cluster.sh: a Master and two Workers on 127.0.0.1,
 * one core and 2 GB each), submitted exactly as a user does, with jobs/submit.sh (which builds the cluster jar
 * with mvn -Pcluster on first use). Its themes.json and assignments.csv must be byte for byte those of a
 * local-mode run of the same input and seed. Fixture: the Tully PDF and three PLOS JATS articles, 4 themes.
 *
 * <p>A second submission loses a Worker (SIGKILL, with its executor) while it annotates, and must still
 * finish with the same outputs (docs/cluster.md); {@code -Dthememiner.cluster.killWorker=false} skips it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterSubmitTest {
  static final List<String> FIXTURE = List.of("pdf/tully-2010-heart-failure-programmes.pdf",
      "jats/journal.pmed.1001473.xml", "jats/journal.pone.0116586.xml", "jats/journal.pone.0153170.xml");
  /** Small executors: the machine is shared; CoreNLP pos/lemma needs well under 2 GB. */
  static final List<String> SPARK_OPTIONS = List.of("--driver-memory", "2g", "--executor-memory", "2g",
      "--executor-cores", "1", "--conf", "spark.ui.enabled=false");

  static Path work;
  static Path in;
  static Path local;
  static Duration localTime;
  static LocalCluster cluster;

  @BeforeAll
  static void startClusterAndRunLocally() throws Exception {
    work = LocalCluster.ROOT.resolve("target/cluster-test");
    LocalCluster.stop(work.resolve("cluster")); // one a killed test run left behind
    deleteTree(work);
    in = Files.createDirectories(work.resolve("in"));
    for (String f : FIXTURE) {
      Path src = TestData.shared().resolve("corpus").resolve(f);
      Files.copy(src, in.resolve(src.getFileName()));
    }
    cluster = LocalCluster.start(work.resolve("cluster"));
    System.out.println("local cluster " + cluster.url + " started in " + cluster.startTime.toSeconds() + " s");

    // The reference: local mode, in this JVM, same input, settings and seed.
    local = work.resolve("local");
    ObjectNode flags = JsonNodeFactory.instance.objectNode();
    flags.putArray("input").add(in.toString());
    flags.put("out", local.toString());
    flags.putObject("themes").put("k", 4);
    JobConfig config = JobConfigLoader.load(null, flags);
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    ThememinerJob job = new ThememinerJob(config, new PrintStream(console, true, StandardCharsets.UTF_8));
    long t0 = System.nanoTime();
    int code = job.run(TestData.spark(), job.preflight());
    localTime = Duration.ofNanos(System.nanoTime() - t0);
    assertEquals(ExitCode.OK, code, console.toString(StandardCharsets.UTF_8));
    System.out.println("local mode run: " + localTime.toSeconds() + " s");
  }

  @AfterAll
  static void stopCluster() {
    if (cluster != null) cluster.close();
  }

  static List<String> runArgs(Path out) {
    return List.of("run", "--input", in.toString(), "--out", out.toString(), "--themes", "4");
  }

  @Test
  @Order(1)
  void theJobSubmittedToTheClusterGivesTheLocalModeThemesAndAssignments() throws Exception {
    Path out = work.resolve("cluster-out");
    LocalCluster.Result r = cluster.submit(work.resolve("submit.log"), SPARK_OPTIONS, runArgs(out));
    System.out.println("cluster run (jobs/submit.sh, with the cluster jar build if needed): " + r.took().toSeconds() + " s");
    assertEquals(ExitCode.OK, r.exitCode(), r.log());
    assertTrue(r.stdout().lines().anyMatch(l -> l.startsWith("themes") && l.contains("4 themes")), r.log());
    assertSameOutputs(out);
    // it really ran on the cluster: its run.json names the standalone master
    assertTrue(Files.readString(out.resolve("run.json")).contains(cluster.url), "run.json names " + cluster.url);
  }

  @Test
  @Order(2)
  void theClusterJarHoldsNoClassOfSparksOwnClassPath() throws Exception {
    // built by jobs/submit.sh (mvn -Pcluster) in the test above or before; SPARK_HOME/jars is Spark alone
    Path jar = Files.list(LocalCluster.ROOT.resolve("target/cluster"))
        .filter(p -> p.getFileName().toString().endsWith("-cluster.jar")).findFirst().orElse(null);
    assumeTrue(jar != null, "no cluster jar built yet");
    Set<String> appClasses = classes(jar);
    assertTrue(appClasses.contains("org/thememiner/job/Main.class"));
    assertTrue(appClasses.contains("edu/stanford/nlp/pipeline/StanfordCoreNLP.class"), "CoreNLP code ships");
    assertTrue(appClasses.contains("org/apache/pdfbox/Loader.class"), "PDFBox ships");
    assertFalse(appClasses.contains("edu/stanford/nlp/models/pos-tagger/english-left3words-distsim.tagger"),
        "the models ship beside the jar, not in it");
    assertEquals(List.of(), appClasses.stream().filter(c -> c.startsWith("cc/mallet/") || c.startsWith("gnu/trove/")
        || c.startsWith("org/thememiner/eval/")).limit(20).toList(), "eval, bench and MALLET are development tools");
    List<String> clashes = new ArrayList<>();
    try (var jars = Files.list(cluster.dir.resolve("spark-home/jars"))) {
      for (Path sparkJar : jars.toList()) {
        for (String c : classes(sparkJar)) {
          if (appClasses.contains(c)) clashes.add(sparkJar.getFileName() + ": " + c);
        }
      }
    }
    assertEquals(List.of(), clashes.stream().limit(20).toList(), "classes Spark already has, shipped again");
  }

  @Test
  @Order(3)
  void theJobSurvivesTheLossOfAWorker() throws Exception {
    assumeTrue(!"false".equals(System.getProperty("thememiner.cluster.killWorker")), "skipped: -Dthememiner.cluster.killWorker=false");
    Path out = work.resolve("cluster-kill-out");
    Path log = work.resolve("submit-kill.log");
    Path stdout = log.resolveSibling(log.getFileName() + ".stdout");
    Files.deleteIfExists(stdout);
    CompletableFuture<LocalCluster.Result> run = CompletableFuture.supplyAsync(() -> {
      try {
        return cluster.submit(log, SPARK_OPTIONS, runArgs(out));
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    // Once extraction is done the executors annotate with CoreNLP: kill worker-1 and its executor then.
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(8);
    // The stage's own line ("N papers (M from cache), ..."), not one of its progress lines.
    while (!(Files.exists(stdout) && Files.readString(stdout).lines()
        .anyMatch(l -> l.startsWith("extract") && l.contains(" from cache)")))) {
      assertFalse(run.isDone(), "the job ended before its extract stage was reported");
      assertTrue(System.nanoTime() < deadline, "no extract stage reported");
      Thread.sleep(200);
    }
    ProcessHandle worker = ProcessHandle.of(cluster.pid("worker-1")).orElseThrow();
    List<ProcessHandle> killed = new ArrayList<>(worker.descendants().toList());
    killed.add(worker);
    killed.forEach(ProcessHandle::destroyForcibly);
    System.out.println("killed worker-1 and its executor: pids " + killed.stream().map(ProcessHandle::pid).toList());
    LocalCluster.Result r = run.get(12, TimeUnit.MINUTES);
    assertEquals(ExitCode.OK, r.exitCode(), r.log());
    assertTrue(Files.readString(log).contains("Lost executor"), "the driver saw its executor go: " + r.log());
    assertSameOutputs(out);
    assertTrue(cluster.status().contains("worker-1 stopped"), "worker-1 stayed dead");
  }

  private static void assertSameOutputs(Path out) throws IOException {
    for (String f : List.of("themes.json", "assignments.csv")) {
      assertTrue(Files.exists(out.resolve(f)), f + " written");
      assertEquals(Files.readString(local.resolve(f)), Files.readString(out.resolve(f)),
          f + ": the cluster run differs from the local-mode run");
    }
  }

  private static Set<String> classes(Path jar) throws IOException {
    Set<String> out = new HashSet<>();
    try (JarFile j = new JarFile(jar.toFile())) {
      for (Enumeration<JarEntry> e = j.entries(); e.hasMoreElements(); ) {
        String n = e.nextElement().getName();
        if (n.endsWith(".class") && !n.startsWith("META-INF/")) out.add(n);
        if (n.endsWith(".tagger")) out.add(n);
      }
    }
    return out;
  }

  private static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p)) return;
    try (var s = Files.walk(p)) {
      for (Path f : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(f);
    }
  }
}
