/**
 * The JavaFX app: the main window and its views, the heat-map control with its skin, the actions
 * with their executable bindings, the keyboard rules, the dialog service, and the app's entry points
 * (the Desktop implementation, the screenshot tour, the play benchmark). Views bind to the small
 * models of {@code ui.model} and never touch the simulation, which lives behind {@code ui.service}.
 * FX thread only.
 */
package org.splitscope.ui;
