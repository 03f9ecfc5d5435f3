package org.newsframe;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.apache.spark.sql.SparkSession;

/** The one SparkSession every test in the JVM shares (a first session costs seconds). */
public final class TestSpark {
  private static SparkSession session;

  private TestSpark() {}

  public static synchronized SparkSession session() {
    if (session == null) {
      session =
          SparkSession.builder()
              .appName("newsframe-tests")
              .master("local[2,2]") // a failed task is retried once, as on a cluster (FaultsTest relies on it)
              .config("spark.sql.shuffle.partitions", "4")
              .config("spark.default.parallelism", "4")
              .config("spark.ui.enabled", "false")
              .config("spark.ui.showConsoleProgress", "false")
              .config("spark.sql.session.timeZone", "UTC")
              .config("spark.driver.host", "127.0.0.1")
              .getOrCreate();
    }
    SparkSession.setActiveSession(session);
    return session;
  }

  /** The repository root (for data/), from Surefire's newsframe.repo or the working directory. */
  public static Path repo() {
    String prop = System.getProperty("newsframe.repo");
    Path start = prop != null ? Paths.get(prop) : Paths.get("").toAbsolutePath();
    for (Path p = start.toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("data")) && Files.exists(p.resolve("jobs/pom.xml"))) {
        return p;
      }
    }
    throw new IllegalStateException("cannot find the newsframe repository from " + start);
  }
}
