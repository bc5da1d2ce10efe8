package io.joulebench.reports.json;

import io.joulebench.reports.model.BarStack;
import io.joulebench.reports.model.Block;
import io.joulebench.reports.model.Cell;
import io.joulebench.reports.model.Column;
import io.joulebench.reports.model.DomainBadge;
import io.joulebench.reports.model.Fact;
import io.joulebench.reports.model.FactGroup;
import io.joulebench.reports.model.ForestPlot;
import io.joulebench.reports.model.ForestRow;
import io.joulebench.reports.model.Interval;
import io.joulebench.reports.model.LinePlot;
import io.joulebench.reports.model.Marker;
import io.joulebench.reports.model.Note;
import io.joulebench.reports.model.Paragraph;
import io.joulebench.reports.model.Point;
import io.joulebench.reports.model.Preformatted;
import io.joulebench.reports.model.Report;
import io.joulebench.reports.model.ScatterPlot;
import io.joulebench.reports.model.Section;
import io.joulebench.reports.model.Series;
import io.joulebench.reports.model.StackedBars;
import io.joulebench.reports.model.StripPlot;
import io.joulebench.reports.model.Table;
import java.util.List;

/** The whole view model as JSON (schema "joulebench.report/1"): summary.json and the data embedded in the page. */
public final class ReportJson {
    public static final String SCHEMA = "joulebench.report/1";

    private ReportJson() {
    }

    public static String write(Report report) {
        JsonWriter w = new JsonWriter();
        w.beginObject().field("schema", SCHEMA).field("title", report.title()).field("generated", report.generated());
        w.name("provenance").beginArray();
        for (FactGroup g : report.provenance()) {
            w.beginObject().field("group", g.name()).name("facts").beginArray();
            for (Fact f : g.facts()) {
                w.beginObject().field("key", f.key()).field("value", f.value())
                        .field("reason", f.reasonIfMissing()).endObject();
            }
            w.endArray().endObject();
        }
        w.endArray().name("domains").beginArray();
        for (DomainBadge b : report.badges()) {
            w.beginObject().field("domain", b.domain()).field("status", b.status().name())
                    .field("source", b.source()).field("reason", b.reason()).endObject();
        }
        w.endArray();
        notes(w, report.notes());
        w.name("sections").beginArray();
        for (Section s : report.sections()) {
            w.beginObject().field("id", s.kind().id()).field("missing", s.missingReason());
            notes(w, s.notes());
            w.name("blocks").beginArray();
            s.blocks().forEach(b -> block(w, b));
            w.endArray().endObject();
        }
        w.endArray().endObject();
        return w.toString();
    }

    private static void notes(JsonWriter w, List<Note> notes) {
        w.name("notes").beginArray();
        for (Note n : notes) {
            w.beginObject().field("level", n.level().name()).field("text", n.text()).endObject();
        }
        w.endArray();
    }

