package org.newsframe.stages;

import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.substring;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.newsframe.io.Columns;

/**
 * Splits one connected component of verified copy edges into clusters, each around an origin.
 *
 * <p>The origin is the earliest published member; with ties or unknown dates, the member that
 * contains the most of the others (summed containment), then the smallest id. Its cluster takes the
 * members with a verified edge to it — but a member joins only if it also shares text with every
 * member already in (an edge, or at least {@value #GUARD_MATCHES} equal bins among the first
 * {@value #GUARD_BINS} of their signatures). So two unrelated stories that a third article quotes
 * both of are not merged through it. Nor does a member join an origin when another unassigned
 * member holds clearly more of its text ({@value #CLEARLY_MORE} more): it waits for that one's
 * cluster. The rest of the component is clustered again the same way.
 */
final class ClusterFn implements UDF2<scala.collection.immutable.Seq<Row>, scala.collection.immutable.Seq<Row>, scala.collection.immutable.Seq<Row>> {
  private static final long serialVersionUID = 1L;

  /**
   * Equal signature bins (of {@link #GUARD_BINS}) that show two members share text. Bins hold
   * 64-bit minima, so texts with no shingle in common match in none; a small copy contained in a
   * larger one (a tenth of its size, Jaccard 0.1) matches in about 13.
   */
  static final int GUARD_MATCHES = 2;

  /** How much more of a member's text another member must hold to take it from an origin. */
  static final double CLEARLY_MORE = 0.2;

  /** Signature bins the chaining guard compares. */
  static final int GUARD_BINS = 128;

  static final StructType RESULT =
      new StructType()
          .add(Columns.ID, DataTypes.StringType)
          .add(Columns.OUTLET, DataTypes.StringType)
          .add(Columns.CLUSTER_ID, DataTypes.StringType)
          .add(Columns.ORIGIN_ID, DataTypes.StringType)
          .add(Columns.CONTAINMENT, DataTypes.DoubleType)
          .add(Columns.JACCARD, DataTypes.DoubleType)
          .add(Columns.ORIGIN_EVIDENCE, DataTypes.StringType);

  private record Member(String id, String outlet, LocalDate published, long[] signature, List<String> credits, int shingles) {}

  private record Edge(double containment, double jaccard, double aInB, double bInA) {}

  /** The cluster id of the cluster whose origin is {@code originId}: stable across runs. */
  static String clusterId(String originId) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(originId.getBytes(StandardCharsets.UTF_8));
      StringBuilder hex = new StringBuilder("syn-");
      for (int i = 0; i < 6; i++) {
        hex.append(String.format(Locale.ROOT, "%02x", d[i]));
      }
      return hex.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@link #clusterId} as a Spark expression (same value). */
  static Column clusterIdOf(Column originId) {
    return concat(lit("syn-"), substring(sha2(originId, 256), 1, 12));
  }

  @Override
  public scala.collection.immutable.Seq<Row> call(scala.collection.immutable.Seq<Row> memberRows, scala.collection.immutable.Seq<Row> edgeRows) {
    Map<String, Member> members = new LinkedHashMap<>();
    for (Row r : scala.jdk.javaapi.CollectionConverters.asJava(memberRows)) {
      java.sql.Date d = r.getAs(Columns.PUBLISHED);
      members.put(r.getAs(Columns.ID), new Member(
          r.getAs(Columns.ID), r.getAs(Columns.OUTLET), d == null ? null : d.toLocalDate(),
          Syndication.toLongs(r.getAs(Syndication.SIGNATURE)),
          scala.jdk.javaapi.CollectionConverters.asJava(r.<scala.collection.immutable.Seq<String>>getAs(Syndication.CREDITS)),
          r.<Integer>getAs("n")));
    }
    Map<String, Map<String, Edge>> adj = new HashMap<>();
    for (Row r : scala.jdk.javaapi.CollectionConverters.asJava(edgeRows)) {
      String a = r.getAs(Columns.ID_A);
      String b = r.getAs(Columns.ID_B);
      double c = r.getAs(Columns.CONTAINMENT);
      double j = r.getAs(Columns.JACCARD);
      double aInB = r.getAs(Syndication.A_IN_B);
      double bInA = r.getAs(Syndication.B_IN_A);
      adj.computeIfAbsent(a, k -> new HashMap<>()).put(b, new Edge(c, j, aInB, bInA));
      adj.computeIfAbsent(b, k -> new HashMap<>()).put(a, new Edge(c, j, bInA, aInB));
    }

    List<Row> out = new ArrayList<>();
    Set<String> unassigned = new TreeSet<>(members.keySet());
    while (!unassigned.isEmpty()) {
      Member origin = chooseOrigin(unassigned, members, adj);
      unassigned.remove(origin.id());
      String clusterId = clusterId(origin.id());
      List<Member> cluster = new ArrayList<>();
      cluster.add(origin);
      Map<String, Edge> near = adj.getOrDefault(origin.id(), Map.of());
      List<String> candidates = new ArrayList<>();
      for (String id : near.keySet()) {
        if (unassigned.contains(id)) {
          candidates.add(id);
        }
      }
      candidates.sort(Comparator.comparingDouble((String id) -> -near.get(id).containment()).thenComparing(id -> id));
      List<Row> rows = new ArrayList<>();
      for (String id : candidates) {
        Member m = members.get(id);
        if (belongsElsewhere(id, origin.id(), unassigned, adj) || !resemblesAll(m, cluster, adj)) {
          continue;
        }
        cluster.add(m);
        unassigned.remove(id);
        Edge e = near.get(id);
        rows.add(RowFactory.create(id, m.outlet(), clusterId, origin.id(), e.containment(), e.jaccard(), null));
      }
      out.add(RowFactory.create(origin.id(), origin.outlet(), clusterId, origin.id(), 1.0, 1.0, evidence(origin, cluster, near)));
      out.addAll(rows);
    }
    return scala.jdk.javaapi.CollectionConverters.asScala(out).toList();
  }

