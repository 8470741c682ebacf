/**
 * Helpers of the embedded runtime. Not a public API: the types here may change without notice.
 */
package dev.newsroom.embedded.internal;
