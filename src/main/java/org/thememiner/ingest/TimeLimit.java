package org.thememiner.ingest;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Work on one document with a time limit: the work runs on its own daemon thread, so a document that takes
 * too long can be abandoned. On timeout (or when the caller itself is interrupted) the worker is interrupted;
 * PDFBox and CoreNLP stop at their next page, element or sentence.
 */
public final class TimeLimit {
  private TimeLimit() {}

  /**
   * @throws TimeoutException     the work did not finish within {@code limit}
   * @throws ExecutionException   the work threw (the cause is its exception)
   * @throws InterruptedException the caller was interrupted while waiting
   */
  public static <T> T call(Callable<T> work, Duration limit, String threadName)
      throws TimeoutException, ExecutionException, InterruptedException {
    FutureTask<T> task = new FutureTask<>(work);
    Thread worker = new Thread(task, threadName);
    worker.setDaemon(true);
    worker.start();
    try {
      return task.get(limit.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException | InterruptedException e) {
      task.cancel(true);
      throw e;
    }
  }
}
