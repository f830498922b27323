package org.narrativewatch.job;

/** Told of each finished article or error; shows progress to a person, or nothing. */
public interface Progress extends AutoCloseable {
    Progress NONE = new Progress() {
        @Override
        public void step() {
        }

        @Override
        public void close() {
        }
    };

    void step();

    @Override
    void close();
}
