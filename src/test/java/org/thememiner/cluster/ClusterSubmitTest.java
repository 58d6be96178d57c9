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
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.thememiner.TestData;
import org.thememiner.DocumentedCommands;
import org.thememiner.job.ExitCode;
import org.thememiner.job.spec.JobConfig;
import org.thememiner.job.spec.JobConfigLoader;
import org.thememiner.job.ThememinerJob;

/**
 * The job on a real Spark standalone cluster (jobs/local-cluster.sh: a Master and two Workers on 127.0.0.1,
 * each offering one executor as jobs/cluster/standalone.conf sizes it), submitted exactly as a user does, with
 * jobs/submit.sh and no Spark options (it builds the cluster jar with mvn -Pcluster on first use). Its themes.json and assignments.csv must be byte for byte those of a
 * local-mode run of the same input and seed. Fixture: the Tully PDF and three PLOS JATS articles, 4 themes.
 *
 * <p>A second submission loses a Worker (SIGKILL, with its executor) while it annotates, and must still
 * finish with the same outputs (docs/cluster.md); {@code -Dthememiner.cluster.killWorker=false} skips it. A
 * submission asking for more than any Worker offers must stop within its executor wait and say why.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterSubmitTest {
  static final List<String> FIXTURE = List.of("pdf/tully-2010-heart-failure-programmes.pdf",
      "jats/journal.pmed.1001473.xml", "jats/journal.pone.0116586.xml", "jats/journal.pone.0153170.xml");

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
    LocalCluster.Result r = cluster.submit(work.resolve("submit.log"), List.of(), runArgs(out));
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
    List<String> natives = entries(jar).stream().filter(n -> n.matches("(ai/onnxruntime/native|native/lib)/[^/]+/.+[^/]")).toList();
    assertTrue(natives.contains("ai/onnxruntime/native/linux-x64/libonnxruntime.so"), "ONNX Runtime for Linux ships: " + natives);
    assertTrue(natives.stream().allMatch(n -> n.contains("/linux-")), "Spark clusters run Linux: no other platform's libraries " + natives);
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
        return cluster.submit(log, List.of(), runArgs(out));
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

  /** docs/cluster.md, "When no executor starts": its submission, run as written there but for --out. */
  @Test
  @Order(4)
  void aRequestNoWorkerCanMeetStopsAfterTheExecutorWaitAndSaysWhy() throws Exception {
    String docOut = "--out runs/example-too-big";
    List<String> commands = DocumentedCommands.of(LocalCluster.ROOT.resolve("docs/cluster.md"), "## When no executor starts");
    assertEquals("jobs/local-cluster.sh start", commands.get(0));
    String submit = commands.get(1);
    assertTrue(submit.contains(" --executor-memory 20g --conf spark.thememiner.executorWait=20s ") && submit.endsWith(docOut),
        "the documented submission: " + submit);
    Path out = work.resolve("oversize-out");
    Path log = work.resolve("submit-oversize.log");
    LocalCluster.Result r = LocalCluster.script(cluster.dir, Duration.ofMinutes(10), log, "-c",
        submit.replace(docOut, "--out " + out));
    System.out.println("submission asking for 20g executors: exit " + r.exitCode() + " after " + r.took().toSeconds() + " s");
    assertEquals(ExitCode.FAILED, r.exitCode(), r.log());
    // JVM start and jar upload under load, then the 20 s wait: far from forever
    assertTrue(r.took().compareTo(Duration.ofMinutes(3)) < 0, "took " + r.took());
    String message = Files.readString(log).lines().filter(l -> l.startsWith("thememiner: no executor joined")).findFirst().orElse("");
    assertTrue(message.contains("within 20 s (spark.thememiner.executorWait)"), r.log());
    assertTrue(message.contains("executors of 20g and 2 core(s) each"), "what was asked for: " + message);
    assertTrue(message.contains("the largest offering 2 core(s) and 3g"), "what the Workers offer: " + message);
    assertTrue(message.contains("--executor-memory"), "how to change it: " + message);
    assertFalse(Files.exists(out), "no run folder is left behind");
  }

  @Test
  @Order(5)
  void aMasterThatCannotBeReachedStopsTheJobAndSaysSo() throws Exception {
    Path out = work.resolve("unreachable-out");
    Path log = work.resolve("submit-unreachable.log");
    String nobody = "spark://127.0.0.1:1";
    LocalCluster.Result r = LocalCluster.script(cluster.dir, Duration.ofMinutes(10), log,
        Stream.concat(Stream.of("jobs/submit.sh", "--master", nobody, "--"), runArgs(out).stream()).toArray(String[]::new));
    System.out.println("submission to " + nobody + ": exit " + r.exitCode() + " after " + r.took().toSeconds() + " s");
    assertEquals(ExitCode.FAILED, r.exitCode(), r.log());
    // Spark gives up registering after three tries of 20 s
    assertTrue(r.took().compareTo(Duration.ofMinutes(3)) < 0, "took " + r.took());
    String message = Files.readString(log).lines().filter(l -> l.startsWith("thememiner: ")).findFirst().orElse("");
    assertTrue(message.startsWith("thememiner: Spark stopped before any executor joined: the master " + nobody
        + " could not be reached"), r.log());
    assertTrue(message.contains("executors of 3g and 2 core(s) each"), "what was asked for: " + message);
    assertTrue(message.contains("what the Master offers could not be learnt"), message);
    assertFalse(Files.exists(out), "no run folder is left behind");
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
    for (String n : entries(jar)) {
      if (n.endsWith(".class") && !n.startsWith("META-INF/")) out.add(n);
      if (n.endsWith(".tagger")) out.add(n);
    }
    return out;
  }

  private static List<String> entries(Path jar) throws IOException {
    List<String> out = new ArrayList<>();
    try (JarFile j = new JarFile(jar.toFile())) {
      for (Enumeration<JarEntry> e = j.entries(); e.hasMoreElements(); ) out.add(e.nextElement().getName());
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
