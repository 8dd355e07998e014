package io.ticketchat.bench;

/** Receives every complete text frame a bench socket gets after it joined its room. */
@FunctionalInterface
interface FrameSink {

    FrameSink IGNORE = (socket, frame) -> { };

    void onFrame(ChatSocket socket, String frame);
}
