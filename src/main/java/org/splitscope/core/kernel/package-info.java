/** Host kernel functions over the machine state (change_page_attr, flushes, rmp_make_*, host accesses), the Policy hook and the counters. */
package org.splitscope.core.kernel;
