// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
//
// main() for a libFuzzer target built without libFuzzer (every preset but `fuzz`), as OSS-Fuzz's
// StandaloneFuzzTargetMain: calls LLVMFuzzerInitialize when the target defines it, then
// LLVMFuzzerTestOneInput once per input. The compilers and clang-tidy of the normal builds see
// the targets this way, and a ctest replays their seeds.
//
//   fuzz_<target> PATH...   each PATH a file, or a folder whose files are run (sorted by name)
// Fails when a path cannot be read or there is no input; a target signals a violated invariant
// by aborting, as under libFuzzer.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <span>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size);
extern "C" __attribute__((weak)) int LLVMFuzzerInitialize(int *argc, char ***argv);

namespace {

namespace fs = std::filesystem;

/// The files the paths name: a file itself, a folder's regular files sorted by name.
bool collectInputs(std::span<char *const> paths, std::vector<fs::path> *inputs)
{
    for (const char *arg : paths) {
        const fs::path path(arg);
        std::error_code error;
        if (fs::is_directory(path, error)) {
            std::vector<fs::path> files;
            for (const fs::directory_entry &entry : fs::directory_iterator(path, error)) {
                if (entry.is_regular_file())
                    files.push_back(entry.path());
            }
            std::sort(files.begin(), files.end());
            inputs->insert(inputs->end(), files.begin(), files.end());
        } else if (fs::is_regular_file(path, error)) {
            inputs->push_back(path);
        } else {
            std::fprintf(stderr, "%s: not a file or folder\n", arg);
            return false;
        }
    }
    return true;
}

bool runInput(const fs::path &path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        std::fprintf(stderr, "%s: cannot read\n", path.c_str());
        return false;
    }
    std::vector<std::uint8_t> data { std::istreambuf_iterator<char>(in),
        std::istreambuf_iterator<char>() };
    // One byte past the end, so that data() is never null (libFuzzer never passes null).
    data.push_back(0);
    LLVMFuzzerTestOneInput(data.data(), data.size() - 1);
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    if (LLVMFuzzerInitialize != nullptr)
        LLVMFuzzerInitialize(&argc, &argv);
    const std::span<char *const> args(argv, static_cast<std::size_t>(argc));
    std::vector<fs::path> inputs;
    if (args.size() < 2 || !collectInputs(args.subspan(1), &inputs))
        return 2;
    if (inputs.empty()) {
        std::fprintf(stderr, "no inputs\n");
        return 1;
    }
    for (const fs::path &path : inputs) {
        if (!runInput(path))
            return 1;
    }
    std::fprintf(stderr, "%zu inputs run\n", inputs.size());
    return 0;
}
