package org.newsframe.stages;

import java.util.Arrays;
import java.util.Iterator;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.Encoders;

/**
 * Test-only fault injection: with {@code spark.newsframe.test.failFirstAttempt} set to a list of
 * stage names (or {@code all}), the first attempt of the first task reading a stage's input fails,
 * so tests can check that Spark's retry leaves the output as it would have been. Unset (always, in
 * production) it adds nothing to the plan.
 */
public final class Faults {

  /** The setting, as a Spark configuration key ({@code --conf}) or runtime SQL setting. */
  public static final String SETTING = "spark.newsframe.test.failFirstAttempt";
  /** The task-side copy of the setting (a local property, which Spark ships with every task). */
  public static final String PROPERTY = "newsframe.test.failFirstAttempt";

  private Faults() {}

  /**
   * {@code rows} as they are, or, when the setting names {@code stage}, with its partition 0's
   * first attempt failing.
   */
  public static Dataset<Row> inject(Dataset<Row> rows, String stage) {
    String setting = rows.sparkSession().conf().get(SETTING, "");
    if (!names(setting, stage)) {
      return rows;
    }
    rows.sparkSession().sparkContext().setLocalProperty(PROPERTY, setting);
    return rows.mapPartitions(new FailFirstAttemptFn(stage), Encoders.row(rows.schema()));
  }

  static boolean names(String setting, String stage) {
    return setting != null && Arrays.stream(setting.split(",")).map(String::strip)
        .anyMatch(s -> s.equals(stage) || s.equals("all"));
  }

  /** Throws in the first attempt of partition 0; otherwise passes rows through. */
  static final class FailFirstAttemptFn implements MapPartitionsFunction<Row, Row> {
    private final String stage;

    FailFirstAttemptFn(String stage) {
      this.stage = stage;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
      TaskContext task = TaskContext.get();
      if (task != null && task.partitionId() == 0 && task.attemptNumber() == 0
          && names(task.getLocalProperty(PROPERTY), stage)) {
        throw new IllegalStateException("injected failure in stage " + stage + " (" + SETTING + ", first attempt of partition 0)");
      }
      return rows;
    }
  }
}
