package org.newsframe.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.newsframe.TestSpark;
import org.newsframe.io.Columns;
import org.newsframe.report.ReportModel;
import org.newsframe.stages.Terms;

/** What the report collects to the driver is bounded by what it shows, not by the story's size. */
class ReportDataTest {

  private static final StructType STORY_TERMS = new StructType()
      .add(Terms.SCOPE, DataTypes.StringType).add(Terms.VERSUS, DataTypes.StringType).add(Columns.OUTLET, DataTypes.StringType)
      .add(Terms.TERM, DataTypes.StringType).add(Terms.COUNT, DataTypes.LongType).add(Terms.Z, DataTypes.DoubleType)
      .add(Terms.SIGNIFICANT, DataTypes.BooleanType);

  @Test
  void topTermsOfShownOutletsOnly() {
    SparkSession spark = TestSpark.session();
    // Story s1: 40 outlets × 30 terms with z from -7.5 to +7.0 (ties between outlets, some z ≤ 0);
    // s2: 5 outlets; s3 not chosen; rows against another outlet (not REST) must not count. outlet1 is
    // shown in s2 only: its s1 terms stay out.
    List<Row> rows = new ArrayList<>();
    for (String story : List.of("s1", "s2", "s3")) {
      int outlets = story.equals("s2") ? 5 : 40;
      for (int o = 0; o < outlets; o++) {
        for (int t = 0; t < 30; t++) {
          double z = ((t * 7 + o * 3) % 30) / 2.0 - 7.5;
          rows.add(RowFactory.create(story, Terms.REST, "outlet" + o, "term" + t, (long) (t + 1), z, Math.abs(z) >= 1.96));
          rows.add(RowFactory.create(story, "outlet99", "outlet" + o, "other" + t, 1L, 50.0, true));
        }
      }
    }
    Dataset<Row> storyTerms = spark.createDataFrame(rows, STORY_TERMS);
    Map<String, Set<String>> shown = Map.of("s1", Set.of("outlet0", "outlet7", "outlet39"), "s2", Set.of("outlet4", "outlet1"));

    Map<String, List<ReportModel.TermZ>> got = ReportData.topStoryTerms(storyTerms, shown, 8);

    Map<String, List<ReportModel.TermZ>> expected = new TreeMap<>();
    for (Row r : rows) {
      String story = r.getString(0);
      if (r.getString(1).equals(Terms.REST) && shown.containsKey(story) && shown.get(story).contains(r.getString(2)) && r.getDouble(5) > 0) {
        expected.computeIfAbsent(story, k -> new ArrayList<>())
            .add(new ReportModel.TermZ(r.getString(2), r.getString(3), r.getLong(4), r.getDouble(5), r.getBoolean(6)));
      }
    }
    expected.replaceAll((story, terms) -> {
      Map<String, List<ReportModel.TermZ>> byOutlet = new TreeMap<>();
      terms.stream().sorted(Comparator.comparingDouble(ReportModel.TermZ::z).reversed().thenComparing(ReportModel.TermZ::term))
          .forEach(t -> byOutlet.computeIfAbsent(t.outlet(), k -> new ArrayList<>()).add(t));
      List<ReportModel.TermZ> top = new ArrayList<>();
      byOutlet.values().forEach(l -> top.addAll(l.subList(0, Math.min(8, l.size()))));
      return top;
    });

    assertThat(got).as("stories").containsOnlyKeys("s1", "s2");
    assertThat(got.get("s1")).as("s1: 3 shown outlets × 8").hasSize(24).containsExactlyElementsOf(expected.get("s1"));
    assertThat(got.get("s2")).as("s2: 2 shown outlets × 8").hasSize(16).containsExactlyElementsOf(expected.get("s2"));
    assertThat(got.get("s1")).allSatisfy(t -> assertThat(t.z()).isPositive());
  }

  @Test
  void noStoriesNoQuery() {
    Dataset<Row> none = TestSpark.session().createDataFrame(List.of(), STORY_TERMS);
    assertThat(ReportData.topStoryTerms(none, Map.of(), 8)).isEmpty();
  }
}
