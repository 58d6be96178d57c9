package org.thememiner.eval;

import cc.mallet.pipe.Pipe;
import cc.mallet.pipe.TokenSequence2FeatureSequence;
import cc.mallet.topics.ParallelTopicModel;
import cc.mallet.types.Alphabet;
import cc.mallet.types.IDSorter;
import cc.mallet.types.Instance;
import cc.mallet.types.InstanceList;
import cc.mallet.types.TokenSequence;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;

/**
 * MALLET's LDA (Gibbs sampling, {@link ParallelTopicModel}) as a baseline: the topic model qualitative
 * researchers most often meet, fitted on the same content terms as the job's themes. Runs on the driver, so
 * it is for evaluation on a corpus that fits in memory, not for production runs.
 */
final class MalletLda {
  private final int topics;
  private final long seed;
  private final int iterations;

  MalletLda(int topics, long seed, int iterations) {
    this.topics = topics;
    this.seed = seed;
    this.iterations = iterations;
  }

  /**
   * @param assignment   each document's most probable topic, in input order
   * @param topicWords   each topic's words, most probable first
   * @param topicWeights each word's count in the topic, same order
   */
  public record Fit(int[] assignment, List<List<String>> topicWords, List<List<Double>> topicWeights) {}

  /** @param documents each document as its terms; empty documents get topic -1 */
  public Fit fit(List<List<String>> documents, int wordsPerTopic) {
    Pipe pipe = new TokenSequence2FeatureSequence(new Alphabet());
    InstanceList instances = new InstanceList(pipe);
    List<Integer> kept = new ArrayList<>();
    for (int i = 0; i < documents.size(); i++) {
      if (documents.get(i).isEmpty()) continue;
      TokenSequence tokens = new TokenSequence();
      documents.get(i).forEach(tokens::add);
      instances.addThruPipe(new Instance(tokens, null, "d" + i, null));
      kept.add(i);
    }
    // MALLET's own defaults (train-topics): alpha sum 5, beta 0.01. The 50/K of Griffiths and Steyvers is a
    // prior for long documents; on sentences it outweighs the few words and puts everything in one topic.
    ParallelTopicModel model = new ParallelTopicModel(topics, 5.0, 0.01);
    // The seed before the instances: addInstances already draws the initial topic of every token.
    model.setRandomSeed((int) seed);
    model.addInstances(instances);
    model.setNumThreads(1); // one thread: Gibbs sampling is then reproducible for a seed
    model.setNumIterations(iterations);
    model.setTopicDisplay(0, 0);
    model.logger.setLevel(java.util.logging.Level.OFF);
    try {
      model.estimate();
    } catch (IOException e) {
      throw new IllegalStateException("MALLET LDA failed", e);
    }
    int[] assignment = new int[documents.size()];
    java.util.Arrays.fill(assignment, -1);
    for (int d = 0; d < kept.size(); d++) {
      double[] p = model.getTopicProbabilities(d);
      int best = 0;
      for (int k = 1; k < p.length; k++) if (p[k] > p[best]) best = k;
      assignment[kept.get(d)] = best;
    }
    List<List<String>> words = new ArrayList<>();
    List<List<Double>> weights = new ArrayList<>();
    Alphabet alphabet = model.getAlphabet();
    for (TreeSet<IDSorter> sorted : model.getSortedWords()) {
      List<String> w = new ArrayList<>();
      List<Double> c = new ArrayList<>();
      Iterator<IDSorter> it = sorted.iterator();
      while (it.hasNext() && w.size() < wordsPerTopic) {
        IDSorter s = it.next();
        w.add((String) alphabet.lookupObject(s.getID()));
        c.add(s.getWeight());
      }
      words.add(w);
      weights.add(c);
    }
    return new Fit(assignment, words, weights);
  }
}
