/** Scenario files (format 1, YAML and JSON), the ptdump and meminfo importers, and the built-in scenarios. */
package org.splitscope.scenario;
