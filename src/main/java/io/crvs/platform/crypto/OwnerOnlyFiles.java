package io.crvs.platform.crypto;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/** Writes key material so that only the file's owner can read it, and never leaves a half-written file. */
public final class OwnerOnlyFiles {
    private OwnerOnlyFiles() {
    }

    /** Creates {@code file} with mode 0600 (its folder with 0700); fails if it already exists. */
    public static void writeNew(Path file, byte[] content) throws IOException {
        var folder = file.toAbsolutePath().getParent();
        createFolder(folder);
        var temp = Files.createTempFile(folder, ".tmp-", ".part");
        try {
            restrict(temp, "rw-------");
            Files.write(temp, content);
            if (Files.exists(file)) {
                throw new FileAlreadyExistsException(file.toString());
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    public static void createFolder(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            Files.createDirectories(folder);
            restrict(folder, "rwx------");
        }
    }

    /** Makes an existing folder owner-only (0700), e.g. one an operator created by hand. */
    public static void restrict(Path folder) throws IOException {
        restrict(folder, "rwx------");
    }

    private static void restrict(Path path, String permissions) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system (Windows): the folder's ACL is the operator's to set.
        }
    }
}
