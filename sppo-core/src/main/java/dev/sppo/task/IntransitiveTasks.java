package dev.sppo.task;

import dev.sppo.game.ClassGames;

import java.util.List;

/**
 * The built-in intransitive tasks ({@link ClassGameTask}): {@value #CYCLE}, rock-paper-scissors with unequal
 * strengths and dominated answers ({@link ClassGames#cycle()}), and {@value #PANEL}, the cyclic majority of three
 * transitive judges ({@link ClassGames#panel()}). Their uncorrupted demonstrations favour the answer of the cycle
 * that the Nash mixture plays least, so that π_0 starts far from it.
 */
public final class IntransitiveTasks {

    public static final String CYCLE = "intransitive";
    public static final String PANEL = "judge_panel";

    private IntransitiveTasks() {}

    /** stone 0.7, paper 0.1, blade 0.2 in uncorrupted demonstrations (Nash: 2/7, 4/7, 1/7). */
    public static ClassGameTask cycle(long seed) {
        return new ClassGameTask(CYCLE, ClassGames.cycle(), List.of(0.7, 0.1, 0.2, 0.0, 0.0), seed);
    }

    /** fox 0.1, owl 0.7, elk 0.2 in uncorrupted demonstrations (Nash: about 0.33, 0.14, 0.53). */
    public static ClassGameTask panel(long seed) {
        return new ClassGameTask(PANEL, ClassGames.panel().game(), List.of(0.1, 0.7, 0.2, 0.0, 0.0), seed);
    }

    /** The task {@code name} ({@value #CYCLE} or {@value #PANEL}) with its prompts seeded by {@code seed}. */
    static ClassGameTask byName(String name, long seed) {
        return switch (name) {
            case CYCLE -> cycle(seed);
            case PANEL -> panel(seed);
            default -> throw new IllegalArgumentException("not an intransitive task: " + name);
        };
    }
}
