/**
 * The one JSON mapper of jobcode: the API's bodies, the command line's JSON output and the
 * measurement reports are written alike (depends on nothing of jobcode).
 */
package dev.jobcode.json;
