package org.newsframe.jobs;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.newsframe.io.SourceFormat;

/**
 * Settings of {@code ingest}.
 *
 * @param format null to detect from the input
 * @param mapping canonical column to input column, from {@code --map}
 * @param metadata the metadata CSV of a text directory; null for {@code <input>/metadata.csv}
 * @param outlets the outlet dictionary; null for the bundled {@code data/outlets.tsv}
 */
public record IngestConfig(
    String input,
    String output,
    SourceFormat format,
    Map<String, String> mapping,
    String metadata,
    Path outlets) {

  public IngestConfig {
    mapping = Map.copyOf(mapping);
  }

  /** The settings as the manifest records them. */
  public Map<String, Object> describe() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("format", format == null ? "detect" : format.name().toLowerCase(java.util.Locale.ROOT));
    m.put("map", new java.util.TreeMap<>(mapping));
    m.put("metadata", metadata);
    m.put("outlets", outlets == null ? "bundled data/outlets.tsv" : outlets.toString());
    return m;
  }
}
