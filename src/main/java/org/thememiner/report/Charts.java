package org.thememiner.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

/** The report's charts: JFreeChart drawn onto JFreeSVG, returned as SVG markup to inline in the page. */
final class Charts {
  private static final Color BLUE = new Color(0x21, 0x66, 0x9d);
  private static final Font TITLE = new Font("SansSerif", Font.BOLD, 14);
  /** SVG ids must be unique within the page: every chart gets its own prefix. */
  private static final AtomicInteger CHART_NO = new AtomicInteger();

  static {
    System.setProperty("java.awt.headless", "true");
  }

  private Charts() {}

  /** Vertical bars, one per category in the map's order. */
  static String bars(String title, String xLabel, String yLabel, Map<String, ? extends Number> values, int width, int height) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    values.forEach((category, value) -> data.addValue(value, yLabel, category));
    JFreeChart chart = ChartFactory.createBarChart(title, xLabel, yLabel, data, PlotOrientation.VERTICAL, false, false, false);
    String text = yLabel + " by " + xLabel + ": " + values.entrySet().stream().map(e -> e.getKey() + " " + number(e.getValue()))
        .collect(Collectors.joining(", ")) + ".";
    CategoryPlot plot = chart.getCategoryPlot();
    BarRenderer renderer = (BarRenderer) plot.getRenderer();
    renderer.setBarPainter(new StandardBarPainter());
    renderer.setShadowVisible(false);
    renderer.setSeriesPaint(0, BLUE);
    renderer.setMaximumBarWidth(0.08);
    return svg(style(chart), title, text, width, height);
  }

  /** A line through (x, y) points, e.g. silhouette by number of themes; {@code mark} is drawn as a vertical line. */
  static String line(String title, String xLabel, String yLabel, List<double[]> points, Double mark, int width, int height) {
    XYSeries series = new XYSeries(yLabel);
    points.forEach(p -> series.add(p[0], p[1]));
    JFreeChart chart = ChartFactory.createXYLineChart(title, xLabel, yLabel, new XYSeriesCollection(series),
        PlotOrientation.VERTICAL, false, false, false);
    XYPlot plot = chart.getXYPlot();
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
    renderer.setSeriesPaint(0, BLUE);
    renderer.setSeriesStroke(0, new BasicStroke(2f));
    plot.setRenderer(renderer);
    if (mark != null) {
      plot.addDomainMarker(new org.jfree.chart.plot.ValueMarker(mark, new Color(0xe6, 0x7e, 0x22), new BasicStroke(2f)));
    }
    String text = yLabel + " by " + xLabel + ": " + points.stream().map(p -> number(p[0]) + " " + number(p[1]))
        .collect(Collectors.joining(", ")) + (mark == null ? "." : "; marked: " + number(mark) + ".");
    return svg(style(chart), title, text, width, height);
  }

  /** A heatmap of values in [0, 1]: rows bottom to top in the given order, columns left to right. */
  static String heatmap(String title, List<String> rows, List<String> columns, double[][] values, int width, int height) {
    int n = rows.size() * columns.size();
    double[][] xyz = new double[3][n];
    int i = 0;
    for (int r = 0; r < rows.size(); r++) {
      for (int c = 0; c < columns.size(); c++, i++) {
        xyz[0][i] = c;
        xyz[1][i] = r;
        xyz[2][i] = values[r][c];
      }
    }
    DefaultXYZDataset data = new DefaultXYZDataset();
    data.addSeries("similarity", xyz);
    XYBlockRenderer renderer = new XYBlockRenderer();
    renderer.setPaintScale(new HeatScale());
    SymbolAxis x = new SymbolAxis(null, columns.toArray(new String[0]));
    x.setVerticalTickLabels(true);
    SymbolAxis y = new SymbolAxis(null, rows.toArray(new String[0]));
    XYPlot plot = new XYPlot(data, x, y, renderer);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinesVisible(false);
    plot.setRangeGridlinesVisible(false);
    JFreeChart chart = new JFreeChart(title, TITLE, plot, false);
    StringBuilder text = new StringBuilder(rows.size() + " rows by " + columns.size() + " columns:");
    for (int r = 0; r < rows.size(); r++) {
      text.append(' ').append(rows.get(r)).append(':');
      for (int c = 0; c < columns.size(); c++) text.append(' ').append(columns.get(c)).append(' ').append(number(values[r][c]));
      text.append(';');
    }
    return svg(style(chart), title, text.toString(), width, height);
  }

  /** White (0) to the report's blue (1), the colours of the numeric heatmap tables. */
  private static final class HeatScale implements PaintScale {
    @Override
    public double getLowerBound() {
      return 0;
    }

    @Override
    public double getUpperBound() {
      return 1;
    }

    @Override
    public Paint getPaint(double value) {
      return Color.decode(Html.heat(value));
    }
  }

  private static JFreeChart style(JFreeChart chart) {
    chart.setBackgroundPaint(Color.WHITE);
    chart.setAntiAlias(true);
    TextTitle t = chart.getTitle();
    if (t != null) t.setFont(TITLE);
    chart.getPlot().setBackgroundPaint(Color.WHITE);
    chart.getPlot().setOutlineVisible(false);
    return chart;
  }

  /**
   * The chart as an SVG element that a screen reader reads as one image: its title, and the figures it draws as
   * text ({@code <title>} and {@code <desc>}, named by {@code aria-labelledby}).
   */
  private static String svg(JFreeChart chart, String title, String text, int width, int height) {
    SVGGraphics2D g = new SVGGraphics2D(width, height);
    String id = "c" + CHART_NO.incrementAndGet();
    g.setDefsKeyPrefix(id + "_");
    chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
    String element = g.getSVGElement();
    int open = element.indexOf('>', element.indexOf("<svg")) + 1;
    return element.substring(0, open - 1) + " role=\"img\" aria-labelledby=\"" + id + "_title " + id + "_desc\">"
        + "<title id=\"" + id + "_title\">" + Html.esc(title) + "</title><desc id=\"" + id + "_desc\">" + Html.esc(text)
        + "</desc>" + element.substring(open);
  }

  /** A figure as a reader says it: whole numbers without decimals, others to two. */
  private static String number(Number n) {
    double v = n.doubleValue();
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(Locale.ROOT, "%.2f", v);
  }
}
