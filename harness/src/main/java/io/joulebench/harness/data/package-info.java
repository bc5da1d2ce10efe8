/** Dataset download: the catalog of official archives, a resumable verifying downloader and a safe tar extractor. */
package io.joulebench.harness.data;