    private static void block(JsonWriter w, Block b) {
        w.beginObject();
        if (b instanceof Paragraph p) {
            w.field("type", "paragraph").field("text", p.text());
        } else if (b instanceof Preformatted p) {
            w.field("type", "preformatted").field("text", p.text());
        } else if (b instanceof Table t) {
            table(w, t);
        } else if (b instanceof ForestPlot f) {
            w.field("type", "forest").field("id", f.id()).field("title", f.title());
            w.field("axis", f.ratioAxis().text());
            interval(w, "noiseBand", f.noiseBand());
            w.name("rows").beginArray();
            for (ForestRow r : f.rows()) {
                w.beginObject().field("label", r.label()).field("metric", r.metric()).field("ratio", r.ratio());
                interval(w, "interval", r.interval());
                w.field("obtained", r.obtained().name()).endObject();
            }
            w.endArray();
        } else if (b instanceof ScatterPlot s) {
            w.field("type", "scatter").field("id", s.id()).field("title", s.title())
                    .field("x", s.x().text()).field("y", s.y().text());
            series(w, "trials", s.trials());
            series(w, "means", s.means());
        } else if (b instanceof StripPlot s) {
            w.field("type", "strip").field("id", s.id()).field("title", s.title()).field("y", s.y().text());
            series(w, "arms", s.arms());
        } else if (b instanceof LinePlot l) {
            w.field("type", "line").field("id", l.id()).field("title", l.title())
                    .field("x", l.x().text()).field("y", l.y().text());
            series(w, "lines", l.lines());
            markers(w, "xMarkers", l.xMarkers());
            markers(w, "yMarkers", l.yMarkers());
            interval(w, "shadedX", l.shadedX());
        } else if (b instanceof StackedBars s) {
            w.field("type", "stackedBars").field("id", s.id()).field("title", s.title()).field("y", s.y().text());
            w.name("categories").beginArray();
            s.categories().forEach(w::value);
            w.endArray().name("stacks").beginArray();
            for (BarStack st : s.stacks()) {
                w.beginObject().field("name", st.name()).field("obtained", st.obtained().name());
                w.name("values").beginArray();
                st.values().forEach(w::value);
                w.endArray().endObject();
            }
            w.endArray();
        }
        w.endObject();
    }

    private static void table(JsonWriter w, Table t) {
        w.field("type", "table").field("id", t.id()).field("caption", t.caption());
        w.name("columns").beginArray();
        for (Column c : t.columns()) {
            w.beginObject().field("header", c.header()).field("unit", c.unit()).endObject();
        }
        w.endArray().name("rows").beginArray();
        for (List<Cell> row : t.rows()) {
            w.beginArray();
            for (Cell c : row) {
                // Absent keys rather than nulls keep a 1 000-row table small; "value" is always there (null = n/a).
                w.beginObject().field("value", c.number());
                if (c.text() != null) {
                    w.field("text", c.text());
                }
                if (!c.unit().isEmpty()) {
                    w.field("unit", c.unit());
                }
                if (c.interval() != null) {
                    interval(w, "interval", c.interval());
                }
                if (c.sd() != null) {
                    w.field("sd", c.sd());
                }
                if (c.n() != null) {
                    w.name("n").value(c.n());
                }
                w.field("obtained", c.obtained().name());
                if (c.reason() != null) {
                    w.field("reason", c.reason());
                }
                w.endObject();
            }
            w.endArray();
        }
        w.endArray().name("notes").beginArray();
        t.notes().forEach(w::value);
        w.endArray();
    }

    private static void interval(JsonWriter w, String name, Interval i) {
        w.name(name);
        if (i == null) {
            w.value((String) null);
        } else {
            w.beginArray().value(i.lo()).value(i.hi()).endArray();
        }
    }

    private static void markers(JsonWriter w, String name, List<Marker> markers) {
        w.name(name).beginArray();
        for (Marker m : markers) {
            w.beginObject().field("label", m.label()).field("value", m.value()).endObject();
        }
        w.endArray();
    }

    private static void series(JsonWriter w, String name, List<Series> series) {
        w.name(name).beginArray();
        for (Series s : series) {
            w.beginObject().field("name", s.name()).field("group", s.group());
            // Columnar x/y arrays: a third of the size of one object per point.
            w.name("x").beginArray();
            s.points().forEach(p -> w.value(p.x()));
            w.endArray().name("y").beginArray();
            s.points().forEach(p -> w.value(p.y()));
            w.endArray();
            if (s.points().stream().anyMatch(p -> p.label() != null)) {
                w.name("labels").beginArray();
                s.points().forEach(p -> w.value(p.label()));
                w.endArray();
            }
            if (s.points().stream().anyMatch(p -> p.xInterval() != null || p.yInterval() != null)) {
                w.name("intervals").beginArray();
                for (Point p : s.points()) {
                    w.beginObject();
                    interval(w, "x", p.xInterval());
                    interval(w, "y", p.yInterval());
                    w.endObject();
                }
                w.endArray();
            }
            w.endObject();
        }
        w.endArray();
    }
}
