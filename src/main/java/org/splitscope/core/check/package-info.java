/** The invariant checker tests run after every step. */
package org.splitscope.core.check;
