package io.joulebench.reports.model;

/** A chart to render; its id names charts/ID.svg and charts/ID.png and its HTML anchor. */
public sealed interface Chart extends Block permits ForestPlot, ScatterPlot, StripPlot, LinePlot, StackedBars {
    String id();

    String title();
}
