package org.newsframe.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.newsframe.report.ReportModel.Article;
import org.newsframe.report.ReportModel.Corpus;
import org.newsframe.report.ReportModel.EditRow;
import org.newsframe.report.ReportModel.EntityRow;
import org.newsframe.report.ReportModel.QuoteRow;
import org.newsframe.report.ReportModel.Story;
import org.newsframe.report.ReportModel.TermZ;

/**
 * The framing report: {@code index.html} (one self-contained file: inline CSS, inline SVG charts,
 * no script, no network) and {@code report.md}. Every piece of article text is escaped.
 */
public final class ReportWriter {
  private static final int KWIC = 70;

  private ReportWriter() {}

  /** Both documents: {@code index.html} → content, {@code report.md} → content. */
  public static Map<String, String> write(Corpus corpus, List<Story> stories) {
    Map<String, String> out = new LinkedHashMap<>();
    out.put("index.html", html(corpus, stories));
    out.put("report.md", markdown(corpus, stories));
    return out;
  }

  // ---------------------------------------------------------------- HTML

  static String html(Corpus c, List<Story> stories) {
    StringBuilder b = new StringBuilder(64 * 1024);
    b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>newsframe report</title><style>")
        .append("body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:1200px;padding:0 1rem;color:#222;line-height:1.4}")
        .append("h1{font-size:1.6rem}h2{font-size:1.3rem;border-bottom:2px solid #ccc;margin-top:2.5rem}h3{font-size:1.05rem;margin-top:1.5rem}")
        .append("table{border-collapse:collapse;margin:.5rem 0;font-size:.9rem}th,td{border:1px solid #ccc;padding:.25rem .5rem;vertical-align:top;text-align:left}")
        .append("th{background:#f3f3f3}.num{text-align:right}.cut{background:#fde2e2}.added{background:#e2f5e2}.edited{background:#fff4d6}")
        .append(".kwic{font-family:ui-monospace,monospace;font-size:.85rem}.kwic b{background:#ffe58a}.muted{color:#777}")
        .append(".charts{display:flex;flex-wrap:wrap;gap:1rem}.charts svg{border:1px solid #eee}")
        .append("</style></head><body>\n");
    b.append("<h1>newsframe: how outlets framed the same stories</h1>\n");
    b.append("<h2 id=\"corpus\">Corpus</h2>\n<table>");
    row(b, "Articles", String.valueOf(c.articles()));
    row(b, "Outlets", String.valueOf(c.outlets()));
    row(b, "Rejected rows", String.valueOf(c.rejected()));
    row(b, "Syndication clusters with copies", String.valueOf(c.copyClusters()));
    row(b, "Stories", String.valueOf(c.stories()));
    row(b, "Stories covered by several outlets", String.valueOf(c.multiOutletStories()));
    b.append("</table>\n");
    if (!c.articlesByOutlet().isEmpty()) {
      b.append("<table><tr><th>Outlet</th><th>Articles</th></tr>");
      c.articlesByOutlet().forEach((o, n) -> b.append("<tr><td>").append(esc(o)).append("</td><td class=\"num\">").append(n).append("</td></tr>"));
      b.append("</table>\n");
    }
    if (stories.isEmpty()) {
      b.append("<p>No story is covered by more than one outlet.</p>");
    }
    int n = 0;
    for (Story s : stories) {
      storyHtml(b, s, ++n);
    }
    b.append("</body></html>\n");
    return b.toString();
  }

