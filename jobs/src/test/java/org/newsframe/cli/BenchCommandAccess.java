package org.newsframe.cli;

import java.nio.file.Path;
import java.util.Map;

/** Test access to {@link BenchCommand}'s package-private summary and file names. */
public final class BenchCommandAccess {
  private BenchCommandAccess() {}

  public static Map<String, Object> summary(Path dir) {
    return BenchCommand.summary(dir);
  }

  public static String failedFileName(long size, org.newsframe.jobs.BenchJob.Config config) {
    return BenchCommand.failedFileName(size, config);
  }
}
