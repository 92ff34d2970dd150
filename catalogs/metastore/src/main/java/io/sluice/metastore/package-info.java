/** Sluice's metadata store: the database that keeps the lakehouse catalog's state and, with their issues, jobs, schedules, history and security. */
package io.sluice.metastore;
