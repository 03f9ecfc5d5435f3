package org.newsframe.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Every file of a published output but its manifest (which records run times), by relative path. */
final class OutputFiles {
  private OutputFiles() {}

  static Map<String, byte[]> tables(Path out) throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> s = Files.walk(out)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        String rel = out.relativize(p).toString();
        if (!rel.equals(RunJob.MANIFEST) && !rel.equals("." + RunJob.MANIFEST + ".crc")) {
          files.put(rel, Files.readAllBytes(p));
        }
      }
    }
    return files;
  }

  static void assertSameBytes(Map<String, byte[]> a, Map<String, byte[]> b) {
    assertThat(b.keySet()).as("the same files").containsExactlyElementsOf(a.keySet());
    for (String f : a.keySet()) {
      byte[] x = a.get(f);
      byte[] y = b.get(f);
      int at = java.util.Arrays.mismatch(x, y);
      if (at >= 0) {
        String around = "at byte " + at + " of " + x.length + "/" + y.length + ": '"
            + new String(x, Math.max(0, at - 60), Math.min(x.length, at + 60) - Math.max(0, at - 60), java.nio.charset.StandardCharsets.ISO_8859_1)
            + "' vs '" + new String(y, Math.max(0, at - 60), Math.min(y.length, at + 60) - Math.max(0, at - 60), java.nio.charset.StandardCharsets.ISO_8859_1) + "'";
        assertThat(at).as("%s differs %s", f, around).isNegative();
      }
    }
  }
}
