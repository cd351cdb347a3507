/** Publishes the runtime service's MBeans in an OSGi framework. Private to the bundle. */
package io.ringkernel.management.internal;
