package org.newsframe.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report as a reader sees it: rendered by headless Chromium (Debian's {@code chromium}).
 * Skipped where Chromium is not installed, unless {@code NEWSFRAME_REQUIRE_CHROMIUM=1} (CI sets it,
 * after installing Chromium), so the suite still runs on a machine with only Java and Maven.
 */
public class ChromiumReportTest {
  public static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  @TempDir Path tmp;

  /** Chromium's rendered DOM of {@code html}, after layout; also writes {@code <html>.png}. */
  public static String render(Path html, Path tmp) throws IOException, InterruptedException {
    boolean required = "1".equals(System.getenv("NEWSFRAME_REQUIRE_CHROMIUM"));
    if (!Files.isExecutable(CHROMIUM)) {
      if (required) {
        throw new AssertionError("NEWSFRAME_REQUIRE_CHROMIUM=1 but " + CHROMIUM + " is not installed");
      }
      Assumptions.abort("headless Chromium not installed (apt-get install chromium); skipping the browser check");
    }
    List<String> common = List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--user-data-dir=" + Files.createTempDirectory(tmp, "chromium"));
    List<String> dump = new ArrayList<>(common);
    dump.add("--dump-dom");
    dump.add(html.toUri().toString());
    String dom = run(dump, tmp.resolve("dom.txt"));
    List<String> shot = new ArrayList<>(common);
    shot.add("--screenshot=" + html.resolveSibling(html.getFileName() + ".png"));
    shot.add("--window-size=1280,2400");
    shot.add(html.toUri().toString());
    run(shot, tmp.resolve("shot.txt"));
    return dom;
  }

  private static String run(List<String> cmd, Path stdout) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(cmd).redirectOutput(stdout.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    if (!p.waitFor(90, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("chromium timed out: " + cmd);
    }
    assertThat(p.exitValue()).as("chromium exit code for %s", cmd).isZero();
    return Files.readString(stdout, StandardCharsets.UTF_8);
  }

  /** Article text holding markup and a script renders as text: no element, no script runs. */
  @Test
  void hostileArticleTextRendersAsText() throws Exception {
    String evil = "<script>document.title='pwned'</script><img src=x onerror=alert(1)>";
    ReportModel.Article a = new ReportModel.Article("a1", "Outlet <b>A</b>", evil, "2017-06-09", "Text with " + evil + " inside. It is false.");
    ReportModel.Article b = new ReportModel.Article("b1", "Outlet B", "Plain", null, "Other text.");
    ReportModel.Story s = new ReportModel.Story("story-1", "Label " + evil, List.of(a, b),
        Map.of("a1", Map.of("rebuttals.list", "false 1", "syndication_role", "independent"), "b1", Map.of()),
        List.of(new ReportModel.QuoteRow("a1", 0, "Speaker <i>X</i>", "unknown", "said", "neutral", 3, evil)),
        List.of(), List.of(new ReportModel.TermZ("Outlet <b>A</b>", "<script>", 3, 2.5, true)), List.of(), 2);
    Path html = tmp.resolve("index.html");
    Files.writeString(html, ReportWriter.html(new ReportModel.Corpus(2, 2, 0, 0, 1, 1, Map.of()), List.of(s)));
    String dom = render(html, tmp);
    assertThat(dom).doesNotContain("<script").doesNotContain("<img").doesNotContain("<b>A</b>");
    assertThat(dom).contains("&lt;script&gt;document.title='pwned'&lt;/script&gt;");
    assertThat(dom).contains("<title>newsframe report</title>");
    assertThat(html.resolveSibling("index.html.png")).isNotEmptyFile();
  }
}
