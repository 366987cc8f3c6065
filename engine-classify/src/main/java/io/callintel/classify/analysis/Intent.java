package io.callintel.classify.analysis;

import io.callintel.core.transcript.Role;
import java.util.List;

/**
 * One intent of the built-in library ({@code intents.txt}): what it means as a use case would word it, whose
 * words show it, its opposite, and how people say it on a call, with the embeddings of both.
 *
 * @param means        third-person statements ("The customer promises to pay.")
 * @param meansVectors their embeddings
 * @param meansNegated whether each statement is negated ({@link Negation#negated})
 * @param examples     utterances that show it ("I'll pay it on Friday.")
 * @param exampleVectors their embeddings
 * @param exampleNegated whether each example negates ({@link Negation#says})
 * @param opposite     the intent that says the opposite, or null
 * @param hedge        whether it says the party has not made up their mind ("hedge: yes")
 */
record Intent(
        String name,
        Role party,
        List<String> means,
        float[][] meansVectors,
        boolean[] meansNegated,
        List<String> examples,
        float[][] exampleVectors,
        boolean[] exampleNegated,
        String opposite,
        boolean hedge) {}
