package org.newsframe.jobs;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Settings of {@code run}.
 *
 * @param stages the stages to run, prerequisites included (see {@link Stage#parse})
 * @param csv whether to write a CSV copy of each table under {@code <out>/csv/}
 */
public record RunConfig(String input, String output, Set<Stage> stages, boolean csv) {

  public RunConfig {
    stages = Set.copyOf(stages);
  }

  /** The settings as the manifest records them. */
  public Map<String, Object> describe() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("stages", Stage.labels(stages));
    m.put("csv", csv);
    return m;
  }
}
