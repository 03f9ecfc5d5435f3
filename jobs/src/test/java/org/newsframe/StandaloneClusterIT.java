package org.newsframe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job jar on a real multi-process Spark standalone cluster on loopback: a Master and a Worker
 * (separate JVMs, from the Spark jars), the job submitted with {@code SparkSubmit} in client mode the
 * way README shows (class path = Spark only; CoreNLP and the chart libraries with {@code --jars}),
 * its executors launched by the Worker. Its output must equal the same submission's in local mode,
 * also with every stage's first task attempt failing on the cluster: every table, CSV copy and
 * report file byte for byte.
 *
 * <p>Runs in {@code mvn verify} (after {@code package} has built {@code target/newsframe.jar}).
 */
class StandaloneClusterIT {

  @TempDir static Path tmp;
  private static final List<Process> daemons = new ArrayList<>();
  private static Path sparkHome;
  private static String masterUrl;
  private static int masterUi;
  private static final Path JAR = TestSpark.repo().resolve("jobs/target/newsframe.jar");
  private static List<String> sparkJars;
  private static List<String> extraJars;

  @BeforeAll
  static void startCluster() throws Exception {
    assertThat(JAR).as("run after package (mvn verify)").exists();
    List<String> cp = Arrays.asList(Files.readString(TestSpark.repo().resolve("jobs/target/classpath.txt")).strip().split(":"));
    // What a Spark installation has: Spark and its dependencies. The job's own libraries are in the
    // job jar (shaded) and CoreNLP / JFree come with --jars, as on a real cluster.
    sparkJars = cp.stream().filter(j -> !j.contains("/edu/stanford/nlp/") && !j.contains("/org/jfree/")
        && !j.contains("/info/picocli/") && !j.contains("/org/apache/lucene/")).toList();
    extraJars = cp.stream().filter(j -> j.contains("/edu/stanford/nlp/") || j.contains("/org/jfree/")).toList();
    assertThat(extraJars).hasSize(4);
    sparkHome = Files.createDirectories(tmp.resolve("spark-home/jars"));
    for (String j : sparkJars) {
      Files.createSymbolicLink(sparkHome.resolve(Path.of(j).getFileName()), Path.of(j));
    }
    sparkHome = sparkHome.getParent();
    int port = freePort();
    masterUi = freePort();
    masterUrl = "spark://127.0.0.1:" + port;
    daemons.add(start("master", "org.apache.spark.deploy.master.Master",
        "--host", "127.0.0.1", "--port", String.valueOf(port), "--webui-port", String.valueOf(masterUi)));
    waitFor(() -> json().contains("\"status\" : \"ALIVE\""), "the master");
    daemons.add(start("worker", "org.apache.spark.deploy.worker.Worker",
        "--host", "127.0.0.1", "--cores", "2", "--memory", "3g", "--webui-port", String.valueOf(freePort()),
        "--work-dir", Files.createDirectories(tmp.resolve("worker")).toString(), masterUrl));
    waitFor(() -> json().contains("\"aliveworkers\" : 1"), "a worker to register");
  }

  @AfterAll
  static void stopCluster() throws InterruptedException {
    for (Process p : daemons) {
      p.descendants().forEach(ProcessHandle::destroy);
      p.destroy();
      p.waitFor(20, TimeUnit.SECONDS);
    }
  }

  private static Process start(String name, String mainClass, String... args) throws IOException {
    ProcessBuilder pb = new ProcessBuilder(JavaProcess.command(mainClass, List.of("-Xmx512m"), args));
    pb.command().set(pb.command().indexOf("-cp") + 1, sparkHome.resolve("jars") + "/*");
    pb.environment().put("SPARK_HOME", sparkHome.toString());
    pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    pb.environment().put("SPARK_LOG_DIR", tmp.toString());
    // The Worker builds executors' class path from SPARK_HOME/jars; without this it looks for a
    // source build's launcher/target/scala-2.13 to learn the Scala version.
    pb.environment().put("SPARK_SCALA_VERSION", "2.13");
    return pb.redirectErrorStream(true).redirectOutput(tmp.resolve(name + ".log").toFile()).start();
  }