  private static void storyHtml(StringBuilder b, Story s, int n) {
    b.append("<h2 id=\"").append(esc(s.id())).append("\">Story ").append(n).append(": ").append(esc(s.label())).append("</h2>\n");
    b.append("<p class=\"muted\">").append(esc(s.id())).append(" · ").append(s.size()).append(" articles");
    if (s.size() > s.articles().size()) {
      b.append(" (").append(s.articles().size()).append(" shown: one an outlet first)");
    }
    b.append("</p>\n");
    List<Article> arts = s.articles();
    b.append("<h3>Outlets side by side</h3>\n<table><tr><th></th>");
    for (Article a : arts) {
      b.append("<th>").append(esc(a.outlet())).append("</th>");
    }
    b.append("</tr>");
    rowPer(b, "Title", arts, a -> a.title() == null ? "—" : a.title());
    rowPer(b, "Published", arts, a -> a.published() == null ? "unknown" : a.published());
    String[][] features = {
      {"syndication_role", "Syndication role"}, {"length_words", "Length (words)"}, {"claim_position", "Claim first appears"},
      {"quotes", "Quotes"}, {"quoted_words", "Quoted words"}, {"first_quoted", "Quoted first"},
      {"verbs.neutral", "Neutral verbs (said, told)"}, {"verbs.assertive", "Assertive verbs (accused, criticized)"},
      {"verbs.distancing", "Distancing verbs (claimed, alleged)"}, {"verbs.denial", "Denial verbs (denied, dismissed)"},
      {"verbs.list", "Attribution verbs"}, {"rebuttals", "Rebuttals"}, {"rebuttals.list", "Rebuttal phrases"},
      {"rebuttals.first_paragraph", "First rebuttal (paragraph)"}, {"denials.list", "Denial words"},
      {"hedges", "Hedges"}, {"hedges.list", "Hedge words"}};
    for (String[] f : features) {
      rowPer(b, f[1], arts, a -> feature(s, a, f[0]));
    }
    rowPer(b, "Quoted words by affiliation", arts, a -> prefixed(s, a, "quoted_share."));
    rowPer(b, "Naming choices (entities named differently)", arts, a -> naming(s, a));
    b.append("</table>\n");

    b.append("<div class=\"charts\">");
    b.append(termsChart(s));
    b.append(affiliationChart(s));
    b.append("</div>\n");

    b.append("<h3>Distinctive terms (Fightin' Words z within the story, each outlet against the others)</h3>\n");
    Map<String, List<TermZ>> byOutlet = topTerms(s);
    if (byOutlet.isEmpty()) {
      b.append("<p class=\"muted\">Too little text to compare.</p>");
    } else {
      b.append("<table><tr><th>Outlet</th><th>Terms (z; * |z| ≥ 1.96)</th></tr>");
      byOutlet.forEach((o, ts) -> {
        b.append("<tr><td>").append(esc(o)).append("</td><td>");
        List<String> parts = new ArrayList<>();
        ts.forEach(t -> parts.add(esc(t.term()) + " (" + String.format(Locale.ROOT, "%+.2f", t.z()) + (t.significant() ? "*" : "") + ")"));
        b.append(String.join(", ", parts)).append("</td></tr>");
      });
      b.append("</table>\n");
    }

    b.append("<h3>Entities</h3>\n<table><tr><th>Outlet</th><th>Most mentioned</th></tr>");
    for (Article a : arts) {
      List<String> parts = new ArrayList<>();
      s.entities().stream().filter(e -> e.id().equals(a.id())).limit(10)
          .forEach(e -> parts.add(esc(e.entity()) + " <span class=\"muted\">" + esc(e.type().toLowerCase(Locale.ROOT)) + "</span> " + e.mentions()));
      b.append("<tr><td>").append(esc(a.outlet())).append("</td><td>").append(String.join(", ", parts)).append("</td></tr>");
    }
    b.append("</table>\n");

    b.append("<h3>Quote ledger</h3>\n<table><tr><th>Outlet</th><th>#</th><th>Speaker</th><th>Affiliation</th><th>Verb</th><th>Words</th><th>Quote</th></tr>");
    for (Article a : arts) {
      for (QuoteRow q : s.quotes()) {
        if (q.id().equals(a.id())) {
          b.append("<tr><td>").append(esc(a.outlet())).append("</td><td class=\"num\">").append(q.index()).append("</td><td>")
              .append(esc(q.speaker() == null ? "unknown" : q.speaker())).append("</td><td>").append(esc(q.affiliation()))
              .append("</td><td>").append(esc(q.verb() == null ? "" : q.verb() + (q.verbClass() == null ? "" : " (" + q.verbClass() + ")")))
              .append("</td><td class=\"num\">").append(q.words()).append("</td><td>").append(esc(shorten(q.quote(), 240))).append("</td></tr>");
        }
      }
    }
    b.append("</table>\n");

    b.append("<h3>Keywords in context</h3>\n");
    for (Article a : arts) {
      List<String> phrases = new ArrayList<>();
      for (String key : new String[] {"rebuttals.list", "denials.list", "hedges.list"}) {
        for (String part : feature(s, a, key).split("; ")) {
          if (!part.isBlank() && !part.equals("—")) {
            phrases.add(part.replaceAll(" \\d+$", ""));
          }
        }
      }
      List<String> snippets = kwic(a.cleanText(), phrases, 6);
      if (!snippets.isEmpty()) {
        b.append("<p><b>").append(esc(a.outlet())).append("</b></p><ul class=\"kwic\">");
        snippets.forEach(x -> b.append("<li>").append(x).append("</li>"));
        b.append("</ul>\n");
      }
    }

    for (Article a : arts) {
      List<EditRow> edits = s.edits().stream().filter(e -> e.copyId().equals(a.id())).toList();
      if (edits.isEmpty()) {
        continue;
      }
      String origin = arts.stream().filter(x -> x.id().equals(edits.get(0).originId())).map(Article::outlet).findFirst().orElse(edits.get(0).originId());
      b.append("<h3>Edit diff: ").append(esc(a.outlet())).append(" against ").append(esc(origin)).append("</h3>\n");
      b.append("<table><tr><th>Op</th><th>").append(esc(origin)).append("</th><th>").append(esc(a.outlet())).append("</th><th>Changes</th></tr>");
      for (EditRow e : edits) {
        if (e.op().equals("kept")) {
          continue;
        }
        b.append("<tr class=\"").append(esc(e.op())).append("\"><td>").append(esc(e.op())).append("</td><td>")
            .append(esc(e.originText() == null ? "" : e.originText())).append("</td><td>").append(esc(e.copyText() == null ? "" : e.copyText()))
            .append("</td><td>").append(esc(String.join(", ", e.changes()))).append("</td></tr>");
      }
      long kept = edits.stream().filter(e -> e.op().equals("kept")).count();
      b.append("</table><p class=\"muted\">").append(kept).append(" sentences kept unchanged.</p>\n");
    }
  }

