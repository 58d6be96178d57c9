package org.thememiner.themes;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A sentence-embedding model run in process with ONNX Runtime: all-MiniLM-L6-v2 (BERTopic's default), full or
 * quantised, read from the model jars on the class path, so nothing is downloaded at run time. A text is
 * tokenised, run, mean-pooled over its word pieces and L2-normalised, as sentence-transformers does for this model.
 *
 * <p>One encoder per model and JVM ({@link #shared}), used by every task of an executor; ONNX Runtime sessions
 * are safe to run from several threads. Each run uses {@code threads} intra-op threads: Spark already runs one
 * task per core, so a task's run stays on its core instead of every task spreading over all of them.
 */
public final class SentenceEncoder {
  /** The models the jars bundle, by the name a job spec uses. */
  public static final List<String> MODELS = List.of("all-minilm-l6-v2-q", "all-minilm-l6-v2");
  /** all-MiniLM-L6-v2 was trained on texts of at most 256 word pieces; longer ones are cut there. */
  public static final int MAX_TOKENS = 256;
  public static final int DIMENSION = 384;

  private static final Map<String, SentenceEncoder> SHARED = new ConcurrentHashMap<>();

  private final String model;
  private final OrtEnvironment environment;
  private final OrtSession session;
  private final HuggingFaceTokenizer tokenizer;

  private SentenceEncoder(String model, int threads) {
    if (!MODELS.contains(model)) throw new IllegalArgumentException("unknown embedding model " + model + "; one of " + MODELS);
    this.model = model;
    try (InputStream onnx = resource(model + ".onnx"); InputStream vocabulary = resource(model + "-tokenizer.json")) {
      environment = OrtEnvironment.getEnvironment();
      OrtSession.SessionOptions options = new OrtSession.SessionOptions();
      options.setIntraOpNumThreads(threads);
      options.setInterOpNumThreads(1);
      options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
      session = environment.createSession(onnx.readAllBytes(), options);
      // The bundled tokenizer.json pads every text to 128 word pieces and cuts there: no padding (one text per run),
      // cut at the model's own limit.
      tokenizer = HuggingFaceTokenizer.newInstance(vocabulary,
          Map.of("padding", "false", "truncation", "true", "maxLength", Integer.toString(MAX_TOKENS)));
    } catch (IOException | OrtException e) {
      throw new IllegalStateException("cannot load embedding model " + model + ": " + e.getMessage(), e);
    }
  }

  /** This JVM's encoder for the model, loaded on first use with {@code threads} intra-op threads per run. */
  public static SentenceEncoder shared(String model, int threads) {
    return SHARED.computeIfAbsent(model, m -> new SentenceEncoder(m, threads));
  }

  public String model() {
    return model;
  }

  /** What shapes a vector besides the text: the model, the cut and the pooling; a cache of vectors is keyed by it. */
  public static String shapedBy(String model) {
    return model + ", first " + MAX_TOKENS + " word pieces, mean-pooled, L2-normalised";
  }

  /** Whether the model sees only the first {@value #MAX_TOKENS} word pieces of the text. */
  public boolean truncates(String text) {
    return tokenizer.encode(text).exceedMaxLength();
  }

  /** One unit vector of {@value #DIMENSION} floats per text, in order; a text is cut at {@value #MAX_TOKENS} word pieces. */
  public float[][] encode(List<String> texts) {
    float[][] out = new float[texts.size()][];
    for (int i = 0; i < out.length; i++) out[i] = encode(texts.get(i));
    return out;
  }

  /**
   * One text per model run, unpadded. Batches padded to their longest text measured slower here (one thread: 185
   * texts/s one by one, 122/s in batches of 8, 71/s of 64), and the quantised model quantises its activations per
   * batch, so a padded batch would make a sentence's vector depend on its neighbours (cosine down to 0.977).
   */
  public float[] encode(String text) {
    Encoding encoding = tokenizer.encode(text);
    long[] ids = encoding.getIds();
    long[] mask = encoding.getAttentionMask();
    long[] types = encoding.getTypeIds();
    try (OnnxTensor idTensor = OnnxTensor.createTensor(environment, new long[][] {ids});
         OnnxTensor maskTensor = OnnxTensor.createTensor(environment, new long[][] {mask});
         OnnxTensor typeTensor = OnnxTensor.createTensor(environment, new long[][] {types})) {
      Map<String, OnnxTensor> inputs = new HashMap<>(Map.of("input_ids", idTensor, "attention_mask", maskTensor));
      if (session.getInputNames().contains("token_type_ids")) inputs.put("token_type_ids", typeTensor);
      try (OrtSession.Result result = session.run(inputs)) {
        return meanPooled(((float[][][]) result.get(0).getValue())[0]);
      }
    } catch (OrtException e) {
      throw new IllegalStateException("embedding model " + model + " failed on a text of " + text.length() + " characters: "
          + e.getMessage(), e);
    }
  }

  /** The mean of the token vectors, L2-normalised. */
  private static float[] meanPooled(float[][] tokens) {
    float[] sum = new float[tokens[0].length];
    for (float[] token : tokens) for (int d = 0; d < sum.length; d++) sum[d] += token[d];
    double norm = 0;
    for (int d = 0; d < sum.length; d++) {
      sum[d] /= tokens.length;
      norm += sum[d] * sum[d];
    }
    norm = Math.sqrt(norm);
    if (norm > 0) for (int d = 0; d < sum.length; d++) sum[d] /= (float) norm;
    return sum;
  }

  private static InputStream resource(String name) throws IOException {
    InputStream in = SentenceEncoder.class.getClassLoader().getResourceAsStream(name);
    if (in == null) throw new IOException(name + " is not on the class path (jar langchain4j-embeddings-" + name.replaceAll("(-tokenizer)?\\.(onnx|json)$", "") + ")");
    return in;
  }
}
