package org.undersigned.support;

/**
 * Fixed ports of the tests that start their own servers (SMTP sinks, second instances), shifted by
 * {@code UNDERSIGNED_TEST_PORT_OFFSET} so that several checkouts can run the suite side by side
 * on one machine without fighting over a port.
 */
public final class TestPorts {

    public static final int OFFSET = offset();

    private TestPorts() {
    }

    public static int port(int base) {
        return base + OFFSET;
    }

    private static int offset() {
        String value = System.getenv("UNDERSIGNED_TEST_PORT_OFFSET");
        return value == null || value.isBlank() ? 0 : Integer.parseInt(value.trim());
    }
}
