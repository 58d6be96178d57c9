package org.thememiner.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.thememiner.DocumentedCommands;
import org.thememiner.job.ExitCode;
import org.thememiner.report.AtomicFiles;

/**
 * The README's commands for a Spark cluster, run as a new user runs them: start the local cluster, submit the
 * example job with no Spark options, stop the cluster. Only the output folder differs (under target/), and the
 * cluster's run folder (THEMEMINER_CLUSTER_DIR), so that a cluster of the user's own is left alone.
 */
class ReadmeClusterTest {
  static final Path WORK = LocalCluster.ROOT.resolve("target/readme-cluster-test");
  static final Path CLUSTER = WORK.resolve("cluster");
  static final String README_OUT = "--out runs/example-cluster";
  static final List<String> COMMANDS = List.of(
      "jobs/local-cluster.sh start",
      "jobs/submit.sh --master \"$(jobs/local-cluster.sh url)\" -- run --job jobs/example.yaml " + README_OUT,
      "jobs/local-cluster.sh stop");

  @AfterAll
  static void stopCluster() {
    LocalCluster.stop(CLUSTER); // a failed test may have left it running
  }

  @Test
  void theReadmeCommandsRunTheExampleJobOnTheLocalCluster() throws Exception {
    assertEquals(COMMANDS, DocumentedCommands.of(LocalCluster.ROOT.resolve("README.md"), "### On a Spark cluster"),
        "README.md's cluster commands are the ones this test runs");
    String docs = Files.readString(LocalCluster.ROOT.resolve("docs/cluster.md"));
    assertTrue(docs.contains(COMMANDS.get(1)), "docs/cluster.md submits the same way");
    LocalCluster.stop(CLUSTER); // one a killed test run left behind
    AtomicFiles.deleteTree(WORK);
    Path out = WORK.resolve("example-cluster");

    LocalCluster.Result start = run(COMMANDS.get(0), Duration.ofMinutes(6), "start");
    assertEquals(0, start.exitCode(), start.log());
    String url = start.stdout().strip();
    assertTrue(url.startsWith("spark://127.0.0.1:"), start.log());

    LocalCluster.Result submit = run(COMMANDS.get(1).replace(README_OUT, "--out " + out), Duration.ofMinutes(15), "submit");
    System.out.println("README submission of jobs/example.yaml: exit " + submit.exitCode() + " after "
        + submit.took().toSeconds() + " s");
    assertEquals(ExitCode.OK, submit.exitCode(), submit.log());
    for (String f : List.of("themes.json", "assignments.csv", "comparison.json", "report.html", "run.json")) {
      assertTrue(Files.exists(out.resolve(f)), f + " written");
    }
    assertTrue(Files.readString(out.resolve("run.json")).contains(url), "run.json names " + url);

    LocalCluster.Result stop = run(COMMANDS.get(2), Duration.ofMinutes(2), "stop");
    assertEquals(0, stop.exitCode(), stop.log());
    LocalCluster.Result status = run("jobs/local-cluster.sh status", Duration.ofMinutes(1), "status");
    assertEquals(3, status.exitCode(), "nothing runs after stop: " + status.log());
  }

  private static LocalCluster.Result run(String command, Duration timeout, String name) throws Exception {
    return LocalCluster.script(CLUSTER, timeout, WORK.resolve(name + ".log"), "-c", command);
  }
}
