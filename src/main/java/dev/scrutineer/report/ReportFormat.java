package dev.scrutineer.report;

import dev.scrutineer.model.Analysis;
import dev.scrutineer.model.Backtest;
import dev.scrutineer.model.Drill;
import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import java.util.Optional;

/** The output formats, each with its renderer. */
public enum ReportFormat {
  TEXT {
    @Override
    public String render(Analysis analysis, RenderOptions options) {
      return new TextReport(options.colour()).render(analysis);
    }

    @Override
    public String render(Backtest backtest, RenderOptions options) {
      return BacktestReport.text(backtest);
    }
  },
  MARKDOWN {
    @Override
    public String render(Analysis analysis, RenderOptions options) {
      return new MarkdownReport().render(analysis);
    }

    @Override
    public String render(Backtest backtest, RenderOptions options) {
      return BacktestReport.markdown(backtest);
    }
  },
  JSON {
    @Override
    public String render(Analysis analysis, RenderOptions options) {
      return new JsonReport(options.toolVersion()).render(analysis);
    }

    @Override
    public void write(Analysis analysis, RenderOptions options, Writer out) throws IOException {
      new JsonReport(options.toolVersion()).write(analysis, out);
    }

    @Override
    public String render(Backtest backtest, RenderOptions options) {
      return BacktestReport.json(backtest, options.toolVersion());
    }
  };

  public abstract String render(Analysis analysis, RenderOptions options);

  public abstract String render(Backtest backtest, RenderOptions options);

  /**
   * Writes what {@link #render(Analysis, RenderOptions)} returns; JSON streams it instead of
   * building it whole first, as a report listing tens of thousands of tests is ten megabytes.
   */
  public void write(Analysis analysis, RenderOptions options, Writer out) throws IOException {
    out.write(render(analysis, options));
  }

  /** A failure drill: Markdown for people (text is the same Markdown), JSON for tools. */
  public String renderDrill(Drill drill, String toolVersion) {
    return this == JSON ? DrillJson.render(drill, toolVersion) : DrillMarkdown.render(drill);
  }

  public static Optional<ReportFormat> byName(String name) {
    for (ReportFormat format : values()) {
      if (format.name().equalsIgnoreCase(name)) {
        return Optional.of(format);
      }
    }
    return Optional.empty();
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
