package org.newsframe.jobs;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.SparkContext;
import org.apache.spark.executor.TaskMetrics;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobEnd;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.StageInfo;

/**
 * Resources each pipeline stage used, from Spark's task metrics: executor CPU and run time, shuffle
 * bytes written and read, bytes spilled (memory and disk), input and output bytes, task count.
 * Tasks are attributed through the job property {@link RunJob#STAGE_PROPERTY}, which {@code run}
 * sets around each of its stages. A sampler thread adds the driver JVM's process CPU time and its
 * peak heap: used (garbage included) and live (after a collection). In local mode the driver is
 * the executor too, so these cover both.
 *
 * <p>Register with {@link #attach}, read with {@link #figures}, and {@link #close} to detach.
 */
public final class StageMetrics extends SparkListener implements AutoCloseable {

  private static final long SAMPLE_MILLIS = 100;

  private final SparkContext sc;
  private final Map<Integer, String> stageOfSparkStage = new ConcurrentHashMap<>();
  private final Map<String, long[]> totals = new ConcurrentHashMap<>();
  private final Map<String, long[]> jvm = new ConcurrentHashMap<>();
  // Per stage, the first of its Spark jobs' start and the last one's end (epoch ms): a stage's span
  // when the run fails before the manifest has timed it.
  private final Map<Integer, String> stageOfJob = new ConcurrentHashMap<>();
  private final Map<String, long[]> span = new ConcurrentHashMap<>();
  private volatile String current = "other";
  private final Thread sampler;
  private volatile boolean running = true;

  // Slots of totals[]:
  private static final int CPU_NS = 0, RUN_MS = 1, SHUFFLE_WRITE = 2, SHUFFLE_READ = 3, MEM_SPILL = 4,
      DISK_SPILL = 5, INPUT = 6, OUTPUT = 7, TASKS = 8, PEAK_EXEC = 9;
  // Slots of jvm[]: process CPU ns, peak heap used, peak heap live after GC, collectors' time ms.
  private static final int PROC_CPU = 0, HEAP_USED = 1, HEAP_LIVE = 2, GC_MS = 3;

  private StageMetrics(SparkContext sc) {
    this.sc = sc;
    this.sampler = new Thread(this::sample, "newsframe-stage-metrics");
    this.sampler.setDaemon(true);
  }

  private static volatile StageMetrics active;

  public static StageMetrics attach(SparkContext sc) {
    StageMetrics m = new StageMetrics(sc);
    sc.addSparkListener(m);
    m.sampler.start();
    active = m;
    return m;
  }

  /** Called as a stage begins, so driver-side work between its Spark jobs is attributed to it. */
  static void enter(String stage) {
    StageMetrics m = active;
    if (m != null) {
      m.current = stage;
    }
  }

  @Override
  public void onJobStart(SparkListenerJobStart event) {
    String stage = event.properties() == null ? null : event.properties().getProperty(RunJob.STAGE_PROPERTY);
    String name = stage == null ? "other" : stage;
    current = name;
    stageOfJob.put(event.jobId(), name);
    long[] sp = span.computeIfAbsent(name, k -> new long[] {event.time(), event.time()});
    synchronized (sp) {
      sp[0] = Math.min(sp[0], event.time());
    }
    scala.collection.Iterator<StageInfo> it = event.stageInfos().iterator();
    while (it.hasNext()) {
      stageOfSparkStage.put(it.next().stageId(), name);
    }
  }

  @Override
  public void onJobEnd(SparkListenerJobEnd event) {
    long[] sp = span.get(stageOfJob.getOrDefault(event.jobId(), "other"));
    if (sp != null) {
      synchronized (sp) {
        sp[1] = Math.max(sp[1], event.time());
      }
    }
  }

  /** The pipeline stage running now (the last one entered or to start a Spark job). */
  public String current() {
    return current;
  }

