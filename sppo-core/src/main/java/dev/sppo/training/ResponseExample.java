package dev.sppo.training;

/** A tokenised prompt and one response to it, the unit of supervised fine-tuning. */
public record ResponseExample(int[] prompt, int[] response) {

    public ResponseExample {
        prompt = prompt.clone();
        response = response.clone();
    }

    @Override
    public int[] prompt() {
        return prompt.clone();
    }

    @Override
    public int[] response() {
        return response.clone();
    }
}
