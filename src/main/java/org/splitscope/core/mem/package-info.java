/** Machine vocabulary: page sizes, frame arithmetic, the machine spec and boot layouts (R1, R2, R5). */
package org.splitscope.core.mem;
