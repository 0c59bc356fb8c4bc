package io.smainer.sandbox.ns;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Frames work-dir files for the launcher's files pipe: {@code name NUL size NUL bytes}, repeated (smainer-launch.c). */
public final class TaskFilesEncoder {
    private TaskFilesEncoder() {
    }

    public static byte[] encode(Map<String, byte[]> files) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            out.writeBytes(f.getKey().getBytes(StandardCharsets.UTF_8));
            out.write(0);
            out.writeBytes(Integer.toString(f.getValue().length).getBytes(StandardCharsets.US_ASCII));
            out.write(0);
            out.writeBytes(f.getValue());
        }
        return out.toByteArray();
    }
}