  private static Member chooseOrigin(Set<String> unassigned, Map<String, Member> members, Map<String, Map<String, Edge>> adj) {
    Comparator<Member> order =
        Comparator.comparing(Member::published, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(m -> -containsOthers(m, unassigned, adj))
            .thenComparing(Member::id);
    return unassigned.stream().map(members::get).min(order).orElseThrow();
  }

  /** How much of the other unassigned members this one contains, summed. */
  private static double containsOthers(Member m, Set<String> unassigned, Map<String, Map<String, Edge>> adj) {
    double sum = 0;
    for (Map.Entry<String, Edge> e : adj.getOrDefault(m.id(), Map.of()).entrySet()) {
      if (unassigned.contains(e.getKey())) {
        sum += e.getValue().bInA(); // share of the other's shingles found in m
      }
    }
    return sum;
  }

  /**
   * Whether {@code id} has much more of its text in another unassigned member than in {@code
   * origin}: a short copy that an earlier roundup quotes half of joins the article it was copied
   * whole from, not the roundup.
   */
  private static boolean belongsElsewhere(String id, String origin, Set<String> unassigned, Map<String, Map<String, Edge>> adj) {
    Map<String, Edge> mine = adj.getOrDefault(id, Map.of());
    double here = mine.get(origin).aInB();
    for (Map.Entry<String, Edge> e : mine.entrySet()) {
      if (!e.getKey().equals(origin) && unassigned.contains(e.getKey()) && e.getValue().aInB() >= here + CLEARLY_MORE) {
        return true;
      }
    }
    return false;
  }

  private static boolean resemblesAll(Member m, List<Member> cluster, Map<String, Map<String, Edge>> adj) {
    Map<String, Edge> mine = adj.getOrDefault(m.id(), Map.of());
    for (int i = 1; i < cluster.size(); i++) { // the origin (index 0) has an edge by construction
      Member other = cluster.get(i);
      if (!mine.containsKey(other.id()) && equalBins(m.signature(), other.signature()) < GUARD_MATCHES) {
        return false;
      }
    }
    return true;
  }

  private static int equalBins(long[] a, long[] b) {
    int same = 0;
    for (int i = 0; i < Math.min(a.length, b.length); i++) {
      if (a[i] == b[i] && a[i] != Long.MAX_VALUE) {
        same++;
      }
    }
    return same;
  }

  private static String evidence(Member origin, List<Member> cluster, Map<String, Edge> near) {
    List<String> parts = new ArrayList<>();
    if (cluster.size() == 1) {
      return "no copy kept in its cluster";
    }
    boolean othersDated = cluster.stream().skip(1).anyMatch(m -> m.published() != null);
    if (origin.published() != null) {
      parts.add("earliest published (" + origin.published() + (othersDated ? "" : "; the copies are undated") + ")");
    } else {
      double avg = cluster.stream().skip(1).mapToDouble(m -> near.get(m.id()).bInA()).average().orElse(0);
      parts.add(String.format(Locale.ROOT, "undated; contains the most of the others (%.2f of their text on average)", avg));
    }
    Set<String> credits = new HashSet<>();
    cluster.forEach(m -> credits.addAll(m.credits()));
    for (String wire : new TreeSet<>(credits)) {
      long n = cluster.stream().filter(m -> m.credits().contains(wire)).count();
      parts.add(wire.equals(origin.outlet())
          ? "wire credit " + wire + " in " + n + " of " + cluster.size() + " texts matches the origin's outlet"
          : "wire credit " + wire + " in " + n + " of " + cluster.size() + " texts (no " + wire + " member is the origin)");
    }
    return String.join("; ", parts);
  }
}
