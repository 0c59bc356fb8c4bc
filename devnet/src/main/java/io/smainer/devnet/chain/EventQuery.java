package io.smainer.devnet.chain;

import io.smainer.devnet.exec.EmittedEvent;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code starknet_getEvents} over the ledger: block range, emitter addresses, positional key filter
 * (an empty position matches anything) and paging. The continuation token is
 * {@code "<block>-<n>"}: the n-th event (counting every event of the block) where the next page starts,
 * so pages stay stable while new blocks are mined.
 */
public final class EventQuery {
    /** One matching event with its location. */
    public record Match(EmittedEvent event, Block block, Receipt receipt, int eventIndex) {}

    /** One page; {@code continuationToken} is null on the last page. */
    public record Page(List<Match> events, String continuationToken) {}

    private EventQuery() {}

    public static Page run(Ledger ledger, long fromBlock, long toBlock, Set<BigInteger> addresses,
                           List<List<BigInteger>> keys, int chunkSize, String continuationToken) {
        long startBlock = fromBlock;
        int startOffset = 0;
        if (continuationToken != null) {
            long[] pos = parseToken(continuationToken);
            startBlock = Math.max(fromBlock, pos[0]);
            startOffset = pos[0] >= fromBlock ? (int) pos[1] : 0;
        }
        List<Match> out = new ArrayList<>();
        long last = Math.min(toBlock, ledger.latest().number());
        for (long b = startBlock; b <= last; b++) {
            Block block = ledger.byNumber(b).orElseThrow();
            int offset = 0;
            for (Receipt receipt : ledger.receipts(block)) {
                List<EmittedEvent> events = receipt.events();
                for (int i = 0; i < events.size(); i++, offset++) {
                    if (b == startBlock && offset < startOffset) {
                        continue;
                    }
                    EmittedEvent e = events.get(i);
                    if (!matches(e, addresses, keys)) {
                        continue;
                    }
                    if (out.size() == chunkSize) {
                        return new Page(out, b + "-" + offset);
                    }
                    out.add(new Match(e, block, receipt, i));
                }
            }
        }
        return new Page(out, null);
    }

    static boolean matches(EmittedEvent e, Set<BigInteger> addresses, List<List<BigInteger>> keys) {
        if (!addresses.isEmpty() && !addresses.contains(e.fromAddress())) {
            return false;
        }
        for (int i = 0; i < keys.size(); i++) {
            List<BigInteger> allowed = keys.get(i);
            if (allowed.isEmpty()) {
                continue;
            }
            if (i >= e.keys().size() || !allowed.contains(e.keys().get(i))) {
                return false;
            }
        }
        return true;
    }

    /** @throws IllegalArgumentException for a token this devnet did not issue */
    static long[] parseToken(String token) {
        String[] parts = token.split("-", -1);
        try {
            if (parts.length == 2) {
                long block = Long.parseLong(parts[0]);
                long offset = Long.parseLong(parts[1]);
                if (block >= 0 && offset >= 0 && offset <= Integer.MAX_VALUE) {
                    return new long[] {block, offset};
                }
            }
        } catch (NumberFormatException e) {
            // falls through to the error below
        }
        throw new IllegalArgumentException("continuation_token '" + token + "' was not issued by this devnet "
                + "(expected <block>-<event offset>)");
    }
}
