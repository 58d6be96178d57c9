package org.thememiner.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.thememiner.job.spec.ConfigException;

/**
 * On a cluster, waits until a first executor joined. Spark itself waits forever for executors the cluster cannot
 * give (a standalone Master only logs that the application "requires more resource than any of Workers could
 * have"); the job stops after {@value #WAIT} instead and says what was asked for and what is offered.
 */
final class ExecutorWait {
  /** How long to wait for a first executor: a Spark duration (90s, 3min). */
  static final String WAIT = "spark.thememiner.executorWait";
  static final String DEFAULT_WAIT = "3min";
  /** The standalone Master's web UI, whose JSON lists the Workers; default http://MASTER_HOST:8080. */
  static final String MASTER_UI = "spark.thememiner.masterWebUi";

  private static final String REMEDY = "Ask for executors that fit (jobs/submit.sh --executor-memory SIZE"
      + " --executor-cores N ...), give the Workers more, or wait longer (--conf " + WAIT + "=10min)";

  private ExecutorWait() {}

  /** Returns once an executor joined; local masters and dynamic allocation (executors come with tasks) return at once. */
  static void await(SparkContext sc, PrintStream err) throws NoExecutorsException, ConfigException, InterruptedException {
    SparkConf conf = sc.getConf();
    if (sc.master().startsWith("local") || conf.getBoolean("spark.dynamicAllocation.enabled", false)) return;
    long waitMs;
    try {
      waitMs = conf.getTimeAsMs(WAIT, DEFAULT_WAIT);
    } catch (NumberFormatException e) {
      throw new ConfigException(WAIT + "=" + conf.get(WAIT) + ": not a duration (e.g. 90s, 3min)");
    }
    long start = System.nanoTime();
    boolean told = false;
    while (!sc.isStopped()) {
      // the driver is one of the executors listed
      if (sc.statusTracker().getExecutorInfos().length > 1) return;
      long waited = (System.nanoTime() - start) / 1_000_000;
      if (waited >= waitMs) {
        throw new NoExecutorsException("no executor joined within " + seconds(waitMs) + " (" + WAIT + "): "
            + request(conf) + "; " + offer(sc.master(), conf) + ". " + REMEDY);
      }
      if (!told && waited >= 15_000) {
        err.println("thememiner: waiting for a first executor from " + sc.master() + " (at most " + seconds(waitMs)
            + ", " + WAIT + ")");
        told = true;
      }
      Thread.sleep(250);
    }
    throw stopped(sc.master(), conf, null);
  }

  /** Spark stopped the context before an executor joined: the master did not answer or did not take the job. */
  static NoExecutorsException stopped(String master, SparkConf conf, Exception cause) {
    NoExecutorsException e = new NoExecutorsException("Spark stopped before any executor joined: the master " + master
        + " could not be reached or did not take the application (the lines above say which); " + request(conf) + "; "
        + offer(master, conf) + ". Check the master URL and that the master runs");
    if (cause != null) e.initCause(cause);
    return e;
  }

  private static String request(SparkConf conf) {
    String cores = conf.contains("spark.executor.cores") ? conf.get("spark.executor.cores") + " core(s)" : "at least 1 core";
    return "the job asks for executors of " + mb(conf.getSizeAsMb("spark.executor.memory", "1g")) + " and " + cores
        + " each (spark.executor.memory, spark.executor.cores)";
  }

  /** What the standalone Master says its Workers offer, or why that is not known. */
  private static String offer(String master, SparkConf conf) {
    if (!master.startsWith("spark://")) return "what " + master + " offers could not be learnt (only a standalone Master lists its Workers)";
    String ui = conf.get(MASTER_UI, "http://" + master.substring("spark://".length()).split("[,:]")[0] + ":8080");
    URI json = URI.create(ui.replaceAll("/+$", "") + "/json/");
    JsonNode state;
    try {
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(json).timeout(Duration.ofSeconds(10)).build(),
          HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) throw new IOException("HTTP " + r.statusCode());
      state = new ObjectMapper().readTree(r.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "what the Master offers could not be learnt (interrupted)";
    } catch (Exception e) {
      return "what the Master offers could not be learnt: its web UI " + json + " did not answer (" + e
          + "); set " + MASTER_UI + " to the Master's web UI";
    }
    int alive = 0;
    Optional<JsonNode> largest = Optional.empty();
    for (JsonNode w : state.path("workers")) {
      if (!"ALIVE".equals(w.path("state").asText())) continue;
      alive++;
      if (largest.isEmpty() || w.path("memory").asLong() > largest.get().path("memory").asLong()) largest = Optional.of(w);
    }
    if (largest.isEmpty()) return "the Master at " + ui + " has no alive Worker";
    JsonNode w = largest.get();
    return "the Master at " + ui + " has " + alive + " alive Worker(s), the largest offering " + w.path("cores").asInt()
        + " core(s) and " + mb(w.path("memory").asLong()) + " (free now: " + w.path("coresfree").asInt() + " core(s), "
        + mb(w.path("memoryfree").asLong()) + ")";
  }

  private static String mb(long mb) {
    return mb % 1024 == 0 ? mb / 1024 + "g" : mb + "m";
  }

  private static String seconds(long ms) {
    return ms % 60_000 == 0 ? ms / 60_000 + " min" : ms / 1000 + " s";
  }
}