  private static String termsChart(Story s) {
    Map<String, List<TermZ>> byOutlet = topTerms(s);
    if (byOutlet.isEmpty()) {
      return "";
    }
    List<Charts.Bar> bars = new ArrayList<>();
    byOutlet.forEach((o, ts) -> ts.stream().limit(5).forEach(t -> bars.add(new Charts.Bar(o, t.term() + " (" + o + ")", t.z()))));
    return Charts.bars("Distinctive terms (z)", "z", bars, false, 560, Math.max(180, 80 + 22 * bars.size()));
  }

  private static String affiliationChart(Story s) {
    List<Charts.Bar> bars = new ArrayList<>();
    for (Article a : s.articles()) {
      Map<String, Double> words = new TreeMap<>();
      s.quotes().stream().filter(q -> q.id().equals(a.id())).forEach(q -> words.merge(q.affiliation(), (double) q.words(), Double::sum));
      words.forEach((aff, w) -> bars.add(new Charts.Bar(aff, a.outlet(), w)));
    }
    if (bars.isEmpty()) {
      return "";
    }
    return Charts.bars("Quoted words by affiliation", "words", bars, true, 560, Math.max(180, 120 + 40 * s.articles().size()));
  }

  /** Each outlet's positive terms, strongest first. */
  private static Map<String, List<TermZ>> topTerms(Story s) {
    Map<String, List<TermZ>> out = new TreeMap<>();
    s.terms().stream().filter(t -> t.z() > 0)
        .sorted((x, y) -> Double.compare(y.z(), x.z()))
        .forEach(t -> {
          List<TermZ> l = out.computeIfAbsent(t.outlet(), k -> new ArrayList<>());
          if (l.size() < ReportModel.TERMS_PER_OUTLET) {
            l.add(t);
          }
        });
    return out;
  }

