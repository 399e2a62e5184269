package dev.sppo.prompts;

/** Where a format reader sends each record it reads and each line it refuses, in file order. */
interface LineSink {

    void accept(long line, PromptRecord record);

    void refuse(LineProblem problem);
}
