package org.thememiner.job.rerun;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.SerializableConfiguration;

/**
 * How the tasks of a stage commit their finished entries to a cache table while the stage runs, so that a run
 * killed part way keeps them: every {@code itemsPerCommit} items (papers) and at the end of its partition, a task
 * writes the entries as one Parquet file in the run's temporary folder and renames that file's folder into the
 * table, as {@code checkpoint-<run>-<uuid>}. A lookup reads a checkpoint as it reads a batch. Taken to the executors,
 * so it holds names and the Hadoop settings, not the Spark session.
 *
 * @param table          the table's folder under its key
 * @param tmp            the run's temporary folder ({@link TempOwner#name}), cleaned by a later run if this one is killed
 * @param run            the run's {@link TempOwner#name}: what names its checkpoints
 * @param schema         the table's columns
 * @param hadoop         the file system settings of the driver's session
 * @param itemsPerCommit items with entries a task finishes before it commits them
 */
public record CacheCheckpoints(String table, String tmp, String run, StructType schema,
    Broadcast<SerializableConfiguration> hadoop, int itemsPerCommit) implements Serializable {
  public static final String PREFIX = "checkpoint-";

  public CacheCheckpoints {
    if (itemsPerCommit < 1) throw new IllegalArgumentException("itemsPerCommit must be at least 1: " + itemsPerCommit);
  }

  /** Whether {@code name} is the folder of a checkpoint {@code run} committed. */
  static boolean committedBy(String run, String name) {
    return name.startsWith(PREFIX + run + "-");
  }

  /**
   * {@code items} as they are, committing the rows {@code rowsOf} gives for them as they pass. An item with no rows
   * does not count towards a commit.
   */
  <T> Iterator<T> committing(Iterator<T> items, Function<T, List<Row>> rowsOf) {
    return new Iterator<>() {
      private final List<Row> pending = new ArrayList<>();
      private int pendingItems;

      @Override
      public boolean hasNext() {
        boolean more = items.hasNext();
        if (!more) commitPending(); // the end of the partition
        return more;
      }

      @Override
      public T next() {
        T item = items.next();
        List<Row> rows = rowsOf.apply(item);
        if (!rows.isEmpty()) {
          pending.addAll(rows);
          if (++pendingItems == itemsPerCommit) commitPending();
        }
        return item;
      }

      private void commitPending() {
        if (pending.isEmpty()) return;
        try {
          commit(pending);
        } catch (IOException e) {
          throw new UncheckedIOException("cannot commit entries to the cache in " + table, e);
        }
        pending.clear();
        pendingItems = 0;
      }
    };
  }

  private void commit(List<Row> rows) throws IOException {
    Configuration conf = hadoop.value().value();
    String name = PREFIX + run + "-" + UUID.randomUUID();
    Path written = new Path(tmp, name);
    FileSystem fs = written.getFileSystem(conf);
    try {
      ParquetRows.write(new Path(written, "part-0.parquet"), schema, rows, conf);
    } catch (IOException | RuntimeException e) {
      fs.delete(written, true); // a task that failed while writing leaves nothing for its retry to trip on
      throw e;
    }
    Path target = new Path(table);
    fs.mkdirs(target);
    if (!fs.rename(written, new Path(target, name))) throw new IOException("could not move cache checkpoint " + written + " into " + target);
  }
}