  /** Escaped snippets around each phrase, the phrase in bold. */
  static List<String> kwic(String text, List<String> phrases, int max) {
    List<String> out = new ArrayList<>();
    if (text == null) {
      return out;
    }
    for (String p : phrases) {
      Matcher m = Pattern.compile("(?<![\\p{L}])" + Pattern.quote(p).replace(" ", "\\E\\s+\\Q") + "(?![\\p{L}])", Pattern.CASE_INSENSITIVE).matcher(text);
      if (m.find()) {
        int from = Math.max(0, m.start() - KWIC);
        int to = Math.min(text.length(), m.end() + KWIC);
        out.add((from > 0 ? "…" : "") + esc(text.substring(from, m.start()).replace('\n', ' ')) + "<b>" + esc(m.group()) + "</b>"
            + esc(text.substring(m.end(), to).replace('\n', ' ')) + (to < text.length() ? "…" : ""));
      }
      if (out.size() >= max) {
        break;
      }
    }
    return out;
  }

  private static String feature(Story s, Article a, String key) {
    String v = s.features().getOrDefault(a.id(), Map.of()).get(key);
    return v == null || v.isEmpty() ? "—" : v;
  }

  private static String prefixed(Story s, Article a, String prefix) {
    List<String> parts = new ArrayList<>();
    s.features().getOrDefault(a.id(), Map.of()).forEach((k, v) -> {
      if (k.startsWith(prefix)) {
        parts.add(k.substring(prefix.length()) + ": " + v);
      }
    });
    return parts.isEmpty() ? "—" : String.join("\n", parts);
  }

  /**
   * The names an article uses for the entities the story's articles name in more than one way
   * ("Islamic State: IS 7; ISIS 6 ...").
   */
  static String naming(Story s, Article a) {
    Map<String, java.util.Set<String>> forms = new TreeMap<>();
    for (Article x : s.articles()) {
      s.features().getOrDefault(x.id(), Map.of()).forEach((k, v) -> {
        if (k.startsWith("naming.")) {
          for (String part : v.split("; ")) {
            forms.computeIfAbsent(k, kk -> new java.util.TreeSet<>()).add(part.replaceAll(" \\d+$", ""));
          }
        }
      });
    }
    List<String> parts = new ArrayList<>();
    s.features().getOrDefault(a.id(), Map.of()).forEach((k, v) -> {
      if (k.startsWith("naming.") && forms.getOrDefault(k, java.util.Set.of()).size() > 1) {
        parts.add(k.substring("naming.".length()) + ": " + v);
      }
    });
    return parts.isEmpty() ? "—" : String.join("\n", parts);
  }

  private static void row(StringBuilder b, String k, String v) {
    b.append("<tr><th>").append(esc(k)).append("</th><td class=\"num\">").append(esc(v)).append("</td></tr>");
  }

  private static void rowPer(StringBuilder b, String label, List<Article> arts, java.util.function.Function<Article, String> value) {
    b.append("<tr><th>").append(esc(label)).append("</th>");
    for (Article a : arts) {
      b.append("<td>").append(esc(value.apply(a)).replace("\n", "<br>")).append("</td>");
    }
    b.append("</tr>");
  }

