package org.thememiner.job.rerun;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The process that owns a temporary folder of a shared cache, named in the folder's name
 * ({@code run-<host>-<pid>}), so that a later run can tell a folder a killed run left behind from one a live run
 * is writing. On the same host the process is asked for directly; a folder of another host (a driver elsewhere
 * sharing the cache on HDFS or S3) counts as left behind once it has not changed for {@link #FOREIGN_STALE}, far
 * longer than a batch takes to write.
 */
record TempOwner(String host, long pid) {
  static final Duration FOREIGN_STALE = Duration.ofHours(24);
  private static final Pattern NAME = Pattern.compile("run-(.+)-(\\d+)");
  /** Looked up once: a host whose name does not resolve can take seconds to answer. */
  private static final String LOCAL_HOST = localHost();

  static TempOwner current() {
    return new TempOwner(LOCAL_HOST, ProcessHandle.current().pid());
  }

  String name() {
    return "run-" + host + "-" + pid;
  }

  static Optional<TempOwner> parse(String name) {
    Matcher m = NAME.matcher(name);
    return m.matches() ? Optional.of(new TempOwner(m.group(1), Long.parseLong(m.group(2)))) : Optional.empty();
  }

  /**
   * Whether the folder {@code name}, unchanged for {@code ageMillis}, was left by a run that has ended. A folder not
   * named by an owner (made by a version before owners were named) has no live writer to wait for.
   */
  static boolean ended(String name, long ageMillis) {
    Optional<TempOwner> owner = parse(name);
    if (owner.isEmpty()) return true;
    if (!owner.get().host().equals(LOCAL_HOST)) return ageMillis > FOREIGN_STALE.toMillis();
    return owner.get().pid() != ProcessHandle.current().pid() && ProcessHandle.of(owner.get().pid()).map(p -> !p.isAlive()).orElse(true);
  }

  private static String localHost() {
    try {
      return InetAddress.getLocalHost().getHostName().replaceAll("[^A-Za-z0-9.]", "_");
    } catch (UnknownHostException e) {
      return "unknown";
    }
  }
}
