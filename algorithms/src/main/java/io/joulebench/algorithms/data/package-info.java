/** Datasets: IDX and CIFAR binary readers with validation, splits, normalisation, augmentation, discovery. */
package io.joulebench.algorithms.data;
