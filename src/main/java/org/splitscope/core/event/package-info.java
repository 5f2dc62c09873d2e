/** The one event vocabulary (SimEvent) and its supporting enums; see SimEvent for the contract. */
package org.splitscope.core.event;
