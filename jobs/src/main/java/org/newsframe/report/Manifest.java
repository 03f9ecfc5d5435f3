package org.newsframe.report;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.newsframe.Versions;

/**
 * What a job did, written as {@code manifest.json}: input, settings, versions, row counts and time
 * per stage. Stage times are wall-clock milliseconds of the Spark actions each stage runs.
 */
public final class Manifest {
  private final Map<String, Object> doc = new LinkedHashMap<>();
  private final Map<String, Object> rows = new LinkedHashMap<>();
  private final Map<String, Long> stageMillis = new LinkedHashMap<>();

  public Manifest(String job, String input, String output, Map<String, Object> settings) {
    doc.put("job", job);
    doc.put("input", input);
    doc.put("output", output);
    doc.put("settings", settings);
    doc.put("versions", Versions.all());
    doc.put("started", Instant.now().toString());
    doc.put("rows", rows);
    doc.put("stage_millis", stageMillis);
  }

  /** Runs a stage, recording its wall time under {@code name}. */
  public <T> T time(String name, Supplier<T> stage) {
    long start = System.nanoTime();
    try {
      return stage.get();
    } finally {
      stageMillis.merge(name, (System.nanoTime() - start) / 1_000_000, Long::sum);
    }
  }

  /** Runs a stage with no result, recording its wall time under {@code name}. */
  public void time(String name, Runnable stage) {
    time(
        name,
        () -> {
          stage.run();
          return null;
        });
  }

  /** Sets one row-count entry (a number, or a map of counts). */
  public Manifest rows(String key, Object value) {
    rows.put(key, value);
    return this;
  }

  /** Sets a top-level entry. */
  public Manifest put(String key, Object value) {
    doc.put(key, value);
    return this;
  }

  public Map<String, Long> stageMillis() {
    return stageMillis;
  }

  /** The document to write, with its finish time. */
  public Map<String, Object> finish() {
    doc.put("finished", Instant.now().toString());
    return doc;
  }
}
