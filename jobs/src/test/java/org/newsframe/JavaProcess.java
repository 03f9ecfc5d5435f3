package org.newsframe;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A command line that starts a new JVM with this test JVM's class path and module options. */
public final class JavaProcess {
  private JavaProcess() {}

  /** {@code java <this JVM's options> -cp <class path> <mainClass> <args>}. */
  public static List<String> command(String mainClass, List<String> jvmOptions, String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      // The module flags Spark needs on Java 17; not the debugger, heap or agent settings of this JVM.
      if (a.startsWith("--add-opens") || a.startsWith("--add-modules") || a.startsWith("--enable-native-access")
          || a.startsWith("-Djdk.reflect") || a.startsWith("-Dio.netty") || a.equals("-XX:+IgnoreUnrecognizedVMOptions")) {
        cmd.add(a);
      }
    }
    cmd.addAll(jvmOptions);
    cmd.add("-cp");
    cmd.add(classPath());
    cmd.add(mainClass);
    cmd.addAll(List.of(args));
    return cmd;
  }

  /** This JVM's class path (Surefire's booter jar names the real one in its manifest, which java follows). */
  public static String classPath() {
    return System.getProperty("java.class.path");
  }

  /** The class path as a list of entries, the booter jar's manifest entries expanded. */
  public static List<Path> classPathEntries() {
    List<Path> out = new ArrayList<>();
    for (String e : classPath().split(File.pathSeparator)) {
      Path p = Path.of(e);
      out.add(p);
      if (p.getFileName().toString().startsWith("surefirebooter")) {
        try (java.util.jar.JarFile jar = new java.util.jar.JarFile(p.toFile())) {
          String cp = jar.getManifest().getMainAttributes().getValue("Class-Path");
          for (String u : cp.split(" ")) {
            if (!u.isBlank()) {
              out.add(Path.of(java.net.URI.create(u)));
            }
          }
        } catch (java.io.IOException ex) {
          throw new java.io.UncheckedIOException(ex);
        }
      }
    }
    return out;
  }
}
