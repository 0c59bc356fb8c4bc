package io.smainer.relayer.schedule;

/** Final tasks per second over the last minute, for {@code /stats}. Thread-safe. */
public final class CompletionWindow {
    private final long[] perSecond = new long[60];
    private final long[] secondOf = new long[60];
    private long total;

    public synchronized void record(long nowMillis) {
        long sec = nowMillis / 1000;
        int i = (int) (sec % 60);
        if (secondOf[i] != sec) {
            secondOf[i] = sec;
            perSecond[i] = 0;
        }
        perSecond[i]++;
        total++;
    }

    /** Tasks that reached a final state in the 60 seconds before {@code nowMillis}. */
    public synchronized long lastMinute(long nowMillis) {
        long sec = nowMillis / 1000;
        long sum = 0;
        for (int i = 0; i < 60; i++) {
            if (sec - secondOf[i] < 60) {
                sum += perSecond[i];
            }
        }
        return sum;
    }

    public synchronized long total() {
        return total;
    }
}
