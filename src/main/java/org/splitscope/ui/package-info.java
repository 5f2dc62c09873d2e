/**
 * The JavaFX app: the view model and its snapshots, the heat-map control with its skin, the views,
 * menus and actions. The simulation runs on its own thread (SimExecutor); views bind to the
 * AppViewModel and read immutable Snapshots.
 */
package org.splitscope.ui;
