package org.newsframe.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.newsframe.Versions;

/** How the benchmark and evaluation commands report: JSON on stdout and, if asked, in a file. */
final class Figures {
  private Figures() {}

  /** Prints {@code figures} under a header naming {@code kind: what}, the date, versions and machine. */
  static void report(PrintWriter out, String kind, String what, Map<String, Object> figures, Path results) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put(kind, what);
    doc.put("date", Instant.now().toString());
    doc.put("versions", Versions.all());
    doc.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(), "os", System.getProperty("os.name") + " " + System.getProperty("os.arch")));
    doc.putAll(figures);
    try {
      String json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc);
      out.println(json);
      if (results != null) {
        if (results.getParent() != null) {
          Files.createDirectories(results.getParent());
        }
        Files.writeString(results, json + "\n");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
