package io.joulebench.reports.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Which way is better on each axis of a scatter plot, and the non-dominated points (the Pareto front) under it.
 */
public record Pareto(boolean lowerXBetter, boolean higherYBetter) {

    /** Lower energy and higher accuracy are better. */
    public static Pareto lowXHighY() {
        return new Pareto(true, true);
    }

    /** The points no other point beats on both axes, sorted by x. */
    public List<Point> front(List<Point> points) {
        // Sweep from the best x to the worst, keeping a point when its y beats every y seen so far.
        Comparator<Point> byX = Comparator.comparingDouble(Point::x);
        Comparator<Point> bestXFirst = lowerXBetter ? byX : byX.reversed();
        Comparator<Point> bestYFirst = Comparator.comparingDouble(Point::y);
        if (higherYBetter) {
            bestYFirst = bestYFirst.reversed();
        }
        List<Point> sorted = new ArrayList<>(points);
        sorted.sort(bestXFirst.thenComparing(bestYFirst));
        List<Point> front = new ArrayList<>();
        Double bestY = null;
        for (Point p : sorted) {
            if (bestY == null || (higherYBetter ? p.y() > bestY : p.y() < bestY)) {
                front.add(p);
                bestY = p.y();
            }
        }
        front.sort(byX);
        return front;
    }
}
