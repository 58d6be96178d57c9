package org.thememiner.job;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.thememiner.TestData;
import org.thememiner.job.spec.JobConfigLoader;

/**
 * One run of the whole job on real inputs (two publisher PDFs, four PLOS JATS articles and one broken file)
 * with real PDFBox, CoreNLP and Spark, shared by every test class that reads a run's outputs.
 */
final class EndToEndRun {
  record Result(Path out, int exitCode, String console) {}

  private static Result result;

  private EndToEndRun() {}

  static synchronized Result get() throws Exception {
    if (result == null) result = run();
    return result;
  }

  private static Result run() throws Exception {
    Path work = Files.createTempDirectory("thememiner-e2e");
    Path in = Files.createDirectories(work.resolve("in"));
    Files.copy(TestData.pdf("tully-2010-heart-failure-programmes.pdf"), in.resolve("tully-2010-heart-failure-programmes.pdf"));
    Files.copy(TestData.pdf("agyeman-duah-2014-quality-improvement-ghana.pdf"), in.resolve("agyeman-duah-2014.pdf"));
    for (String j : List.of("journal.pmed.1001473.xml", "journal.pone.0116586.xml", "journal.pone.0153170.xml",
        "journal.pmed.0020124.xml")) {
      Files.copy(TestData.jats(j), in.resolve(j));
    }
    Files.write(in.resolve("broken.pdf"), "%PDF-1.4 this is not really a PDF".getBytes(StandardCharsets.US_ASCII));
    Path out = work.resolve("out");

    ObjectNode flags = JsonNodeFactory.instance.objectNode();
    flags.putArray("input").add(in.toString());
    flags.put("out", out.toString());
    flags.putObject("themes").put("k", 6);
    flags.putArray("constructs").add("models/constructs/tully-2010.yaml").add("models/constructs/maclellan-2015.yaml");
    flags.putArray("export").add("qdpx").add("csv");
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    ThememinerJob job = new ThememinerJob(JobConfigLoader.load(null, flags), new PrintStream(buffer, true, StandardCharsets.UTF_8));
    int code = job.run(TestData.spark(), job.preflight());
    return new Result(out, code, buffer.toString(StandardCharsets.UTF_8));
  }
}
