/** What training costs in memory: the accounting of parameters, gradients and optimizer state, and measured peaks. */
package dev.sppo.memory;
