package org.thememiner.job;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.thememiner.job.spec.ConfigException;

/** The job's Spark session: local mode by default, whatever master spark-submit chose otherwise. */
public final class SparkSessions {
  private SparkSessions() {}

  /**
   * @param master used unless spark-submit already set {@code spark.master} and no master was asked for
   *               explicitly ({@code explicitMaster})
   */
  public static SparkSession getOrCreate(String appName, String master, boolean explicitMaster) {
    SparkConf conf = new SparkConf();
    String used = masterOf(conf, master, explicitMaster);
    SparkSession.Builder b = SparkSession.builder().appName(appName).master(used);
    if (!conf.contains("spark.ui.enabled")) b.config("spark.ui.enabled", "false");
    // Theme summaries are small: a few shuffle partitions per core beat Spark's default of 200 tiny tasks. Only in
    // local mode, where this JVM's cores are the cores; on a cluster (the master spark-submit set) they are not.
    if (!conf.contains("spark.sql.shuffle.partitions") && used.startsWith("local")) {
      b.config("spark.sql.shuffle.partitions", Integer.toString(4 * Runtime.getRuntime().availableProcessors()));
    }
    return b.getOrCreate();
  }

  /**
   * {@link #getOrCreate}, then on a cluster waits for a first executor ({@link ExecutorWait}); when none joins,
   * the session is stopped and the exception says why.
   */
  public static SparkSession forJob(String appName, String master, boolean explicitMaster)
      throws NoExecutorsException, ConfigException, InterruptedException {
    SparkSession spark;
    try {
      spark = getOrCreate(appName, master, explicitMaster);
    } catch (IllegalStateException e) {
      // A standalone master that never answers: Spark gives up registering and stops the context it is making.
      SparkConf conf = new SparkConf();
      String used = masterOf(conf, master, explicitMaster);
      if (used.startsWith("local")) throw e;
      throw ExecutorWait.stopped(used, conf, e);
    }
    try {
      ExecutorWait.await(spark.sparkContext(), System.err);
      return spark;
    } catch (NoExecutorsException | ConfigException | InterruptedException | RuntimeException e) {
      spark.stop();
      throw e;
    }
  }

  private static String masterOf(SparkConf conf, String master, boolean explicitMaster) {
    return explicitMaster || !conf.contains("spark.master") ? master : conf.get("spark.master");
  }
}
