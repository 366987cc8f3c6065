package io.callintel.classify.embed;

import ai.djl.util.Utils;

/**
 * Keeps DJL's tokenizer binding from touching the network. Out of the box it would, on first use:
 * ask the EC2 metadata endpoint who it runs on and send telemetry ({@code Ec2Utils.callHome}), and
 * on a machine with CUDA look for a GPU build of its native library, which is not in the jar, and
 * download it. In offline mode it does neither: telemetry is skipped and the CPU library bundled in
 * the jar is extracted to DJL's cache directory (by default {@code ~/.djl.ai}) and loaded from there.
 */
final class DjlOffline {

    /** DJL reads this system property unless the environment variable {@code DJL_OFFLINE} is set. */
    private static final String OFFLINE_PROPERTY = "ai.djl.offline";
    /** Belt and braces: also opts out of telemetry should offline mode ever stop implying it. */
    private static final String OPT_OUT_PROPERTY = "OPT_OUT_TRACKING";

    private DjlOffline() {}

    /**
     * Switches DJL to offline mode. Must run before the first tokenizer is created: DJL decides how
     * to load its native library once, when its {@code LibUtils} class initialises.
     *
     * @throws IllegalStateException when the environment forces DJL online ({@code DJL_OFFLINE=false}),
     *                               which would let it download at run time
     */
    static void enforce() {
        System.setProperty(OFFLINE_PROPERTY, "true");
        System.setProperty(OPT_OUT_PROPERTY, "true");
        if (!Utils.isOfflineMode()) {
            throw new IllegalStateException("the environment sets DJL_OFFLINE=" + System.getenv("DJL_OFFLINE")
                    + ", which would let the tokenizer library download at run time; unset it");
        }
    }
}