  @Override
  public void onTaskEnd(SparkListenerTaskEnd event) {
    TaskMetrics m = event.taskMetrics();
    if (m == null) {
      return;
    }
    long[] t = totals.computeIfAbsent(stageOfSparkStage.getOrDefault(event.stageId(), "other"), k -> new long[10]);
    synchronized (t) {
      t[CPU_NS] += m.executorCpuTime();
      t[RUN_MS] += m.executorRunTime();
      t[SHUFFLE_WRITE] += m.shuffleWriteMetrics().bytesWritten();
      t[SHUFFLE_READ] += m.shuffleReadMetrics().totalBytesRead();
      t[MEM_SPILL] += m.memoryBytesSpilled();
      t[DISK_SPILL] += m.diskBytesSpilled();
      t[INPUT] += m.inputMetrics().bytesRead();
      t[OUTPUT] += m.outputMetrics().bytesWritten();
      t[TASKS] += 1;
      t[PEAK_EXEC] = Math.max(t[PEAK_EXEC], m.peakExecutionMemory());
    }
  }

  private void sample() {
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == MemoryType.HEAP).toList();
    long lastCpu = os.getProcessCpuTime();
    long lastGc = gcMillis();
    while (running) {
      try {
        Thread.sleep(SAMPLE_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      long cpu = os.getProcessCpuTime();
      long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
      long live = 0;
      for (MemoryPoolMXBean p : heap) {
        var after = p.getCollectionUsage();
        live += after == null ? 0 : after.getUsed();
      }
      long gc = gcMillis();
      long[] j = jvm.computeIfAbsent(current, k -> new long[4]);
      synchronized (j) {
        j[PROC_CPU] += cpu - lastCpu;
        j[GC_MS] += gc - lastGc;
        j[HEAP_USED] = Math.max(j[HEAP_USED], used);
        j[HEAP_LIVE] = Math.max(j[HEAP_LIVE], live);
      }
      lastCpu = cpu;
      lastGc = gc;
    }
  }

  /**
   * The JVM's collectors' accumulated time (G1: its pauses, young and mixed, and any full
   * collection; not its concurrent marking, which shows in process CPU only). Task metrics' GC time
   * is not used: in local mode every running task counts the same pause.
   */
  private static long gcMillis() {
    long ms = 0;
    for (java.lang.management.GarbageCollectorMXBean b : ManagementFactory.getGarbageCollectorMXBeans()) {
      ms += Math.max(0, b.getCollectionTime());
    }
    return ms;
  }

  /** Per stage, in {@code order} (stages not run are left out; anything unattributed as "other"). */
  public Map<String, Map<String, Object>> figures(List<String> order) {
    Map<String, Map<String, Object>> out = new LinkedHashMap<>();
    java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>(order);
    names.addAll(totals.keySet());
    names.addAll(jvm.keySet());
    for (String name : names) {
      long[] t = totals.get(name);
      long[] j = jvm.get(name);
      if (t == null && j == null) {
        continue;
      }
      Map<String, Object> f = new LinkedHashMap<>();
      if (t != null) {
        f.put("tasks", t[TASKS]);
        f.put("executor_cpu_seconds", round(t[CPU_NS] / 1e9));
        f.put("executor_run_seconds", round(t[RUN_MS] / 1e3));
        f.put("shuffle_write_mb", round(t[SHUFFLE_WRITE] / 1048576.0));
        f.put("shuffle_read_mb", round(t[SHUFFLE_READ] / 1048576.0));
        f.put("spill_memory_mb", round(t[MEM_SPILL] / 1048576.0));
        f.put("spill_disk_mb", round(t[DISK_SPILL] / 1048576.0));
        f.put("input_mb", round(t[INPUT] / 1048576.0));
        f.put("output_mb", round(t[OUTPUT] / 1048576.0));
        f.put("peak_task_execution_memory_mb", round(t[PEAK_EXEC] / 1048576.0));
      }
      long[] sp = span.get(name);
      if (sp != null) {
        f.put("jobs_wall_seconds", round((sp[1] - sp[0]) / 1e3));
      }
      if (j != null) {
        f.put("process_cpu_seconds", round(j[PROC_CPU] / 1e9));
        f.put("peak_heap_used_mb", j[HEAP_USED] >> 20);
        f.put("peak_heap_live_mb", j[HEAP_LIVE] >> 20);
        f.put("gc_seconds", round(j[GC_MS] / 1e3));
      }
      out.put(name, f);
    }
    return out;
  }

  private static double round(double v) {
    return Math.round(v * 10) / 10.0;
  }

  @Override
  public void close() {
    running = false;
    sampler.interrupt();
    if (active == this) {
      active = null;
    }
    sc.removeSparkListener(this);
  }
}
