/**
 * Fixed-shape JDBC on the transaction's connection, as the write path uses it beside Hibernate: ids from the
 * entities' generators, UTC timestamps. A bottom package: it uses nothing of the project.
 */
package io.leadgate.jdbc;
