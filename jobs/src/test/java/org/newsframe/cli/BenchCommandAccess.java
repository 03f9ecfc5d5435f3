package org.newsframe.cli;

import java.nio.file.Path;
import java.util.Map;

/** Test access to {@link BenchCommand}'s package-private summary. */
public final class BenchCommandAccess {
  private BenchCommandAccess() {}

  public static Map<String, Object> summary(Path dir) {
    return BenchCommand.summary(dir);
  }
}
