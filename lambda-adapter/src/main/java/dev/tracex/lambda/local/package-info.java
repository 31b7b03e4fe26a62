/**
 * Running a handler outside Lambda: a Lambda {@code Context} for {@code tracex invoke}, unit tests and SnapStart
 * priming ({@link dev.tracex.lambda.local.LocalContext}).
 */
package dev.tracex.lambda.local;