  /** HTML-escapes text for element content and attribute values. */
  public static String esc(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      switch (ch) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(ch);
      }
    }
    return b.toString();
  }

  private static String shorten(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }

  // ---------------------------------------------------------------- Markdown

  static String markdown(Corpus c, List<Story> stories) {
    StringBuilder b = new StringBuilder();
    b.append("# newsframe: how outlets framed the same stories\n\n## Corpus\n\n");
    b.append("| | |\n|---|---|\n");
    b.append("| Articles | ").append(c.articles()).append(" |\n| Outlets | ").append(c.outlets()).append(" |\n| Rejected rows | ")
        .append(c.rejected()).append(" |\n| Syndication clusters with copies | ").append(c.copyClusters()).append(" |\n| Stories | ")
        .append(c.stories()).append(" |\n| Stories covered by several outlets | ").append(c.multiOutletStories()).append(" |\n");
    int n = 0;
    for (Story s : stories) {
      n++;
      b.append("\n## Story ").append(n).append(": ").append(md(s.label())).append("\n\n");
      b.append("| | ");
      s.articles().forEach(a -> b.append(md(a.outlet())).append(" | "));
      b.append("\n|---|");
      s.articles().forEach(a -> b.append("---|"));
      b.append("\n");
      String[][] features = {
        {"syndication_role", "Syndication role"}, {"length_words", "Length (words)"}, {"claim_position", "Claim first appears"},
        {"quotes", "Quotes"}, {"first_quoted", "Quoted first"}, {"verbs.list", "Attribution verbs"},
        {"rebuttals", "Rebuttals"}, {"rebuttals.list", "Rebuttal phrases"}, {"denials.list", "Denial words"}, {"hedges.list", "Hedge words"}};
      for (String[] f : features) {
        b.append("| ").append(f[1]).append(" | ");
        s.articles().forEach(a -> b.append(md(feature(s, a, f[0]))).append(" | "));
        b.append("\n");
      }
      b.append("| Quoted words by affiliation | ");
      s.articles().forEach(a -> b.append(md(prefixed(s, a, "quoted_share.").replace("\n", "; "))).append(" | "));
      b.append("\n| Naming choices | ");
      s.articles().forEach(a -> b.append(md(naming(s, a).replace("\n", "; "))).append(" | "));
      b.append("\n\n### Distinctive terms (z)\n\n");
      topTerms(s).forEach((o, ts) -> {
        List<String> parts = new ArrayList<>();
        ts.forEach(t -> parts.add(md(t.term()) + " " + String.format(Locale.ROOT, "%+.2f", t.z()) + (t.significant() ? "*" : "")));
        b.append("- **").append(md(o)).append("**: ").append(String.join(", ", parts)).append("\n");
      });
      b.append("\n### Quote ledger\n\n| Outlet | # | Speaker | Affiliation | Verb | Words | Quote |\n|---|---|---|---|---|---|---|\n");
      for (Article a : s.articles()) {
        s.quotes().stream().filter(q -> q.id().equals(a.id())).forEach(q -> b.append("| ").append(md(a.outlet())).append(" | ").append(q.index())
            .append(" | ").append(md(q.speaker() == null ? "unknown" : q.speaker())).append(" | ").append(md(q.affiliation())).append(" | ")
            .append(md(q.verb() == null ? "" : q.verb())).append(" | ").append(q.words()).append(" | ").append(md(shorten(q.quote(), 160))).append(" |\n"));
      }
      for (Article a : s.articles()) {
        List<EditRow> edits = s.edits().stream().filter(e -> e.copyId().equals(a.id()) && !e.op().equals("kept")).toList();
        if (!edits.isEmpty()) {
          b.append("\n### Edit diff: ").append(md(a.outlet())).append("\n\n| Op | Origin | Copy | Changes |\n|---|---|---|---|\n");
          edits.forEach(e -> b.append("| ").append(e.op()).append(" | ").append(md(e.originText() == null ? "" : e.originText())).append(" | ")
              .append(md(e.copyText() == null ? "" : e.copyText())).append(" | ").append(md(String.join(", ", e.changes()))).append(" |\n"));
        }
      }
    }
    return b.toString();
  }

  /** Markdown-safe table cell text: no HTML, no pipes, no line breaks. */
  static String md(String s) {
    return esc(s).replace("|", "\\|").replace("\n", " ");
  }
}
