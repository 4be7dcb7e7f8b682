/**
 * Measurement: the bench (encoder, classify in process and over HTTP, HNSW recall, candidate
 * search, index build, the peer) and the load test, each with a typed report. Starts servers of
 * its own over a classifier; the command line only parses options and prints.
 */
package dev.jobcode.measure;
