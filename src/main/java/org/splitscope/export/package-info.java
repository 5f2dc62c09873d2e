/** Writers for exported pictures and data (PNG, GIF, CSV), each written atomically. */
package org.splitscope.export;
