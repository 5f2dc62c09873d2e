/**
 * Heat-map pixels without a toolkit: cell layout, colour-blind-safe palette with letters, bitmap
 * text, the rasterizer and whole-picture composition into ARGB int arrays. The app copies these
 * pixels into a JavaFX PixelBuffer; the command-line export writes them to PNG.
 */
package org.splitscope.render;
