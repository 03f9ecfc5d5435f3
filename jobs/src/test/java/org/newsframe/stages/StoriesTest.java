package org.newsframe.stages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.newsframe.TestSpark;
import org.newsframe.io.Columns;

/** Stories from story edges: components, and oversized ones split on their stronger edges. */
class StoriesTest {

  private static final StructType EDGES = new StructType()
      .add(Columns.ID_A, DataTypes.StringType).add(Columns.ID_B, DataTypes.StringType).add(Stories.COSINE, DataTypes.DoubleType);

  private static Dataset<Row> edges(Object[]... rows) {
    List<Row> list = new ArrayList<>();
    for (Object[] r : rows) {
      list.add(RowFactory.create(r));
    }
    return TestSpark.session().createDataFrame(list, EDGES);
  }

  /** The groups of units, each a sorted set, as a set of sets. */
  private static Set<Set<String>> groups(Dataset<Row> components) {
    Map<String, Set<String>> byComponent = new TreeMap<>();
    components.collectAsList().forEach(r -> byComponent.computeIfAbsent(r.getAs(Syndication.COMPONENT), k -> new TreeSet<>())
        .add(r.getAs(Columns.ID)));
    return Set.copyOf(byComponent.values());
  }

  private static StoryParams cap(int units) {
    return StoryParams.defaults().withMaxUnits(units);
  }

  @Test
  void aChainOverTheCapSplitsAtItsWeakLinksAndSmallStoriesStayWhole() {
    // Three tight groups of four joined by weaker links (0.32, 0.33), and a weak pair under the cap.
    Dataset<Row> e = edges(
        new Object[] {"u00", "u01", 0.9}, new Object[] {"u01", "u02", 0.9}, new Object[] {"u02", "u03", 0.9},
        new Object[] {"u03", "u04", 0.32},
        new Object[] {"u04", "u05", 0.5}, new Object[] {"u05", "u06", 0.5}, new Object[] {"u06", "u07", 0.5},
        new Object[] {"u07", "u08", 0.33},
        new Object[] {"u08", "u09", 0.37}, new Object[] {"u09", "u10", 0.37}, new Object[] {"u10", "u11", 0.37},
        new Object[] {"v0", "v1", 0.31});

    Stories.Split split = Stories.components(e, cap(4), SyndicationParams.defaults());

    assertThat(groups(split.components())).containsExactlyInAnyOrder(
        Set.of("u00", "u01", "u02", "u03"), Set.of("u04", "u05", "u06", "u07"), Set.of("u08", "u09", "u10", "u11"), Set.of("v0", "v1"));
    assertThat(split.rounds()).isEqualTo(1);
    assertThat(split.lastMinCosine()).isCloseTo(0.35, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(split.unitsStillOver()).isZero();
  }

  @Test
  void splittingGoesOnUntilEveryPartFitsAndLeavesOrphansOut() {
    // Round 1 (0.35) parts u0..u3 from u4..u8 (5 > cap 4); round 2 (0.40) cuts u8 loose: no edge, no row.
    Dataset<Row> e = edges(
        new Object[] {"u0", "u1", 0.9}, new Object[] {"u1", "u2", 0.9}, new Object[] {"u2", "u3", 0.9},
        new Object[] {"u3", "u4", 0.31},
        new Object[] {"u4", "u5", 0.8}, new Object[] {"u5", "u6", 0.8}, new Object[] {"u6", "u7", 0.8},
        new Object[] {"u7", "u8", 0.36});

    Stories.Split split = Stories.components(e, cap(4), SyndicationParams.defaults());

    assertThat(groups(split.components())).containsExactlyInAnyOrder(Set.of("u0", "u1", "u2", "u3"), Set.of("u4", "u5", "u6", "u7"));
    assertThat(split.rounds()).isEqualTo(2);
  }

  @Test
  void identicalUnitsOverTheCapStayTogetherAndAreCounted() {
    List<Object[]> clique = new ArrayList<>();
    for (int a = 0; a < 5; a++) {
      for (int b = a + 1; b < 5; b++) {
        clique.add(new Object[] {"c" + a, "c" + b, 1.0});
      }
    }
    Stories.Split split = Stories.components(edges(clique.toArray(new Object[0][])), cap(4), SyndicationParams.defaults());

    assertThat(groups(split.components())).containsExactly(Set.of("c0", "c1", "c2", "c3", "c4"));
    assertThat(split.unitsStillOver()).isEqualTo(5);
    assertThat(split.rounds()).as("0.30 raised by 0.05 to 1.0").isEqualTo((int) Math.round((1.0 - 0.30) / Stories.SPLIT_STEP));
  }

  @Test
  void underTheCapTheStoriesAreThePlainComponents() {
    Dataset<Row> e = edges(
        new Object[] {"a", "b", 0.31}, new Object[] {"b", "c", 0.95}, new Object[] {"d", "e", 0.4}, new Object[] {"e", "a", 0.3});
    Stories.Split split = Stories.components(e, StoryParams.defaults(), SyndicationParams.defaults());
    assertThat(groups(split.components())).isEqualTo(groups(Syndication.connectedComponents(e.select(Columns.ID_A, Columns.ID_B),
        SyndicationParams.defaults())));
    assertThat(split.rounds()).isZero();
  }
}
