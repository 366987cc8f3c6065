package io.callintel.server.cli;

import io.callintel.core.audio.AudioFileNames;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The recordings a batch names: files as given, directories searched recursively for audio files
 * (by extension), and glob patterns ({@code calls/2025-*}{@code /*.mp3}) the shell left unexpanded.
 * Each recording once, in the order named (directories and globs in path order).
 */
final class BatchInputs {

    private BatchInputs() {}

    /** @throws IllegalArgumentException for a path that does not exist or a pattern that matches nothing */
    static List<Path> expand(List<String> inputs) {
        Map<Path, Path> unique = new LinkedHashMap<>(); // by normalized absolute path, keeping the path as written
        for (String input : inputs) {
            for (Path path : expandOne(input)) {
                unique.putIfAbsent(path.toAbsolutePath().normalize(), path);
            }
        }
        return new ArrayList<>(unique.values());
    }

    private static List<Path> expandOne(String input) {
        Path path = Path.of(input);
        if (Files.isRegularFile(path)) {
            return List.of(path);
        }
        if (Files.isDirectory(path)) {
            return walk(
                    path,
                    file -> AudioFileNames.audioExtension(file.getFileName().toString())
                            .isPresent());
        }
        if (isGlob(input)) {
            List<Path> matches = glob(input);
            if (matches.isEmpty()) {
                throw new IllegalArgumentException("no files match '" + input + "'");
            }
            return matches;
        }
        throw new IllegalArgumentException("no such file or directory: " + input);
    }

    private static boolean isGlob(String input) {
        return input.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '{');
    }

    /** Walks from the pattern's fixed leading directories, matching the rest. */
    private static List<Path> glob(String pattern) {
        String normalized = pattern.replace('\\', '/');
        int firstWild = 0;
        while (firstWild < normalized.length() && "*?[{".indexOf(normalized.charAt(firstWild)) < 0) {
            firstWild++;
        }
        int slash = normalized.lastIndexOf('/', firstWild);
        Path base = slash < 0 ? Path.of(".") : Path.of(slash == 0 ? "/" : normalized.substring(0, slash));
        if (!Files.isDirectory(base)) {
            return List.of();
        }
        PathMatcher matcher = FileSystems.getDefault()
                .getPathMatcher("glob:" + (slash < 0 ? normalized : normalized.substring(slash + 1)));
        return walk(base, file -> matcher.matches(base.relativize(file))).stream()
                .map(file -> slash < 0 ? base.relativize(file) : file)
                .toList();
    }

    private static List<Path> walk(Path directory, java.util.function.Predicate<Path> keep) {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).filter(keep).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the directory " + directory, e);
        }
    }
}
