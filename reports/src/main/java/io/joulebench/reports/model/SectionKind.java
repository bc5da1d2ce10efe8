package io.joulebench.reports.model;

/** The report's sections, in the order the spec (shared/spec/reports.md) gives them; the id is the HTML anchor. */
public enum SectionKind {
    PROVENANCE("provenance", "Provenance"),
    HEADLINE("headline", "Headline results"),
    REFERENCE("reference", "Side by side with the reference study"),
    FOREST("forest", "Ratios against the baseline"),
    ACCURACY_ENERGY("accuracy-energy", "Accuracy against energy"),
    DISTRIBUTIONS("distributions", "Distributions per metric"),
    POWER("power", "Power timelines"),
    LEARNING("learning", "Learning curves"),
    BREAKDOWN("breakdown", "Energy breakdown"),
    CARBON("carbon", "Carbon"),
    APPENDIX("appendix", "Statistical appendix"),
    DOWNLOADS("downloads", "Downloads");

    private final String id;
    private final String title;

    SectionKind(String id, String title) {
        this.id = id;
        this.title = title;
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }
}
