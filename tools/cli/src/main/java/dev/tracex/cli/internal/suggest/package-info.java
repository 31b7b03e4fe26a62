/**
 * {@code tracex suggest}: finding where an event carries a trace context (objects of propagation headers in any
 * style, JSON in strings, base64, SQS/SNS message attributes, Kafka header bytes, DynamoDB typed items, X-Ray
 * headers, the places a given id appears), and writing a rule for each place that the engine confirms finds a
 * context, with an example cut from the event. {@link Suggester} is the entry point. Internal to the command line:
 * may change in any release.
 */
package dev.tracex.cli.internal.suggest;
