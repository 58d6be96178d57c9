package org.thememiner.job.rerun;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thememiner.TestData;

/**
 * A run cleans up the cache's temporary folders that killed runs left, and never those of a run still writing
 * into the same cache (two jobs may share one).
 */
class CacheTempFoldersTest {
  @TempDir Path cache;

  @Test
  void aKilledRunsTempFolderIsDroppedAndALiveRunsIsKept() throws Exception {
    Process ended = new ProcessBuilder("true").start();
    ended.waitFor(30, TimeUnit.SECONDS);
    Process alive = new ProcessBuilder("sleep", "600").start();
    try {
      String host = TempOwner.current().host();
      Path tmp = cache.resolve("_tmp");
      Path killed = Files.createDirectories(tmp.resolve(new TempOwner(host, ended.pid()).name()).resolve("batch-1"));
      Path writing = Files.createDirectories(tmp.resolve(new TempOwner(host, alive.pid()).name()).resolve("batch-2"));
      Path elsewhere = Files.createDirectories(tmp.resolve(new TempOwner("another-host", 1).name()).resolve("batch-3"));
      Path older = Files.createDirectories(tmp.resolve("batch-4")); // named as versions before owners were named it

      new CorpusCache(TestData.spark(), cache.toUri().toString(), new PrintStream(new ByteArrayOutputStream())).cleanUp();

      assertFalse(Files.exists(killed.getParent()), "the folder of a process that has ended is dropped");
      assertFalse(Files.exists(older), "an unowned folder has no live writer");
      assertTrue(Files.exists(writing), "the folder of a live process is kept: it may be writing a batch");
      assertTrue(Files.exists(elsewhere), "another host's recent folder is kept: its process cannot be asked");
    } finally {
      alive.destroyForcibly();
    }
  }
}
