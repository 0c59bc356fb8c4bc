/** {@code smainer wallet}: create, import, show and export the provider's Stark key (keystore v3, 0600). */
package io.smainer.cli.wallet;
