#pragma once

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <initializer_list>
#include <map>
#include <set>
#include <string>

namespace clientele::bench {

/// Deletes a workspace file and its -wal and -shm companions, where they exist.
inline void removeWorkspace(const std::string &path)
{
    for (const char *suffix : { "", "-wal", "-shm" })
        std::filesystem::remove(path + suffix);
}

/// Peak resident memory of this process so far, in MiB.
inline double peakMemoryMiB()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

/// Wall-clock stopwatch for one measured step.
class Stopwatch {
public:
    Stopwatch()
        : start_(std::chrono::steady_clock::now())
    {
    }
    double seconds() const
    {
        return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    }

private:
    std::chrono::steady_clock::time_point start_;
};

/**
 * A benchmark's command line: `--name value` options and `--name` flags, checked against
 * what the benchmark accepts. Anything else, or an option without its value, makes it
 * not ok(); usageError() then prints the usage.
 */
class Arguments {
public:
    Arguments(int argc, char *argv[], std::string usage,
        std::initializer_list<const char *> valueOptions,
        std::initializer_list<const char *> flags = {})
        : usage_(std::move(usage))
    {
        const std::set<std::string> takesValue(valueOptions.begin(), valueOptions.end());
        const std::set<std::string> isFlag(flags.begin(), flags.end());
        for (int i = 1; i < argc; ++i) {
            const std::string name = argv[i];
            if (isFlag.count(name) != 0)
                values_.insert_or_assign(name, "");
            else if (takesValue.count(name) != 0 && i + 1 < argc)
                values_.insert_or_assign(name, argv[++i]);
            else
                ok_ = false;
        }
    }

    bool ok() const { return ok_; }
    bool has(const char *name) const { return values_.count(name) != 0; }
    std::string text(const char *name, const std::string &fallback = {}) const
    {
        const auto found = values_.find(name);
        return found == values_.end() ? fallback : std::string(found->second);
    }
    /// A whole number, at least minimum; fallback when not given.
    long long number(const char *name, long long fallback, long long minimum = 1) const
    {
        const auto found = values_.find(name);
        return found == values_.end() ? fallback
                                      : std::max(minimum, std::atoll(found->second));
    }
    /// Prints the usage; returns 2, a usage error's exit code.
    int usageError() const
    {
        std::fprintf(stderr, "%s\n", usage_.c_str());
        return 2;
    }

private:
    std::string usage_;
    /// Names → values; the values point into argv, which lives as long as the program.
    std::map<std::string, const char *> values_;
    bool ok_ = true;
};

} // namespace clientele::bench
