/**
 * The simulation side of the app, and its one contract with the view ({@link org.splitscope.ui.service.SimService}).
 * The view sends typed {@link org.splitscope.ui.service.Command}s, each carrying the
 * {@link org.splitscope.ui.service.ViewSettings} it was issued under; the service, on its own thread,
 * alone holds the timeline, the session and the compare peers, and publishes immutable
 * {@link org.splitscope.ui.service.Snapshot}s whose parts are all computed at one position, with dirty
 * bits so the view rebuilds only what changed. Play ({@link org.splitscope.ui.service.Player}) runs here
 * on an injectable clock. Nothing in this package uses JavaFX (ArchitectureTest), so it cannot read
 * the view's state by accident.
 */
package org.splitscope.ui.service;
