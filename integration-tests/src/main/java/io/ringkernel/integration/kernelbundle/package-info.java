/**
 * The code of a kernel bundle that the chaos test builds while it runs: this bundle keeps the
 * package to itself, and each built bundle carries its own copy of the classes.
 */
package io.ringkernel.integration.kernelbundle;
