/**
 * The contract between the command line and the desktop app ({@link org.splitscope.desktop.Desktop}),
 * found with ServiceLoader so that the command line never links JavaFX. No toolkit here.
 */
package org.splitscope.desktop;
