/**
 * The FX side's small models (STYLE.md principle 6): navigation, map, event log, figures and export,
 * under one {@link org.splitscope.ui.model.AppModel} that applies each snapshot of the simulation
 * service whole. Read-only properties and command methods; no Node (ArchitectureTest). FX thread only.
 */
package org.splitscope.ui.model;
