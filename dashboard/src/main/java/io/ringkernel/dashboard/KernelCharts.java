package io.ringkernel.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * Live charts of the selected kernel only: queue depths, throughput and latency over the
 * history window. A new selection redraws them from its history; each new sample adds one point.
 */
final class KernelCharts {
    private final HistoryBook histories;
    private final ObservableValue<KernelRow> selection;
    private final List<Plot> plots = new ArrayList<>();
    private final VBox view = new VBox();

    /** A series and the sample value it draws. */
    private record Plot(XYChart.Series<Number, Number> series, ToDoubleFunction<KernelSample> value) {

        XYChart.Data<Number, Number> point(KernelSample sample) {
            return new XYChart.Data<>(sample.epochSecond(), value.applyAsDouble(sample));
        }
    }

    /**
     * @param histories every kernel's history
     * @param selection the selected row, null when none is
     */
    KernelCharts(HistoryBook histories, ObservableValue<KernelRow> selection) {
        this.histories = histories;
        this.selection = selection;
        view.setId("charts");
        view.getChildren().addAll(
                chart("depthChart", "Queue depth (slots)",
                        plot("in", sample -> sample.inputDepth()), plot("out", sample -> sample.outputDepth())),
                chart("throughputChart", "Throughput (msg/s)", plot("processed", KernelSample::throughput)),
                chart("latencyChart", "Latency (µs)",
                        plot("p50", KernelSample::p50Micros), plot("p99", KernelSample::p99Micros)));
        selection.addListener((observable, before, after) -> redraw());
    }

    /** @return the charts, stacked */
    Node view() {
        return view;
    }

    /** Adds the selected kernel's newest sample, dropping points older than the window. */
    void sampled() {
        KernelRow row = selection.getValue();
        if (row == null) {
            return;
        }
        histories.latest(row.kernelId()).ifPresent(sample -> {
            long oldest = sample.epochSecond() - HistoryBook.WINDOW.toSeconds();
            for (Plot plot : plots) {
                List<XYChart.Data<Number, Number>> data = plot.series().getData();
                data.add(plot.point(sample));
                while (data.get(0).getXValue().longValue() <= oldest) {
                    data.remove(0);
                }
            }
        });
    }

    private void redraw() {
        KernelRow row = selection.getValue();
        List<KernelSample> samples = row == null ? List.of() : histories.samples(row.kernelId());
        for (Plot plot : plots) {
            plot.series().getData().setAll(samples.stream().map(plot::point).toList());
        }
    }

    private Plot plot(String name, ToDoubleFunction<KernelSample> value) {
        XYChart.Series<Number, Number> series = new XYChart.Series<>();
        series.setName(name);
        Plot plot = new Plot(series, value);
        plots.add(plot);
        return plot;
    }

    private static LineChart<Number, Number> chart(String id, String title, Plot... plots) {
        NumberAxis time = new NumberAxis();
        time.setForceZeroInRange(false);
        time.setAnimated(false);
        time.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number epochSecond) {
                return Formats.clockSeconds(epochSecond.longValue());
            }

            @Override
            public Number fromString(String text) {
                throw new UnsupportedOperationException("the time axis is read-only");
            }
        });
        NumberAxis values = new NumberAxis();
        values.setAnimated(false);
        LineChart<Number, Number> chart = new LineChart<>(time, values);
        chart.setId(id);
        chart.setTitle(title);
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        chart.setMinHeight(120);
        for (Plot plot : plots) {
            chart.getData().add(plot.series());
        }
        VBox.setVgrow(chart, Priority.ALWAYS);
        return chart;
    }
}
