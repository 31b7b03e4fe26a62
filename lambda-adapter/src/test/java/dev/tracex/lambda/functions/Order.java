package dev.tracex.lambda.functions;

/** A POJO event, deserialized by the runtime's Jackson serializer. */
public class Order {
    private int order;
    private String status;

    public int getOrder() {
        return order;
    }

    public void setOrder(int order) {
        this.order = order;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }
}
