package io.joulebench.reports.model;

/** What a section holds, in order: text, tables and charts. */
public sealed interface Block permits Paragraph, Preformatted, Table, Chart {
}
