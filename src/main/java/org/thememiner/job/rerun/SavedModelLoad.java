package org.thememiner.job.rerun;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.thememiner.themes.ThemeModel;

/**
 * The saved theme model of a rerun, loaded on a thread of its own while the run extracts and annotates. Loading a
 * Spark pipeline is a dozen or more one-task jobs (1-1.7 s measured on a 1x rerun): run beside the stages before
 * it, they are no longer on the rerun's path.
 */
public final class SavedModelLoad implements AutoCloseable {
  private final Path dir;
  private final CompletableFuture<ThemeModel> loading;

  private SavedModelLoad(Path dir, CompletableFuture<ThemeModel> loading) {
    this.dir = dir;
    this.loading = loading;
  }

  /** Starts loading the model in {@code dir} when the plan may reuse it; otherwise loads nothing until asked. */
  public static SavedModelLoad start(RunPlan plan) {
    Path dir = plan.sharedModel();
    if (plan.fitsRegardless().isPresent()) return new SavedModelLoad(dir, null);
    CompletableFuture<ThemeModel> loading = new CompletableFuture<>();
    Thread loader = new Thread(() -> {
      try {
        loading.complete(ThemeModel.load(dir));
      } catch (IOException | RuntimeException | Error e) {
        loading.completeExceptionally(e);
      }
    }, "thememiner-model-load");
    loader.setDaemon(true);
    loader.start();
    return new SavedModelLoad(dir, loading);
  }

  /**
   * The model, as {@link ThemeModel#load} gives it or fails.
   *
   * @throws IOException the model cannot be read
   */
  ThemeModel get() throws IOException {
    if (loading == null) return ThemeModel.load(dir);
    try {
      return loading.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof IOException io) throw io;
      if (e.getCause() instanceof RuntimeException r) throw r;
      if (e.getCause() instanceof Error err) throw err;
      throw e;
    }
  }

  /** Waits for a load still under way, so no Spark job of it outlives the run; its outcome no longer matters. */
  @Override
  public void close() {
    if (loading != null) loading.exceptionally(e -> null).join();
  }
}
