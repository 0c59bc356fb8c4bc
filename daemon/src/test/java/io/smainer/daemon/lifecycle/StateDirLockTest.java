package io.smainer.daemon.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateDirLockTest {
    @TempDir
    Path tmp;

    @Test
    void secondHolderIsRefusedNamingThePid() throws Exception {
        Path state = tmp.resolve("state");
        try (StateDirLock first = StateDirLock.acquire(state)) {
            assertThat(Files.readString(state.resolve("daemon.lock")).trim()).isEqualTo(Long.toString(ProcessHandle.current().pid()));
            assertThatThrownBy(() -> StateDirLock.acquire(state)).isInstanceOf(StateDirLockedException.class)
                    .hasMessageContaining(state.toString()).hasMessageContaining("pid " + ProcessHandle.current().pid())
                    .hasMessageContaining("--state-dir");
        }
        StateDirLock.acquire(state).close();
    }
}
