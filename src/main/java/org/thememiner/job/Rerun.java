package org.thememiner.job;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.thememiner.ingest.InputFile;
import org.thememiner.job.rerun.RunPlan;
import org.thememiner.job.spec.JobConfig;
import org.thememiner.job.spec.JobConfigLoader;

/**
 * A scheduled rerun of a job: a new dated run folder under the job's {@code out}, the cache and the theme
 * model shared with earlier runs, drift against the run {@code latest} points to, and {@code latest} moved to
 * the new folder only when the run completed. A lock keeps two reruns of one job from overlapping.
 */
final class Rerun {
  private static final DateTimeFormatter FOLDER = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HHmmss'Z'");

  private Rerun() {}

  static int execute(Path spec, ObjectNode overrides, boolean explicitMaster, PrintStream out) throws Exception {
    JobConfig base = JobConfigLoader.load(spec, overrides);
    Path root = Path.of(base.out());
    Files.createDirectories(root);
    try (FileChannel channel = FileChannel.open(root.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
         FileLock lock = channel.tryLock()) {
      if (lock == null) {
        System.err.println("thememiner: another run of job '" + base.name() + "' is in progress (lock " + root.resolve(".lock")
            + " is held); this one did nothing");
        return ExitCode.LOCKED;
      }
      Path latest = root.resolve("latest");
      Path previous = Files.isDirectory(latest) ? latest.toRealPath() : null;
      String stamp = ZonedDateTime.now(ZoneOffset.UTC).format(FOLDER);
      Path runDir = root.resolve(stamp);
      for (int n = 2; Files.exists(runDir); n++) runDir = root.resolve(stamp + "-" + n);
      overrides.put("out", runDir.toString());
      if (base.cache() == null) overrides.put("cache", root.resolve("cache").toAbsolutePath().toUri().toString());
      JobConfig config = JobConfigLoader.load(spec, overrides);
      ThememinerJob job = new ThememinerJob(config, out, RunPlan.rerun(previous, config));
      List<InputFile> files = job.preflight();
      out.println("rerun     " + runDir + (previous == null ? " (first run of this job)" : " (previous: " + previous.getFileName() + ")"));
      SparkSession spark = job.startSpark(config.master(), explicitMaster);
      int code;
      try {
        code = job.run(spark, files);
      } finally {
        spark.stop();
      }
      if (code == ExitCode.OK || code == ExitCode.PARTIAL) {
        pointLatestAt(root, runDir);
      } else {
        out.println("rerun     failed: " + latest + " still points to the previous run");
      }
      return code;
    }
  }

  /** Swaps the {@code latest} link in one rename, so readers never see it missing. */
  static void pointLatestAt(Path root, Path runDir) throws IOException {
    Path tmp = root.resolve(".latest.tmp");
    Files.deleteIfExists(tmp);
    Files.createSymbolicLink(tmp, runDir.getFileName());
    Files.move(tmp, root.resolve("latest"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }
}
