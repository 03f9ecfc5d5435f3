package org.newsframe.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.svg.SVGGraphics2D;

/** Charts for the report, drawn by JFreeChart and written as inline SVG by JFreeSVG. */
public final class Charts {
  static {
    System.setProperty("java.awt.headless", "true");
  }

  private Charts() {}

  /** One labelled value of a bar chart. */
  public record Bar(String series, String category, double value) {}

  /**
   * A horizontal bar chart as an SVG element ({@code <svg ...>...</svg>}); categories in the order
   * given, one colour per series.
   */
  public static String bars(String title, String valueAxis, List<Bar> bars, boolean stacked, int width, int height) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    for (Bar b : bars) {
      data.addValue(b.value(), b.series(), b.category());
    }
    JFreeChart chart = stacked
        ? ChartFactory.createStackedBarChart(title, null, valueAxis, data, PlotOrientation.HORIZONTAL, true, false, false)
        : ChartFactory.createBarChart(title, null, valueAxis, data, PlotOrientation.HORIZONTAL, true, false, false);
    chart.setBackgroundPaint(Color.WHITE);
    chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
    CategoryPlot plot = chart.getCategoryPlot();
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(new Color(0xDDDDDD));
    BarRenderer r = (BarRenderer) plot.getRenderer();
    r.setBarPainter(new StandardBarPainter());
    r.setShadowVisible(false);
    Color[] palette = {new Color(0x1F77B4), new Color(0xFF7F0E), new Color(0x2CA02C), new Color(0xD62728),
        new Color(0x9467BD), new Color(0x8C564B), new Color(0xE377C2), new Color(0x7F7F7F)};
    for (int i = 0; i < data.getRowCount(); i++) {
      r.setSeriesPaint(i, palette[i % palette.length]);
    }
    SVGGraphics2D g = new SVGGraphics2D(width, height);
    // JFreeSVG prefixes its clip-path ids with the clock; ids from the chart's content keep the
    // same report byte for byte on every run (and distinct charts' ids distinct).
    g.setDefsKeyPrefix("nf" + Integer.toHexString(java.util.Objects.hash(title, valueAxis, bars, stacked, width, height)) + "-");
    chart.draw(g, new Rectangle(0, 0, width, height));
    return g.getSVGElement();
  }

  /** Bars from a nested map: series → category → value. */
  public static List<Bar> fromMap(Map<String, Map<String, Double>> m) {
    List<Bar> out = new java.util.ArrayList<>();
    m.forEach((series, cats) -> cats.forEach((c, v) -> out.add(new Bar(series, c, v))));
    return out;
  }
}