  /** {@code SparkSubmit} (what {@code spark-submit} runs) in client mode; returns its exit code. */
  private static int submit(String master, String output, String... conf) throws Exception {
    List<String> args = new ArrayList<>(List.of("--master", master, "--deploy-mode", "client",
        "--conf", "spark.ui.enabled=false", "--conf", "spark.sql.shuffle.partitions=4",
        "--conf", "spark.executor.memory=1500m", "--conf", "spark.driver.host=127.0.0.1"));
    for (String c : conf) {
      args.add("--conf");
      args.add(c);
    }
    args.addAll(List.of("--jars", String.join(",", extraJars), "--class", "org.newsframe.cli.Newsframe", JAR.toString(),
        "run", "--input", TestSpark.repo().resolve("data/sample").toString(), "--output", output));
    Process p = start("submit-" + Path.of(output).getFileName(), "org.apache.spark.deploy.SparkSubmit", args.toArray(String[]::new));
    assertThat(p.waitFor(10, TimeUnit.MINUTES)).as("submission finished").isTrue();
    return p.exitValue();
  }

  @Test
  void theJobOnAStandaloneClusterWritesWhatLocalModeWrites() throws Exception {
    // Under target/, not the temporary directory, so a failure leaves the two outputs to compare.
    Path keep = TestSpark.repo().resolve("jobs/target/cluster-it");
    deleteTree(keep);
    String local = keep.resolve("local").toString();
    String cluster = keep.resolve("cluster").toString();
    assertThat(submit("local[2]", local)).as(log("submit-local")).isZero();
    assertThat(submit(masterUrl, cluster, "spark.newsframe.test.failFirstAttempt=all")).as(log("submit-cluster")).isZero();

    String master = json();
    assertThat(master).as("the application ran on the cluster").contains("\"name\" : \"newsframe run\"");
    try (Stream<Path> s = Files.walk(tmp.resolve("worker"))) {
      List<String> logs = s.filter(f -> f.getFileName().toString().equals("stderr")).map(f -> readAll(f)).toList();
      assertThat(logs).as("executor logs under the worker").isNotEmpty();
      assertThat(String.join("\n", logs)).as("the injected first-attempt failures happened on the executors").contains("injected failure");
    }
    Map<String, byte[]> a = files(Path.of(local));
    Map<String, byte[]> b = files(Path.of(cluster));
    assertThat(a).containsKeys("articles/part-00000-c000.snappy.parquet", "report/index.html", "csv/framing.csv");
    assertThat(b.keySet()).containsExactlyElementsOf(a.keySet());
    for (String f : a.keySet()) {
      assertThat(Arrays.equals(a.get(f), b.get(f))).as("%s is the same in both", f).isTrue();
    }
    assertThat(a.keySet().stream().filter(f -> f.startsWith("csv/") && f.endsWith(".csv")).count()).as("a CSV copy of every table").isEqualTo(15);
  }

  private static void deleteTree(Path p) throws IOException {
    if (Files.exists(p)) {
      try (Stream<Path> s = Files.walk(p)) {
        for (Path f : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(f);
        }
      }
    }
  }

  private static Map<String, byte[]> files(Path out) throws IOException {
    Map<String, byte[]> m = new TreeMap<>();
    try (Stream<Path> s = Files.walk(out)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        String rel = out.relativize(p).toString();
        if (!rel.endsWith("manifest.json") && !rel.endsWith("manifest.json.crc")) {
          m.put(rel, Files.readAllBytes(p));
        }
      }
    }
    return m;
  }

  private static String log(String name) {
    return "log:\n" + read(tmp.resolve(name + ".log"));
  }

  private static String read(Path p) {
    try {
      String s = Files.readString(p);
      return s.length() > 6000 ? s.substring(s.length() - 6000) : s;
    } catch (IOException e) {
      return "(" + e + ")";
    }
  }

  private static String readAll(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String json() {
    try {
      HttpResponse<String> r = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + masterUi + "/json/")).timeout(Duration.ofSeconds(5)).build(),
          HttpResponse.BodyHandlers.ofString());
      return r.body();
    } catch (Exception e) {
      return "";
    }
  }

  private static void waitFor(java.util.function.BooleanSupplier ok, String what) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (!ok.getAsBoolean()) {
      for (Process p : daemons) {
        assertThat(p.isAlive()).as("daemon alive while waiting for %s; %s", what, log("master") + log("worker")).isTrue();
      }
      assertThat(System.nanoTime()).as("waiting for %s; %s", what, log("master") + log("worker")).isLessThan(deadline);
      Thread.sleep(250);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
