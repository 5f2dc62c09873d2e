/** Guests and where their memory lives in host RAM. */
package org.splitscope.core.guest;
