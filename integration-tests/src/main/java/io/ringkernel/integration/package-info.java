/** Tests of the platform inside a real OSGi framework. */
package io.ringkernel.integration;
