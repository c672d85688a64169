package io.freelance.ledger.standalone;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One frontend running fixed-price flows one after the other while the gate is open. A flow stops
 * at its first step that is not acknowledged (the test retries it after the last restart, as a
 * frontend would); the client then starts a new flow. A flow whose steps were acknowledged before a
 * crash carries on after the restart: it relies on those effects having survived.
 */
final class LoadClient implements Runnable {

    private static final List<String> CURRENCIES = List.of("USD", "EUR");
    private static final int MAXIMUM_PAUSE_MILLIS = 20;

    private final String name;
    private final DemoUser client;
    private final DemoUser freelancer;
    private final Random random;
    private final int maximumFlows;
    private final LoadGate gate;
    private final RequestLog log;
    private final List<FixedPriceFlow> flows = new CopyOnWriteArrayList<>();

    LoadClient(String name, DemoUser client, DemoUser freelancer, long seed, int maximumFlows, LoadGate gate, RequestLog log) {
        this.name = name;
        this.client = client;
        this.freelancer = freelancer;
        this.random = new Random(seed);
        this.maximumFlows = maximumFlows;
        this.gate = gate;
        this.log = log;
    }

    @Override
    public void run() {
        try {
            while (flows.size() < maximumFlows) {
                FixedPriceFlow flow = newFlow();
                flows.add(flow);
                if (!runToTheEnd(flow)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** False once the load is over. */
    private boolean runToTheEnd(FixedPriceFlow flow) throws InterruptedException {
        Optional<FlowStep> step = Optional.of(FlowStep.OFFER);
        while (step.isPresent()) {
            Optional<LoadGate.Opening> opening = gate.awaitOpen();
            if (opening.isEmpty()) {
                return false;
            }
            Answer answer = log.perform(flow, step.get(), opening.get().api(), RequestLog.Attempt.LOAD, opening.get().phase());
            if (!answer.acknowledged()) {
                return true;
            }
            step = step.get().next();
            // A frontend does not fire its next step in the same millisecond; this also spreads the clients out.
            Thread.sleep(random.nextInt(MAXIMUM_PAUSE_MILLIS + 1));
        }
        return true;
    }

    /** Deposits from 5.00 to 1,004.99 with any cents, so fees round both ways. */
    private FixedPriceFlow newFlow() {
        BigDecimal deposit = BigDecimal.valueOf(500 + random.nextInt(100_000), 2);
        String currency = CURRENCIES.get(random.nextInt(CURRENCIES.size()));
        return new FixedPriceFlow(name + "-f" + (flows.size() + 1), client, freelancer, currency, deposit);
    }

    List<FixedPriceFlow> flows() {
        return List.copyOf(flows);
    }
}
