package dev.meshgate.render;

/** The words of the render worker's protocol, shared by both ends. */
final class WorkerProtocol {

    static final String READY = "MESHGATE-RENDER-WORKER READY";
    static final String OK = "OK";
    static final String ERR = "ERR";

    private WorkerProtocol() {}

    static String tooLarge(long maxOutputBytes) {
        return "the rendered output is larger than " + maxOutputBytes + " bytes";
    }
}
