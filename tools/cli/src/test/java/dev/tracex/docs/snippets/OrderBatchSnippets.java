package dev.tracex.docs.snippets;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.KafkaEvent;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.tracex.lambda.TracexBatch;
import dev.tracex.lambda.TracexContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** docs/batches.md: each record under its own context. */
final class OrderBatchSnippets {
    private static final Logger log = LoggerFactory.getLogger(OrderBatchSnippets.class);
    private final Stock stock = new Stock();

    // snippet:begin process-sqs
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return TracexBatch.processSqs(event, (message, record) -> {
            Order order = parse(message.getBody());     // throws: this message is retried, not the batch
            log.info("reserving {}", order.id());       // MDC: this message's dd.trace_id
            stock.reserve(order);                       // spans: children of this message's context
        });
    }
    // snippet:end process-sqs

    static final class Kafka {
        // snippet:begin kafka
        public Void handleRequest(KafkaEvent event, Context context) {
            TracexBatch.forEachRecord(event, (record, rc) -> {
                log.info("{}: {}", rc.id().orElse("?"), record.getValue()); // "orders-0@15", under that record's trace
                process(record);
            });
            return null;
        }
        // snippet:end kafka

        private void process(KafkaEvent.KafkaEventRecord record) {
        }
    }

    static final class Pool {
        // snippet:begin pool
        private static final ExecutorService POOL = TracexContext.wrap(Executors.newFixedThreadPool(8)); // at init

        public Void handleRequest(SQSEvent event, Context context) {
            TracexBatch.forEachRecord(event, (message, record) -> {
                List<Future<?>> parts = new ArrayList<>();
                for (Item item : items(message)) {
                    parts.add(POOL.submit(() -> save(item)));   // its spans and logs: this message's trace
                }
                for (Future<?> f : parts) f.get();
            });
            return null;
        }
        // snippet:end pool

        private List<Item> items(SQSEvent.SQSMessage message) {
            return List.of();
        }

        private void save(Item item) {
        }
    }

    private static Order parse(String body) {
        return new Order(body);
    }

    record Order(String id) {
    }

    record Item(String sku) {
    }

    static final class Stock {
        void reserve(Order order) {
        }
    }
}
