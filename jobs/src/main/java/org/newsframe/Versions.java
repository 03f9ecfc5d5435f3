package org.newsframe;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/** Versions of newsframe and what it was built against, for {@code --version} and manifests. */
public final class Versions {
  private static final Properties BUILD = load();

  private Versions() {}

  public static String newsframe() {
    return BUILD.getProperty("newsframe.version", "unknown");
  }

  /** Build-time and run-time versions, in a stable order. */
  public static Map<String, String> all() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("newsframe", newsframe());
    m.put("spark_built_against", BUILD.getProperty("spark.version", "unknown"));
    m.put("spark", org.apache.spark.package$.MODULE$.SPARK_VERSION());
    m.put("scala", scala.util.Properties.versionNumberString());
    m.put("java", System.getProperty("java.version"));
    return m;
  }

  private static Properties load() {
    Properties p = new Properties();
    try (InputStream in = Versions.class.getResourceAsStream("/newsframe/version.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p;
  }
}
