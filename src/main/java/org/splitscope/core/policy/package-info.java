/** The ten direct-map policies of the seed thread (DOMAIN.md section 5). */
package org.splitscope.core.policy;
