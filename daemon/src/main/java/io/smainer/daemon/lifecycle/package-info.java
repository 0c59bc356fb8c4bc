/** Process lifecycle: the state-dir lock, signal handling and the ordered drain and shutdown. */
package io.smainer.daemon.lifecycle;
