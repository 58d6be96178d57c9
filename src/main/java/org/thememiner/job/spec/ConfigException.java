package org.thememiner.job.spec;

/** Settings or arguments that stop a job before any work: the message names the file or flag and the problem. */
public final class ConfigException extends Exception {
  public ConfigException(String message) {
    super(message);
  }
}
